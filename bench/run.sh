#!/usr/bin/env bash
# Portico against a raw Helidon WebServer serving the same three endpoints, in one run.
# Each server is pinned to CPU 0, wrk to CPU 1; per endpoint a warm-up, then DURATION seconds at 64 and
# 256 connections. Prints req/s, p99 latency and the Portico/raw ratio, startup time to first response and RSS.
#   bash bench/run.sh            (DURATION=15 WARMUP=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
PORTICO_PORT=18081
RAW_PORT=18082

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
if ! build_log=$(mvn -q -B -DskipTests package -pl bench -am 2>&1); then
  echo "$build_log" >&2
  exit 1
fi

JAVA=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [ -n "$home" ] && [ -f "$home/release" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  if [ -n "$v" ] && [ "$v" -ge 21 ]; then JAVA="$home/bin/java"; break; fi
done
[ -n "$JAVA" ] || { echo "no JDK 21+ found" >&2; exit 1; }
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
OUT=bench/results
mkdir -p "$OUT"

now_ms() { date +%s%3N; }

start() { # name main port -> sets PID, STARTUP_MS
  local begin; begin=$(now_ms)
  taskset -c 0 "$JAVA" -Xms256m -Xmx256m -cp "$CP" "$2" "$3" > "$OUT/$1.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$3/json"; do sleep 0.01; done
  STARTUP_MS=$(( $(now_ms) - begin ))
}

measure() { # port path connections -> "reqs p99ms"
  local out
  out=$(taskset -c 1 wrk -t1 -c"$3" -d"${DURATION}s" --latency -H 'Authorization: Api-Key test-key' \
        "http://127.0.0.1:$1$2")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx responses on $2" >&2; echo "$out" >&2; exit 1; fi
  echo "$rps $p99"
}

warm() { taskset -c 1 wrk -t1 -c64 -d"${WARMUP}s" -H 'Authorization: Api-Key test-key' "http://127.0.0.1:$1$2" >/dev/null; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

declare -A RESULT
run_server() { # name main port
  start "$1" "$2" "$3"
  RESULT[$1,startup]=$STARTUP_MS
  for path in /plaintext /json "/api/items?limit=20"; do
    warm "$3" "$path"
    for c in 64 256; do
      RESULT[$1,$path,$c]=$(measure "$3" "$path" "$c")
    done
  done
  RESULT[$1,rss]=$(rss_mb "$PID")
  kill "$PID"; wait "$PID" 2>/dev/null || true
}

run_server raw dev.portico.bench.RawHelidonBench $RAW_PORT
run_server portico dev.portico.bench.PorticoBench $PORTICO_PORT

printf '\n| endpoint | conns | raw Helidon req/s | raw p99 | Portico req/s | Portico p99 | Portico/raw |\n'
printf '|---|---|---|---|---|---|---|\n'
for path in /plaintext /json "/api/items?limit=20"; do
  for c in 64 256; do
    read -r rr rp <<<"${RESULT[raw,$path,$c]}"
    read -r pr pp <<<"${RESULT[portico,$path,$c]}"
    ratio=$(awk -v a="$pr" -v b="$rr" 'BEGIN {printf "%.2f", a/b}')
    printf '| %s | %s | %.0f | %s | %.0f | %s | %s |\n' "$path" "$c" "$rr" "$rp" "$pr" "$pp" "$ratio"
  done
done
printf '\nstartup to first response: raw %s ms, Portico %s ms\n' "${RESULT[raw,startup]}" "${RESULT[portico,startup]}"
printf 'RSS after the run: raw %s MiB, Portico %s MiB\n' "${RESULT[raw,rss]}" "${RESULT[portico,rss]}"
