#!/usr/bin/env python3
"""The reliability suite's own HTTP client (standard library only), for the scenarios wrk cannot judge.

  client.py traffic URL SECONDS OUT.jsonl   mixed reads and writes from THREADS threads (env), one line per request
  client.py analyse OUT.jsonl EVENTS KIND   the figures of one scenario from the requests and the event times
  client.py normal URL SECONDS              one plain client beside the slow ones: prints its success ratio
  client.py hostile URL SCHEMA.json         the hostile corpus against every write endpoint: prints 5xx count

Every request is bounded (a timeout of 10 s) and every loop stops by itself after SECONDS.
"""
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse

TOKEN = os.environ.get("JWT", "")
KEY = os.environ.get("API_KEY", "")


def request(base, method, path, body=None, headers=None, timeout=10.0):
    """One request on a new connection; returns (status, body bytes, headers dict) or (0, error text, {})."""
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        return r.status, data, {k.lower(): v for k, v in r.getheaders()}
    except Exception as e:  # a refused, reset or timed-out request is a failure the client sees
        return 0, repr(e).encode(), {}
    finally:
        conn.close()


def mixed(i):
    """The request mix: reads and writes of posts (JWT) and employees (API key)."""
    r = random.random()
    if r < 0.35:
        return "GET", "/api/posts/?page=1", None, {"Authorization": "Bearer " + TOKEN}
    if r < 0.70:
        return "GET", "/api/employees/?department=load", None, {"Authorization": "Api-Key " + KEY}
    if r < 0.85:
        body = json.dumps({"title": "reliability %d" % i, "content": "x" * 100, "draft": False})
        return "POST", "/api/posts/", body, {"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"}
    body = json.dumps({"name": "worker %d" % i, "department": "load", "salary": 1234.5, "hire_date": "2024-01-02"})
    return "POST", "/api/employees/", body, {"Authorization": "Api-Key " + KEY, "Content-Type": "application/json"}


def traffic(base, seconds, out):
    threads = int(os.environ.get("THREADS", "16"))
    pause = float(os.environ.get("PAUSE", "0"))
    stop = time.time() + seconds
    lines = []
    lock = threading.Lock()

    def worker(n):
        mine = []
        i = n * 10_000_000
        while time.time() < stop:
            i += 1
            method, path, body, headers = mixed(i)
            t0 = time.time()
            status, data, _ = request(base, method, path, body, headers)
            rec = {"t": t0, "ms": round((time.time() - t0) * 1000, 1), "m": method, "p": path.split("?")[0],
                   "s": status}
            if status >= 400 or status == 0:
                try:
                    rec["code"] = json.loads(data).get("code")
                except Exception:
                    rec["code"] = None
                    rec["raw"] = data[:200].decode("utf-8", "replace")
            elif method == "POST" and status == 201:
                rec["id"] = json.loads(data)["id"]
            mine.append(rec)
            if pause:
                time.sleep(pause)
        with lock:
            lines.extend(mine)

    ts = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    with open(out, "w") as f:
        for rec in sorted(lines, key=lambda r: r["t"]):
            f.write(json.dumps(rec) + "\n")


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def events(path):
    out = {}
    with open(path) as f:
        for line in f:
            name, t = line.split()
            out[name] = float(t)
    return out


