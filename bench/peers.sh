#!/usr/bin/env bash
# Portico against every peer in one run (issue 22): raw Jetty (the baseline, and the floor of the realistic row),
# Jetty non-blocking, Vert.x, raw Helidon and Spring Boot, each a minimal app of its own serving the same endpoints.
# Every app runs pinned to CPU 0 with -Xmx512m on a JDK 21+ (the newest found: 25 here), wrk pinned to CPU 1. Per
# row, a warm-up of each app until its JIT is quiet (bench_warm in lib.sh), then ROUNDS rounds of DURATION seconds
# per app at 64 and at 256 connections, the order of the apps rotated each round, so a host whose speed drifts moves
# every app alike. All of it FORKS times on
# fresh JVMs: one JVM keeps what its JIT compiled first, and two starts of one app differ by up to 30 % on a row
# (bench/README.md, "one JVM is one sample"), which rounds on the same JVM cannot average out. Before measuring, it
# checks that every app answers every row 200 with the same body, and 401 without credentials. Prints the median
# req/s and median p99 per app over every fork's rounds, the ratio of Portico to each peer, the time from launch to
# the first answer and the RSS after the run (medians over the forks).
#
#   bash bench/peers.sh                        DURATION=15 WARMUP=5 WARMUP_MAX=40 ROUNDS=1 FORKS=3 by default
#   DURATION=3 WARMUP=1 FORKS=1 bash bench/peers.sh             a smoke run
#   APPS="portico vertx" ROWS="/json" bash bench/peers.sh       some apps, some rows
#   MVN="flock /tmp/mvn.lock mvn" bash bench/peers.sh           how to call Maven (NO_BUILD=1: use what is built)
#
# The realistic row, GET /api/posts/?page_size=20 with a bearer JWT (bench/jwt.sh signs it), needs PostgreSQL and
# psql as bench/run.sh does (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD); without them it is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-1}
FORKS=${FORKS:-3}
MVN=${MVN:-mvn}
ALL_APPS="portico raw-jetty jetty-nb vertx helidon spring"
APPS=${APPS:-$ALL_APPS}
# the apps that serve the realistic row (Jetty non-blocking and Vert.x serve only what never blocks)
DB_APPS="portico raw-jetty helidon spring"
declare -A PORT=([portico]=18101 [raw-jetty]=18102 [jetty-nb]=18103 [vertx]=18104 [helidon]=18105 [spring]=18106)
declare -A LABEL=([portico]=Portico [raw-jetty]="raw Jetty" [jetty-nb]="Jetty non-blocking" [vertx]="Vert.x"
                  [helidon]="raw Helidon" [spring]="Spring Boot")
for app in $APPS; do [ -n "${PORT[$app]:-}" ] || { echo "unknown app $app (known: $ALL_APPS)" >&2; exit 1; }; done

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
build() { # the Portico reactor's bench module, then the two peers with their own parents
  local log
  if ! log=$($MVN -q -B -DskipTests clean package -pl bench -am 2>&1 \
      && $MVN -q -B -DskipTests -f bench/vertx/pom.xml clean package 2>&1 \
      && $MVN -q -B -DskipTests -f bench/spring/pom.xml clean package 2>&1); then
    echo "$log" >&2
    exit 1
  fi
}
[ "${NO_BUILD:-0}" = 1 ] || build

bench_java
OUT=bench/results
mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
ROUNDS_LOG=$OUT/peers-$STAMP.txt

PATHS=(/plaintext /json "/api/items?limit=20")
POSTS="/api/posts/?page_size=20"
bench_postgres "$POSTS" && PATHS+=("$POSTS")
# shellcheck source=bench/jwt.sh
source bench/jwt.sh
TOKEN=$(bench_jwt)
bench_select_rows

serves() { [ "$2" != "$POSTS" ] || [[ " $DB_APPS " == *" $1 "* ]]; }
header() { if [ "$1" = "$POSTS" ]; then echo "Authorization: Bearer $TOKEN"; else echo "Authorization: Api-Key test-key"; fi; }

declare -A PID STARTUP
start() { # app: launched pinned to CPU 0, timed to its first answered /json
  local begin; begin=$(now_ms)
  bench_launch "$1" "${PORT[$1]}" "$OUT/peers-$1.log"
  PID[$1]=$BENCH_PID
  STARTUP[$1]=$(( $(now_ms) - begin ))
}
stop_all() { for app in "${!PID[@]}"; do kill "${PID[$app]}" 2>/dev/null || true; done; }
stop_fork() { # every app stopped and waited for, so the next fork's starts have CPU 0 to themselves
  local app
  for app in "${!PID[@]}"; do kill "${PID[$app]}" 2>/dev/null || true; wait "${PID[$app]}" 2>/dev/null || true; done
  PID=()
}
trap stop_all EXIT

to_ms() { awk '{ v = $1; if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0;
                 else if (v ~ /s$/) printf "%.3f", v * 1000; else print "nan" }' <<<"$1"; }

