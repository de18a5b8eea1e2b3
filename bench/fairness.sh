#!/usr/bin/env bash
# How long a new connection waits for its first answer while a load keeps a one-CPU server busy (issue 22;
# bench/README.md, "New connections under load"). Each app of APPS is launched pinned to CPU 0 with -Xmx512m (and
# JVM_OPTS), warmed WARMUP seconds at 64 connections on the items page, then given two loads of DURATION seconds from
# wrk on CPU 1:
#   items      256 connections, GET /api/items?limit=20
#   pipelined  64 connections each sending 16 GET /json at a time (bench/pipeline.lua)
# During each, curl (also on CPU 1) opens a new connection every half second and sends one request, given 3 s.
# Prints per app and load: req/s, the requests wrk gave up on (its 2 s timeout, which its latencies leave out), and the
# new connections' times to the first byte: median, maximum, and how many had no answer within 3 s.
#
#   bash bench/fairness.sh                    DURATION=12 WARMUP=20 APPS="portico jetty-nb vertx" by default
#   JVM_OPTS=-Djdk.virtualThreadScheduler.parallelism=1 APPS=portico bash bench/fairness.sh
# Uses what is built: `mvn -q -B -DskipTests package -pl bench -am` and `mvn -q -B -DskipTests -f bench/vertx/pom.xml
# package` (bench/peers.sh builds both).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
DURATION=${DURATION:-12}
WARMUP=${WARMUP:-20}
APPS=${APPS:-portico jetty-nb vertx}
PORT=18110
HEADER="Authorization: Api-Key test-key"
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
bench_java

probe() { # seconds -> one line per new connection: its time to the first byte in seconds, or FAIL
  local end=$((SECONDS + $1))
  while ((SECONDS < end)); do
    taskset -c 1 curl -s -o /dev/null -m 3 -w '%{time_starttransfer}\n' -H "$HEADER" \
      "http://127.0.0.1:$PORT/json" || echo FAIL
    sleep 0.5
  done
}

load() { # name wrk-arguments... -> "name req/s timeouts | new connections: median max failed/all"
  local name=$1 out times
  shift
  out=$(mktemp)
  taskset -c 1 wrk -t1 -d"${DURATION}s" -H "$HEADER" "$@" > "$out" &
  local load_pid=$!
  sleep 1
  times=$(probe $((DURATION - 3)))
  wait "$load_pid" # not a bare wait: the app runs in the background too
  local rps timeouts ok failed median max
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out")
  timeouts=$(awk '/Socket errors/ {gsub(",", ""); print $NF}' "$out")
  ok=$(grep -v FAIL <<<"$times" | sort -n)
  failed=$(grep -c FAIL <<<"$times" || true)
  median=$(bench_median $ok)
  max=$(tail -1 <<<"$ok")
  printf '%-10s %8s req/s  wrk timeouts %-4s  new connections: median %6.3f s, max %6.3f s, %s of %s unanswered\n' \
    "$name" "$rps" "${timeouts:-0}" "${median/nan/0}" "${max:-0}" "$failed" "$(wc -l <<<"$times")"
  rm -f "$out"
}

for app in $APPS; do
  # shellcheck disable=SC2086
  bench_launch "$app" "$PORT" "/tmp/fairness-$app.log" ${JVM_OPTS:-}
  pid=$BENCH_PID
  taskset -c 1 wrk -t1 -c64 -d"${WARMUP}s" -H "$HEADER" "http://127.0.0.1:$PORT/api/items?limit=20" > /dev/null
  echo "== $app ${JVM_OPTS:-}"
  load items -c256 "http://127.0.0.1:$PORT/api/items?limit=20"
  load pipelined -c64 -s bench/pipeline.lua "http://127.0.0.1:$PORT/json"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
