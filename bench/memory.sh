#!/usr/bin/env bash
# The bench app's RSS after a load, under each of several sets of JVM options (issue 22's "RSS after the run under
# 200 MB with -Xmx512m"; bench/README.md, "Memory"). For each round and each set, in turn: a fresh JVM of APP pinned to
# CPU 0 with -Xmx512m and the set, wrk on CPU 1 warming WARMUP seconds at 64 connections on the items page, then
# DURATION seconds each of the items page at 64 and at 256 connections and /json at 256; prints req/s of the three
# loads, the young collections' count (-Xlog:gc), and the RSS after the last, then medians per set.
#
#   bash bench/memory.sh                       ROUNDS=2 DURATION=8 WARMUP=5 APP=portico, the sets below
#   SETS=$'-Xms32m\n-Xmn32m' bash bench/memory.sh   one set a line ("" is -Xmx512m alone)
# Uses what is built: `mvn -q -B -DskipTests package -pl bench -am`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-2}
APP=${APP:-portico}
PORT=18120
HEADER="Authorization: Api-Key test-key"
DEFAULT_SETS='
-XX:+UseSerialGC -Xms32m
-XX:+UseSerialGC -Xms32m -Xmn32m'
SETS=${SETS:-$DEFAULT_SETS}
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
bench_java
mapfile -t OPTIONS <<<"$SETS"

rps() { # wrk-arguments... -> req/s
  taskset -c 1 wrk -t1 -d"${DURATION}s" -H "$HEADER" "$@" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

one() { # options -> "items64 items256 json256 collections rss"
  local log pid items64 items256 json256 rss
  log=$(mktemp)
  # shellcheck disable=SC2086
  bench_launch "$APP" "$PORT" /tmp/memory-app.log $1 -Xlog:gc:file="$log"
  pid=$BENCH_PID
  taskset -c 1 wrk -t1 -c64 -d"${WARMUP}s" -H "$HEADER" "http://127.0.0.1:$PORT/api/items?limit=20" >/dev/null
  items64=$(rps -c64 "http://127.0.0.1:$PORT/api/items?limit=20")
  items256=$(rps -c256 "http://127.0.0.1:$PORT/api/items?limit=20")
  json256=$(rps -c256 "http://127.0.0.1:$PORT/json")
  rss=$(rss_mb "$pid")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$items64 $items256 $json256 $(grep -c 'Pause Young' "$log") $rss"
  rm -f "$log"
}

declare -A RESULTS
for round in $(seq "$ROUNDS"); do
  for i in "${!OPTIONS[@]}"; do
    line=$(one "${OPTIONS[$i]}")
    RESULTS[$i]+="$line"$'\n'
    printf 'round %s  %-45s items c64 %6s  items c256 %6s  json c256 %6s  young GCs %5s  RSS %4s MiB\n' \
      "$round" "-Xmx512m ${OPTIONS[$i]}" $line
  done
done
printf '\n| options | items c64 | items c256 | json c256 | young collections | RSS after (MiB) |\n|---|---:|---:|---:|---:|---:|\n'
for i in "${!OPTIONS[@]}"; do
  printf '| `-Xmx512m %s` |' "${OPTIONS[$i]}"
  for column in 1 2 3 4 5; do
    # shellcheck disable=SC2046
    printf ' %s |' "$(bench_median $(awk -v c="$column" 'NF {print $c}' <<<"${RESULTS[$i]}"))"
  done
  echo
done
