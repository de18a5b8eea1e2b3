#!/usr/bin/env bash
# Portico against a raw Jetty server (the server under Portico) serving the same endpoints, in one run.
# Each server is pinned to CPU 0, wrk to CPU 1; per endpoint a warm-up of each, then DURATION seconds at 64
# and 256 connections, ROUNDS times per server, interleaved (raw, Portico, Portico, raw, ...). All of it FORKS times,
# each time on a fresh pair of JVMs: one JVM's JIT makes its own choices, and two starts of the same app differed by
# up to 30 % on a row for their whole life (bench/README.md, 2026-12-07 fourth stop), which more rounds on one JVM
# cannot average out. Prints req/s (the median of every fork's rounds), p99 latency and the Portico/raw ratio, each
# server's CPU per request (user + system time from /proc around each round) and the ratio at equal CPU, startup time
# to first response and RSS (medians over the forks).
# The row /api/posts/?page_size=20 (with a bearer JWT: bench/jwt.sh) reads PostgreSQL (PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=test
# by default, PGPASSWORD if needed): the script recreates the schema bench with 1000 posts (prepare-postgres.sql)
# before the servers start; without psql or a reachable database it says why and leaves that row out.
# Each server is warmed up per row until its JIT is quiet (bench_warm in bench/lib.sh says why); the seconds that
# took and the JIT's CPU within each measured round are printed.
#   bash bench/run.sh            (DURATION=10 WARMUP=5 WARMUP_MAX=40 WARMUP_DB=60 ROUNDS=1 FORKS=4 by default; ROWS="/json /throttled" for some
#                                 rows only; MVN="flock /tmp/mvn.lock mvn" says how to call Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
# the database row's warm-up: both servers went from 1.3k to 3.9k req/s over their first 30 s there (the JIT, on the
# one CPU the server has), so a 5 s warm-up measured the end of the warm-up, not the server
WARMUP_DB=${WARMUP_DB:-60}
# WARMUP_MAX (40 s) and JIT_QUIET_MS (40 ms a 2 s slice): see bench_warm in bench/lib.sh
ROUNDS=${ROUNDS:-1} # rounds per server, row and fork, interleaved
FORKS=${FORKS:-4}   # fresh JVM pairs (an even number: each side goes first in half of them); the table gives the median of every fork's rounds
PORTICO_PORT=18081
RAW_PORT=18082

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
# clean: the compiler does not notice a dependency changing a signature, and stale classes fail at run time
if ! build_log=$(${MVN:-mvn} -q -B -DskipTests clean package -pl bench -am 2>&1); then
  echo "$build_log" >&2
  exit 1
fi

bench_java
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
OUT=bench/results
mkdir -p "$OUT"
ROUNDS_FILE=$OUT/run-$(date +%Y%m%d-%H%M%S).txt # every round: fork round app path connections req/s p99 cpu-us jit-ms

PATHS=(/plaintext /json "/api/items?limit=20")
bench_postgres "/api/posts/" && PATHS+=("/api/posts/?page_size=20")

