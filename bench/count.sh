#!/usr/bin/env bash
# What one request of a row costs, counted rather than timed, so a shared machine's speed does not decide: per
# request, the server's CPU (utime+stime of /proc/<pid>/stat), its context switches (voluntary and not, summed over
# /proc/<pid>/task/*/status), the CPU of the PostgreSQL backends of the database it uses, and the statements it ran
# there (pg_stat_database.xact_commit: every statement of these apps is its own transaction).
# One server at a time, pinned to CPU 0 with bench/run.sh's heap, wrk (one thread) pinned to CPU 1; a warm-up of
# WARMUP seconds at 64 connections, then a DURATION-second run at each count of CONNS.
#   SERVER=portico bash bench/count.sh          (or raw; ROW="/api/posts/?page_size=20" WARMUP=60 DURATION=20
#                                                CONNS="64 256" by default; JAVA_OPTS adds JVM options, such as
#                                                -Xlog:gc:file=/tmp/gc.log; NO_BUILD=1 skips the build; PGDATABASE
#                                                names the database schema bench is made in, test by default; CP
#                                                runs a build copied elsewhere, so a build in progress cannot
#                                                replace its jars under the server)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
SERVER=${SERVER:-portico}
ROW=${ROW:-/api/posts/?page_size=20}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
CONNS=${CONNS:-64 256}
PORT=18083

case $SERVER in
  portico) MAIN=dev.portico.bench.PorticoBench ;;
  raw) MAIN=dev.portico.bench.RawJettyBench ;;
  *) echo "SERVER=portico or SERVER=raw, not $SERVER" >&2; exit 1 ;;
esac
if [ -z "${NO_BUILD:-}" ] && ! build_log=$(${MVN:-mvn} -q -B -DskipTests clean package -pl bench -am 2>&1); then
  echo "$build_log" >&2
  exit 1
fi
bench_java
bench_postgres "$ROW" || exit 1
export BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}
source bench/jwt.sh
TOKEN=$(bench_jwt)
case $ROW in /api/posts/*) AUTH="Authorization: Bearer $TOKEN" ;; *) AUTH="Authorization: Api-Key test-key" ;; esac

mkdir -p bench/results
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
CP=${CP:-bench/target/classes:$(cat bench/target/classpath.txt)}
taskset -c 0 "$JAVA" -Xms256m -Xmx256m ${JAVA_OPTS:-} -cp "$CP" "$MAIN" $PORT > "bench/results/count-$SERVER.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/json"; do sleep 0.1; done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {n += $2} END {print n + 0}'; }
backends() { # the PostgreSQL backends connected to this database, but this query's
  psql -X -At -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
    AND backend_type = 'client backend'"
}
backend_ticks() { local pid n=0; for pid in $BACKENDS; do n=$((n + $(ticks "$pid"))); done; echo $n; }
# idle backends report their counts within 10 s (PGSTAT_IDLE_INTERVAL), so wait that long before reading
commits() { sleep 11; psql -X -At -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }
hz=$(getconf CLK_TCK)
# what reading the count commits itself (psql's session: 2 on PostgreSQL 15), taken from every reading
x0=$(commits) x1=$(commits) OWN=$((x1 - x0))

taskset -c 1 wrk -t1 -c64 -d"${WARMUP}s" -H "$AUTH" "http://127.0.0.1:$PORT$ROW" > /dev/null
BACKENDS=$(backends) # the pool's connections, all open after the warm-up
printf '| server | conns | requests | req/s | p99 | server CPU us/req | PostgreSQL CPU us/req | statements/req | ctx switches/req |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for c in $CONNS; do
  x0=$(commits) s0=$(ticks $PID) w0=$(switches $PID) p0=$(backend_ticks)
  out=$(taskset -c 1 wrk -t1 -c"$c" -d"${DURATION}s" --latency -H "$AUTH" "http://127.0.0.1:$PORT$ROW")
  s1=$(ticks $PID) w1=$(switches $PID) p1=$(backend_ticks)
  x1=$(commits)
  if echo "$out" | grep -q "Non-2xx"; then echo "$out" >&2; exit 1; fi
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  timeouts=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $NF}')
  [ -z "$timeouts" ] || [ "$timeouts" = 0 ] || p99="$p99 ($timeouts timeouts)"
  awk -v s="$SERVER" -v c="$c" -v n="$n" -v r="$rps" -v p99="$p99" -v hz="$hz" -v cpu=$((s1 - s0)) -v pg=$((p1 - p0)) \
    -v x=$((x1 - x0 - OWN)) -v w=$((w1 - w0)) 'BEGIN {
      printf "| %s | %s | %d | %.0f | %s | %.1f | %.1f | %.2f | %.2f |\n", s, c, n, r, p99, cpu * 1e6 / hz / n, pg * 1e6 / hz / n,
        x / n, w / n }'
done