declare -A RUNS P99S PROBLEMS
measure() { # app path connections fork: one round, appended to the app's lists
  local out rps p99 bad
  out=$(taskset -c 1 wrk -t1 -c"$3" -d"${DURATION}s" --latency -H "$(header "$2")" "http://127.0.0.1:${PORT[$1]}$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  bad=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  RUNS[$1,$2,$3]+="$rps "
  P99S[$1,$2,$3]+="$p99 "
  [ "$bad" = 0 ] || PROBLEMS[$1,$2,$3]=$(( ${PROBLEMS[$1,$2,$3]:-0} + bad ))
  echo "fork $4 $1 $2 c$3 $rps req/s p99 ${p99}ms errors $bad" >> "$ROUNDS_LOG"
}
warm() { # app path fork: WARMUP seconds, then on until the app's JIT is quiet (bench_warm), logged
  local seconds
  seconds=$(bench_warm "http://127.0.0.1:${PORT[$1]}$2" "$(header "$2")" "$WARMUP" "${PID[$1]}")
  echo "fork $3 $1 $2 warm-up ${seconds}s" >> "$ROUNDS_LOG"
}
# a list kept as one string of words (RUNS, P99S, STARTUPS, RSSES) -> its median
median() { read -r -a values <<<"$1"; bench_median "${values[@]}"; }

read -r -a order <<<"$APPS"

same_answers() { # every app answers every row 200 with the same body (Host fixed), and 401 without credentials
  local path app first status
  for path in "${PATHS[@]}"; do
    first=""
    for app in "${order[@]}"; do
      serves "$app" "$path" || continue
      status=$(curl -s -o "$OUT/peers-body-$app" -w '%{http_code}' -H 'Host: localhost' -H "$(header "$path")" \
        "http://127.0.0.1:${PORT[$app]}$path")
      [ "$status" = 200 ] || { echo "$app answered $path with $status" >&2; return 1; }
      if [ -z "$first" ]; then first=$app
      elif ! cmp -s "$OUT/peers-body-$first" "$OUT/peers-body-$app"; then
        echo "$app and $first answer $path differently: see $OUT/peers-body-{$first,$app}" >&2; return 1
      fi
      if [[ $path == /api/* ]]; then
        status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$app]}$path")
        [ "$status" = 401 ] || { echo "$app answered $path without credentials with $status" >&2; return 1; }
      fi
    done
  done
}
declare -A STARTUPS RSSES
for ((fork = 1; fork <= FORKS; fork++)); do
  # each app starts alone (the others already up sit idle), so its start-up is timed on a quiet CPU 0
  for app in $APPS; do start "$app"; STARTUPS[$app]+="${STARTUP[$app]} "; done
  same_answers
  for path in "${PATHS[@]}"; do
    apps=()
    for app in "${order[@]}"; do serves "$app" "$path" && apps+=("$app"); done
    [ ${#apps[@]} -gt 0 ] || continue
    for app in "${apps[@]}"; do warm "$app" "$path" "$fork"; done
    for c in 64 256; do
      for ((round = 0; round < ROUNDS; round++)); do # the order rotated by one each round and each fork
        for ((i = 0; i < ${#apps[@]}; i++)); do
          measure "${apps[(i + round + fork) % ${#apps[@]}]}" "$path" "$c" "$fork"
        done
      done
    done
  done
  for app in $APPS; do RSSES[$app]+="$(rss_mb "${PID[$app]}") "; done
  stop_fork
done
declare -A RSS
for app in $APPS; do
  STARTUP[$app]=$(median "${STARTUPS[$app]}")
  RSS[$app]=$(median "${RSSES[$app]}")
done

cell() { # app path c -> "median req/s (median p99)" or "-"
  local runs=${RUNS[$1,$2,$3]:-}
  [ -n "$runs" ] || { echo "-"; return; }
  local mark=""; [ -z "${PROBLEMS[$1,$2,$3]:-}" ] || mark=" (${PROBLEMS[$1,$2,$3]} errors)"
  printf '%.0f (%.1f ms)%s' "$(median "$runs")" "$(median "${P99S[$1,$2,$3]}")" "$mark"
}
printf '\n%s forks of %s rounds of %s s per app and row; median req/s (median p99), CPU 0 for the apps, CPU 1 for wrk\n\n' \
  "$FORKS" "$ROUNDS" "$DURATION"
line="| endpoint | conns |"; rule="|---|---|"
for app in $APPS; do line+=" ${LABEL[$app]} |"; rule+="---:|"; done
echo "$line"; echo "$rule"
for path in "${PATHS[@]}"; do
  for c in 64 256; do
    line="| $path | $c |"
    for app in $APPS; do line+=" $(cell "$app" "$path" "$c") |"; done
    echo "$line"
  done
done
if [[ " $APPS " == *" portico "* ]]; then
  printf '\nPortico / peer (ratio of the medians)\n\n'
  line="| endpoint | conns |"; rule="|---|---|"
  for app in $APPS; do [ "$app" = portico ] || { line+=" ${LABEL[$app]} |"; rule+="---:|"; }; done
  echo "$line"; echo "$rule"
  for path in "${PATHS[@]}"; do
    for c in 64 256; do
      line="| $path | $c |"
      portico=$(median "${RUNS[portico,$path,$c]:-}")
      for app in $APPS; do
        [ "$app" != portico ] || continue
        peer=$(median "${RUNS[$app,$path,$c]:-}")
        line+=" $(awk -v a="$portico" -v b="$peer" 'BEGIN { if (a == "nan" || b == "nan") print "-";
                                                          else printf "%.2f", a / b }') |"
      done
      echo "$line"
    done
  done
fi
printf '\n| app | start to first answer | RSS after the run |\n|---|---:|---:|\n'
for app in $APPS; do printf '| %s | %.0f ms | %.0f MiB |\n' "${LABEL[$app]}" "${STARTUP[$app]}" "${RSS[$app]}"; done
printf '\nevery round: %s\n' "$ROUNDS_LOG"