# The throttled and cached rows: in memory always, in Redis when one answers at BENCH_REDIS_URL (default the local one).
PATHS+=(/throttled /cached)
export BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}
redis_hostport=${BENCH_REDIS_URL#redis://}; redis_hostport=${redis_hostport%%/*}
if command -v redis-cli >/dev/null && redis-cli -h "${redis_hostport%%:*}" -p "${redis_hostport##*:}" ping >/dev/null 2>&1; then
  PATHS+=(/throttled-redis /cached-redis)
else
  echo "skipping /throttled-redis and /cached-redis: no Redis answers at $BENCH_REDIS_URL" >&2
  unset BENCH_REDIS_URL
fi
# the posts row is the realistic page: a bearer JWT (signed here, as bench/jwt.sh says) whose user is read each time
source bench/jwt.sh
TOKEN=$(bench_jwt)
header() { case $1 in /api/posts/*) echo "Authorization: Bearer $TOKEN" ;; *) echo "Authorization: Api-Key test-key" ;; esac; }
# ROWS="/throttled /throttled-redis" measures only those rows (a short check of one change, not the full table).
bench_select_rows

start() { # name main port -> sets PID, STARTUP_MS
  local begin; begin=$(now_ms)
  taskset -c 0 "$JAVA" -Xms256m -Xmx256m -cp "$CP" "$2" "$3" > "$OUT/$1.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$3/json"; do sleep 0.01; done
  STARTUP_MS=$(( $(now_ms) - begin ))
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

measure() { # port path connections pid -> "reqs p99ms cpu-us-per-request jit-ms"
  local out before after jit_before jit
  before=$(cpu_ticks "$4") jit_before=$(bench_jit_ticks "$4")
  out=$(taskset -c 1 wrk -t1 -c"$3" -d"${DURATION}s" --latency -H "$(header "$2")" "http://127.0.0.1:$1$2")
  after=$(cpu_ticks "$4") jit=$(( ($(bench_jit_ticks "$4") - jit_before) * TICK_US / 1000 ))
  local rps p99 cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  cpu=$(echo "$out" | awk -v t=$(( (after - before) * TICK_US )) '/requests in/ {printf "%.1f", t / $1}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx responses on $2" >&2; echo "$out" >&2; exit 1; fi
  # wrk gives up on a request after 2 s and leaves it out of the latencies: say so in the p99 cell
  timeouts=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $NF}')
  [ -n "$timeouts" ] && [ "$timeouts" != 0 ] && p99="$p99(timeouts:$timeouts)"
  echo "$rps $p99 $cpu $jit"
}

warm() { # port path pid -> the seconds it took: WARMUP (WARMUP_DB), then on until the JIT is quiet (bench_warm)
  local seconds=$WARMUP
  case $2 in /api/posts/*) seconds=$WARMUP_DB ;; esac
  bench_warm "http://127.0.0.1:$1$2" "$(header "$2")" "$seconds" "$3"
}

# Both servers run side by side (idle one costs nothing), and each row is measured on raw then Portico back to
# back, so a machine whose speed drifts over minutes (a shared host) moves both sides of a ratio alike.
declare -A RESULT WARMED
RAW_PID="" PORTICO_PID=""
trap 'kill $RAW_PID $PORTICO_PID 2>/dev/null || true' EXIT
startups_raw=() startups_portico=() rss_raw=() rss_portico=()
for ((fork = 1; fork <= FORKS; fork++)); do
  start raw dev.portico.bench.RawJettyBench $RAW_PORT; RAW_PID=$PID; startups_raw+=("$STARTUP_MS")
  start portico dev.portico.bench.PorticoBench $PORTICO_PORT; PORTICO_PID=$PID; startups_portico+=("$STARTUP_MS")
  for path in "${PATHS[@]}"; do
    WARMED[raw,$path,$fork]=$(warm $RAW_PORT "$path" $RAW_PID)
    WARMED[portico,$path,$fork]=$(warm $PORTICO_PORT "$path" $PORTICO_PID)
    echo "$fork - raw $path warm-up ${WARMED[raw,$path,$fork]}s, portico ${WARMED[portico,$path,$fork]}s" >>"$ROUNDS_FILE"
    for c in 64 256; do
      for ((round = 1; round <= ROUNDS; round++)); do # raw, Portico, Portico, raw, ...: each side first in turn
        if (((fork + round) % 2 == 0)); then order="raw portico"; else order="portico raw"; fi
        for name in $order; do
          port=$RAW_PORT pid=$RAW_PID; [ $name = portico ] && port=$PORTICO_PORT pid=$PORTICO_PID
          RESULT[$name,$path,$c,$fork,$round]=$(measure $port "$path" "$c" $pid)
          echo "$fork $round $name $path $c ${RESULT[$name,$path,$c,$fork,$round]}" >>"$ROUNDS_FILE"
        done
      done
    done
  done
  rss_raw+=("$(rss_mb $RAW_PID)") rss_portico+=("$(rss_mb $PORTICO_PID)")
  kill $RAW_PID $PORTICO_PID; wait $RAW_PID $PORTICO_PID 2>/dev/null || true
  RAW_PID="" PORTICO_PID=""
done
for path in "${PATHS[@]}"; do
  for c in 64 256; do
    for name in raw portico; do # the median req/s and CPU per request of every fork's rounds, and every round's p99
      rates=() p99s=() cpus=() jit=0 warmed=()
      for ((fork = 1; fork <= FORKS; fork++)); do
        warmed+=("${WARMED[$name,$path,$fork]}")
        for ((round = 1; round <= ROUNDS; round++)); do
          read -r r p u j <<<"${RESULT[$name,$path,$c,$fork,$round]}"
          rates+=("$r"); p99s+=("$p"); cpus+=("$u"); ((j > jit)) && jit=$j
        done
      done
      RESULT[$name,$path,$c]="$(bench_median "${rates[@]}") $(IFS=/; echo "${p99s[*]}") $(bench_median "${cpus[@]}") $jit $(bench_median "${warmed[@]}")"
    done
  done
done
RESULT[raw,startup]=$(bench_median "${startups_raw[@]}") RESULT[portico,startup]=$(bench_median "${startups_portico[@]}")
RESULT[raw,rss]=$(bench_median "${rss_raw[@]}") RESULT[portico,rss]=$(bench_median "${rss_portico[@]}")

# Portico/raw: the ratio of the median req/s; and at equal CPU, raw's CPU per request over Portico's (the server is
# pinned to one core it saturates, so this ratio moves much less with the host's noise than req/s does)
# warm-up: the median seconds each took to quiet its JIT; JIT ms: the most its compilers used in one measured round
printf '\n| endpoint | conns | raw Jetty req/s | raw p99 | Portico req/s | Portico p99 | Portico/raw | CPU us/req raw, Portico | Portico/raw at equal CPU | warm-up s raw, Portico | JIT ms in a round raw, Portico |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for path in "${PATHS[@]}"; do
  for c in 64 256; do
    read -r rr rp ru rj rw <<<"${RESULT[raw,$path,$c]}"
    read -r pr pp pu pj pw <<<"${RESULT[portico,$path,$c]}"
    ratio=$(awk -v a="$pr" -v b="$rr" 'BEGIN {printf "%.2f", a/b}')
    cpu_ratio=$(awk -v a="$ru" -v b="$pu" 'BEGIN {printf "%.2f", a/b}')
    printf '| %s | %s | %.0f | %s | %.0f | %s | %s | %s, %s | %s | %s, %s | %s, %s |\n' \
      "$path" "$c" "$rr" "$rp" "$pr" "$pp" "$ratio" "$ru" "$pu" "$cpu_ratio" "$rw" "$pw" "$rj" "$pj"
  done
done
printf '\n%s forks of %s rounds per cell; medians over the forks:\n' "$FORKS" "$ROUNDS"
printf 'startup to first response: raw %.0f ms, Portico %.0f ms\n' "${RESULT[raw,startup]}" "${RESULT[portico,startup]}"
printf 'RSS after the run: raw %.0f MiB, Portico %.0f MiB\n' "${RESULT[raw,rss]}" "${RESULT[portico,rss]}"
