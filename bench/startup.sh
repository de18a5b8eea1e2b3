#!/usr/bin/env bash
# Start-up of the example app under ./manage serve: RUNS starts with the JDK's ahead-of-time cache and RUNS without
# (MANAGE_AOT=0), interleaved. For each start: wall time from launching ./manage to the first 200 answer of
# GET /api/hello/x/, the CPU seconds the process had used by then (user + system, from /proc/<pid>/stat, which a
# busy machine does not inflate as it does wall time), its RSS at that moment, and the main thread's CPU and its wait for
# a core (schedstat). Prints every start, then medians.
# The first answer is waited for by one polling process (bench_first_answer), not a loop of curl runs, which took
# most of a core from the start it measured.
#   bash bench/startup.sh            (RUNS=5; PATH_=/api/hello/x/ the first request; the build and the cache's
#                                     training happen once before the first measured start)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
RUNS=${RUNS:-5}
URL_PATH=${PATH_:-/api/hello/x/}
TICK=$(getconf CLK_TCK)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# builds when stale and trains the cache when missing, outside of the measured starts
PORT=0 PORTICO_SERVER_PORT=0 ./manage serve --exit-after-start >/dev/null 2>&1 # trains serve's cache (serve.aot) when the build is newer

# The main thread's CPU and its wait for a core, in ms ("run wait"), from schedstat: on two cores the start is
# CPU-bound (C1 takes most of the second), so a change that moves work off main shows here before it shows in the wall.
main_thread() { # pid
  local task run wait slices best=0 best_wait=0
  for task in /proc/"$1"/task/*; do
    [ "$(cat "$task/comm")" = java ] || continue # the launcher's thread and the app's main both say "java"
    read -r run wait slices < "$task/schedstat"
    ((run > best)) && best=$run best_wait=$wait
  done
  echo "$((best / 1000000)) $((best_wait / 1000000))"
}

# one start: prints "wall_ms cpu_ms rss_mib main_ms main_wait_ms"
measure() {
  local aot=$1 port pid t0 t1 stat cpu rss main
  port=$(free_port)
  t0=$(date +%s%N)
  MANAGE_AOT=$aot PORT=$port ./manage serve >/dev/null 2>&1 &
  pid=$!
  bench_first_answer "$port" "$URL_PATH" "$pid" || { echo "the app stopped before answering" >&2; return 1; }
  t1=$(date +%s%N)
  stat=$(cut -d')' -f2- "/proc/$pid/stat")
  cpu=$(awk -v tick="$TICK" '{ printf "%d", ($12 + $13) * 1000 / tick }' <<< "$stat") # utime, stime
  rss=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
  main=$(main_thread "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu $rss $main"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

declare -A rows
FORMAT='%-10s %8s %8s %8s %8s %8s\n'
# shellcheck disable=SC2059
printf "$FORMAT" cache wall_ms cpu_ms rss_mib main_ms main_wait
for ((i = 1; i <= RUNS; i++)); do
  for aot in 1 0; do
    r=$(measure "$aot")
    rows[$aot]+="$r"$'\n'
    # shellcheck disable=SC2059,SC2086
    printf "$FORMAT" "$([ "$aot" = 1 ] && echo aot || echo none)" $r
  done
done
echo "medians of $RUNS starts:"
for aot in 1 0; do
  medians=()
  for column in 1 2 3 4 5; do
    medians+=("$(cut -d' ' -f"$column" <<< "${rows[$aot]%$'\n'}" | median)")
  done
  # shellcheck disable=SC2059
  printf "$FORMAT" "$([ "$aot" = 1 ] && echo aot || echo none)" "${medians[@]}"
done
