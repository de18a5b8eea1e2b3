#!/usr/bin/env bash
# What bench/run.sh and bench/peers.sh share: finding a JDK, the PostgreSQL row, choosing rows, and small measures.
#   source bench/lib.sh

bench_java() { # sets JAVA to the newest JDK 21+ (JAVA_HOME first when it is one)
  local home v
  JAVA=""
  for home in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* | sort -Vr); do
    [ -n "$home" ] && [ -f "$home/release" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then JAVA="$home/bin/java"; return 0; fi
  done
  echo "no JDK 21+ found" >&2
  exit 1
}

bench_postgres() { # row: prepares schema bench (1000 posts) and exports BENCH_PG_*; false, saying why, if it can't
  export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
  local pg_error
  if ! command -v psql >/dev/null; then
    echo "skipping $1: psql (Debian package postgresql-client) is not installed" >&2
    return 1
  elif ! pg_error=$(psql -X -q -v ON_ERROR_STOP=1 -f bench/prepare-postgres.sql 2>&1); then
    echo "skipping $1: PostgreSQL at $PGHOST:$PGPORT/$PGDATABASE as $PGUSER: $pg_error" >&2
    return 1
  fi
  export BENCH_PG_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=bench"
  export BENCH_PG_USER=$PGUSER BENCH_PG_PASSWORD=${PGPASSWORD:-}
}

bench_select_rows() { # keeps in PATHS only the rows named in ROWS, when ROWS is set
  [ -n "${ROWS:-}" ] || return 0
  local selected=() path row
  for path in "${PATHS[@]}"; do
    for row in $ROWS; do [ "$row" = "$path" ] && selected+=("$path"); done
  done
  [ ${#selected[@]} -gt 0 ] || { echo "ROWS=$ROWS names none of: ${PATHS[*]}" >&2; exit 1; }
  PATHS=("${selected[@]}")
}

now_ms() { date +%s%3N; }
# Waits for the first 200 of GET path on 127.0.0.1:port from one process that polls every 5 ms, so that measuring a
# start takes little of the CPU the start needs: a loop of curl runs took 1.5 s of CPU in 2 s here (a fork and an
# exec each 10 ms), on a machine of two cores. Fails when the server's process (pid) ends first.
bench_first_answer() { # port path pid
  python3 - "$@" <<'PY'
import os, socket, sys, time
port, path, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
request = f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
while True:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(request)
            head = s.recv(12)
            while s.recv(65536):
                pass
        if head.startswith(b"HTTP/1.1 200"):
            sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit(1)
    time.sleep(0.005)
PY
}
bench_median() { # values as arguments -> their median, "nan" for none
  printf '%s\n' "$@" | awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan";
    else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

bench_jit_ticks() { # pid -> user + system time of the process's JIT compiler threads, in clock ticks
  local task sum=0
  for task in /proc/"$1"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      C1\ Compiler* | C2\ Compiler*) sum=$((sum + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}'))) ;;
    esac
  done
  echo "$sum"
}

# Warms a server up (wrk, 64 connections, pinned to CPU 1): the given seconds, then 2 s slices until its JIT compilers
# used under JIT_QUIET_MS (40 ms, 2 %) of CPU in one, at most WARMUP_MAX (40) seconds in all. Pinned to one CPU, a
# server's compiling takes from its requests: C2 took 1 us of each 10 us of Portico's /cached in the 10 s after a
# fixed 5 s warm-up (bench/README.md, 2026-12-07 fifth stop). Echoes the seconds it took.
bench_warm() { # url header seconds pid
  local seconds=$3 before tick_us=$((1000000 / $(getconf CLK_TCK)))
  taskset -c 1 wrk -t1 -c64 -d"${seconds}s" -H "$2" "$1" >/dev/null
  while ((seconds < ${WARMUP_MAX:-40})); do
    before=$(bench_jit_ticks "$4")
    taskset -c 1 wrk -t1 -c64 -d2s -H "$2" "$1" >/dev/null
    seconds=$((seconds + 2))
    (( ($(bench_jit_ticks "$4") - before) * tick_us / 1000 < ${JIT_QUIET_MS:-40} )) && break
  done
  echo "$seconds"
}

bench_app_command() { # app port -> the java command line after the JVM options (the bench module and the peers built)
  local cp="bench/target/classes:$(cat bench/target/classpath.txt)"
  case $1 in
    portico) echo "-cp $cp dev.portico.bench.PorticoBench $2" ;;
    raw-jetty) echo "-cp $cp dev.portico.bench.RawJettyBench $2" ;;
    jetty-nb) echo "-cp $cp dev.portico.bench.JettyNonBlockingBench $2" ;;
    helidon) echo "-cp $cp dev.portico.bench.RawHelidonBench $2" ;;
    vertx) echo "-cp bench/vertx/target/classes:$(cat bench/vertx/target/classpath.txt) dev.portico.bench.vertx.VertxBench $2" ;;
    spring) echo "-cp bench/spring/target/classes:$(cat bench/spring/target/classpath.txt) dev.portico.bench.spring.SpringBench --server.port=$2" ;;
    *) echo "unknown app $1" >&2; return 1 ;;
  esac
}

bench_launch() { # app port log [JVM options...] -> BENCH_PID, once it answered /json; launched pinned to CPU 0 with
  # -Xmx512m. Not in a subshell ($(...)): the caller waits for and kills the process, so it must be the caller's child
  local app=$1 port=$2 log=$3
  shift 3
  # shellcheck disable=SC2046
  taskset -c 0 "$JAVA" -Xmx512m "$@" $(bench_app_command "$app" "$port") > "$log" 2>&1 &
  BENCH_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/json"; do
    kill -0 "$BENCH_PID" 2>/dev/null || { echo "$app died at start:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.01
  done
}
