#!/usr/bin/env python3
"""Guesses a minute against the example app over loopback: HTTP Basic password guesses at
POST /api/home/describe_site (the issue's reproduction). Mode 'ip': every guess from 127.0.0.1, a different
username each time (password spraying from one IP). Mode 'user': every guess at one username, each from its own
loopback address 127.0.0.x (one username from many IPs). Counts the answers by status for SECONDS seconds."""
import base64, collections, http.client, sys, threading, time

port, mode, seconds, workers = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
counts = collections.Counter()
lock = threading.Lock()
stop = time.time() + seconds
n = [0]

def next_n():
    with lock:
        n[0] += 1
        return n[0]

def worker():
    while time.time() < stop:
        i = next_n()
        user = "alice" if mode == "user" else "alice%d" % i
        source = ("127.0.0.%d" % (2 + i % 250), 0) if mode == "user" else ("127.0.0.1", 0)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
        auth = base64.b64encode(("%s:guess%d" % (user, i)).encode()).decode()
        c.request("POST", "/api/home/describe_site", body=b"", headers={"Authorization": "Basic " + auth,
                  "Content-Type": "application/x-www-form-urlencoded"})
        r = c.getresponse(); r.read(); c.close()
        with lock:
            counts[r.status] += 1

threads = [threading.Thread(target=worker) for _ in range(workers)]
[t.start() for t in threads]; [t.join() for t in threads]
print("mode=%s seconds=%s workers=%d answers=%s checked(401)/min=%.0f" % (mode, seconds, workers, dict(counts),
      counts[401] * 60 / seconds))