def analyse(out, event_file, kind):
    recs = load(out)
    ev = events(event_file)
    ok = [r for r in recs if 200 <= r["s"] < 300]
    failed = [r for r in recs if not (200 <= r["s"] < 300)]
    result = {"requests": len(recs), "2xx": len(ok), "failed": len(failed)}
    if kind == "sigterm":
        result["failures"] = [{"s": r["s"], "code": r.get("code"), "raw": r.get("raw")} for r in failed[:5]]
    if kind == "postgres":
        down, up = ev["pg_stop"], ev["pg_start"]
        result["pg_stop_command_took_s"] = round(down - ev["pg_stop_command"], 2)
        during = [r for r in recs if down <= r["t"] < up]
        # answers to requests begun at least 1 s after the stop: every one must be a 503 in the error format
        settled = [r for r in during if r["t"] >= down + 1.0]
        result["during_outage"] = len(during)
        result["during_outage_not_503_format"] = sum(
            1 for r in settled if not (r["s"] == 503 and r.get("code") == "service_unavailable"))
        five03 = [r for r in during if r["s"] == 503]
        result["first_503_after_stop_s"] = round(min((r["t"] + r["ms"] / 1000 for r in five03), default=-1) - down, 2)
        result["max_503_latency_ms"] = max((r["ms"] for r in five03), default=0)
        result["other_5xx"] = sum(1 for r in recs if r["s"] >= 500 and r["s"] != 503)
        result["refused_or_reset"] = sum(1 for r in recs if r["s"] == 0)
        ready = ev["pg_ready"]
        result["postgres_start_to_ready_s"] = round(ready - up, 2)
        back = [r for r in recs if r["t"] >= ready and 200 <= r["s"] < 300 and r["m"] == "POST"]
        result["first_2xx_write_after_ready_s"] = round(max(0.0, min((r["t"] + r["ms"] / 1000 for r in back),
                                                                     default=ready + 999) - ready), 2)
        result["failed_5s_after_ready"] = sum(1 for r in recs if r["t"] >= ready + 5 and not (200 <= r["s"] < 300))
        with open(out + ".ids", "w") as f:
            for r in ok:
                if "id" in r:
                    f.write("%s %d\n" % (r["p"], r["id"]))
        result["2xx_writes"] = sum(1 for r in ok if "id" in r)
    if kind == "redis":
        for name in ("pause", "restart"):
            a, b = ev[name + "_begin"], ev[name + "_end"]
            during = [r for r in recs if a <= r["t"] < b]
            result[name + "_requests"] = len(during)
            result[name + "_failed"] = sum(1 for r in during if not (200 <= r["s"] < 300))
            result[name + "_max_ms"] = max((r["ms"] for r in during), default=0)
            after = [r for r in recs if b <= r["t"] < b + 2]
            result[name + "_after_2s_max_ms"] = max((r["ms"] for r in after), default=0)
        result["failures"] = [{"s": r["s"], "code": r.get("code")} for r in failed[:5]]
    print(json.dumps(result))


def normal(base, seconds):
    start = time.time()
    stop = start + seconds
    good = total = 0
    failures = []  # the first few: seconds into the run, status, error
    while time.time() < stop:
        sent = time.time()
        status, body, _ = request(base, "GET", "/api/hello/normal/", timeout=5.0)
        total += 1
        good += 200 <= status < 300
        if not 200 <= status < 300 and len(failures) < 10:
            failures.append([round(sent - start, 1), status, body[:80].decode("utf-8", "replace")])
        time.sleep(0.05)
    print(json.dumps({"requests": total, "ok": good, "ratio": round(good / max(total, 1), 4), "failures": failures}))


def hostile_bodies():
    """Malformed and hostile bodies: (name, content type, bytes)."""
    j = "application/json"
    deep = "[" * 100_000 + "]" * 100_000
    deep_obj = '{"a":' * 50_000 + "1" + "}" * 50_000
    boundary = "XyZ"
    many_parts = "".join("--%s\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n" % (boundary, i)
                         for i in range(5000)) + "--%s--\r\n" % boundary
    traversal = ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../../../etc/passwd\"\r\n"
                 "Content-Type: text/plain\r\n\r\nroot:x:0:0\r\n--%s--\r\n" % (boundary, boundary))
    traversal2 = traversal.replace("../../../../etc/passwd", "..\\\\..\\\\windows\\\\win.ini")
    nul_name = traversal.replace("../../../../etc/passwd", "a\x00.txt")
    mp = "multipart/form-data; boundary=" + boundary
    return [
        ("broken json", j, b'{"title": "x", '),
        ("not json", j, b"hello"),
        ("empty", j, b""),
        ("json null", j, b"null"),
        ("json array", j, b"[1,2,3]"),
        ("deep array", j, deep.encode()),
        ("deep object", j, deep_obj.encode()),
        ("huge number", j, ('{"salary": 1' + "0" * 100_000 + ', "title": 1e999999999}').encode()),
        ("huge exponent", j, b'{"salary": 1e2147483647, "hire_date": "2024-01-01", "name": "n", "department": "d"}'),
        ("invalid utf-8", j, b'{"title": "\xff\xfe\xc3\x28", "content": "\xed\xa0\x80"}'),
        ("lone surrogate escape", j, b'{"title": "\\ud800", "content": "x"}'),
        ("wrong types", j, b'{"title": {"a": 1}, "content": [1], "draft": "maybe", "salary": "x", "hire_date": 5}'),
        ("huge string", j, ('{"title": "' + "a" * 5_000_000 + '"}').encode()),
        ("duplicate keys", j, b'{"title": "a", "title": "b"}'),
        ("form bomb", "application/x-www-form-urlencoded", ("&".join("a%d=b" % i for i in range(200_000))).encode()),
        ("form deep", "application/x-www-form-urlencoded", ("a" + "[a]" * 10_000 + "=1").encode()),
        ("form huge index", "application/x-www-form-urlencoded", b"a[99999999999]=1"),
        ("form bad percent", "application/x-www-form-urlencoded", b"title=%zz%&content=%"),
        ("multipart many parts", mp, many_parts.encode()),
        ("multipart traversal", mp, traversal.encode()),
        ("multipart backslash traversal", mp, traversal2.encode()),
        ("multipart nul file name", mp, nul_name.encode()),
        ("multipart no end", mp, ("--%s\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv" % boundary).encode()),
        ("multipart no boundary", "multipart/form-data", b"--x\r\n\r\n"),
        ("unknown content type", "application/x-evil", b"\x00\x01\x02"),
        ("xml", "application/xml", b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>"),
    ]


def write_endpoints(schema, ids):
    """Every (method, path) of the document that takes a body, with {id}-like parts filled."""
    out = []
    for path, item in schema["paths"].items():
        for method in ("post", "put", "patch"):  # a DELETE's body is ignored; with credentials it rightly deletes
            if method in item:
                filled = path
                for name in [seg[1:-1] for seg in path.split("/") if seg.startswith("{")]:
                    filled = filled.replace("{%s}" % name, str(ids.get(path.split("/")[2], "1")))
                out.append((method.upper(), filled))
    return out


def hostile(base, schema_file, ids_json):
    schema = json.load(open(schema_file))
    ids = json.loads(ids_json)
    creds = [("anonymous", {}), ("jwt", {"Authorization": "Bearer " + TOKEN}),
             ("api key", {"Authorization": "Api-Key " + KEY})]
    counts = {"requests": 0, "5xx": 0, "by_status": {}}
    bad = []
    for method, path in write_endpoints(schema, ids):
        for cname, cred in creds:
            for name, ctype, body in hostile_bodies():
                headers = dict(cred)
                headers["Content-Type"] = ctype
                status, data, _ = request(base, method, path, body, headers, timeout=30.0)
                counts["requests"] += 1
                counts["by_status"][str(status)] = counts["by_status"].get(str(status), 0) + 1
                if status >= 500 or status == 0:
                    counts["5xx"] += 1
                    bad.append("%s %s [%s] %s -> %s %s" % (method, path, cname, name, status, data[:120]))
    counts["endpoints"] = len(write_endpoints(schema, ids))
    counts["bodies"] = len(hostile_bodies())
    counts["examples_of_5xx"] = bad[:10]
    print(json.dumps(counts))


def summary(figures_file, stamp):
    """A Markdown table of the run: each scenario's figure against its target, as docs/RELIABILITY.md shows it."""
    rows = []
    for line in open(figures_file):
        f = json.loads(line)
        name, x = f["scenario"], f["figure"]
        if name == "load":
            errors = x["connect_errors"] + x["read_errors"] + x["write_errors"] + x["timeouts"] + x["non_2xx_3xx"]
            met = errors == 0
            text = "%.0f req/s, p99 %.1f ms, %d errors of %d requests" % (x["rps"], x["p99_ms"], errors, x["requests"])
            target = "req/s, p99, 0 errors"
        elif name == "sigterm":
            met = x["failed"] == 0
            text = "%d failed of %d requests" % (x["failed"], x["requests"])
            target = "0 failed requests"
        elif name == "postgres":
            met = (x["during_outage_not_503_format"] == 0 and x["other_5xx"] == 0 and x["max_503_latency_ms"] <= 1000
                   and x["first_2xx_write_after_ready_s"] <= 5 and x["2xx_writes"] == x["2xx_writes_found_in_db"])
            text = ("first 503 %.2f s after the stop, slowest 503 %.0f ms, %d answers not a 503 in the error format, "
                    "%d other 5xx; first 2xx write %.2f s after PostgreSQL was ready; %d of %d 2xx writes in the "
                    "database") % (x["first_503_after_stop_s"], x["max_503_latency_ms"],
                                   x["during_outage_not_503_format"], x["other_5xx"], x["first_2xx_write_after_ready_s"],
                                   x["2xx_writes_found_in_db"], x["2xx_writes"])
            target = "503 within 1 s, back within 5 s, every 2xx write kept"
        elif name == "redis":
            met = x["pause_failed"] == 0 and x["restart_failed"] == 0 and 0 <= x["restart_recovery_s"] <= 2
            text = ("fail-open: %d of %d failed while paused (slowest %.0f ms), %d of %d failed while restarted; "
                    "counters back in Redis %.2f s after it started") % (
                x["pause_failed"], x["pause_requests"], x["pause_max_ms"], x["restart_failed"], x["restart_requests"],
                x["restart_recovery_s"])
            target = "policy holds, recovery within 2 s"
        elif name == "slow":
            met = x["ratio"] >= 0.99
            text = "normal client %d of %d ok (%.2f %%)" % (x["ok"], x["requests"], x["ratio"] * 100)
            target = ">= 99 % success beside them"
        elif name == "soak":
            drifts = {k: x[k + "_drift_pct"] for k in ("heap_after_gc", "threads", "fds", "pool_connections")}
            met = all(abs(v) < 5 for v in drifts.values()) and x["non_2xx_3xx"] == 0
            text = "%.0f req/s, p99 %.1f ms, %d non-2xx; drift: %s" % (
                x["rps"], x["p99_ms"], x["non_2xx_3xx"],
                ", ".join("%s %s -> %s (%+.1f %%)" % (k, x[k][0], x[k][1], v) for k, v in drifts.items()))
            target = "drift < 5 %"
        elif name == "hostile":
            met = x["5xx"] == 0 and x["tables_changed"] == 0
            text = "%d requests (%d endpoints x %d bodies x 3 callers): %d 5xx, tables changed: %s" % (
                x["requests"], x["endpoints"], x["bodies"], x["5xx"], "yes" if x["tables_changed"] else "no")
            target = "0 5xx, 0 rows changed"
        else:
            continue
        rows.append("| %s | %s | %s | %s |" % (name, target, text, "yes" if met else "**no**"))
    print("Run %s\n" % stamp)
    print("| scenario | target | figure | met |")
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "traffic":
        traffic(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif cmd == "analyse":
        analyse(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "normal":
        normal(sys.argv[2], float(sys.argv[3]))
    elif cmd == "summary":
        summary(sys.argv[2], sys.argv[3])
    elif cmd == "hostile":
        hostile(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "{}")
    else:
        sys.exit("unknown command " + cmd)
