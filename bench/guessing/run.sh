#!/usr/bin/env bash
# usage: bench/guessing/run.sh <checkout> <port> <label> (the checkout built: ./manage once, or mvn package): serves the example app of <checkout> on 127.0.0.1:<port> with its defaults,
# makes the user alice, then measures 60 s of guesses from one IP and 60 s of guesses at one username.
# Loopback only: the app listens on 127.0.0.1 and the guesses come from 127.0.0.x. Results in bench/results/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../results; mkdir -p "$out"
dir=$1; port=$2; label=$3
cd "$dir"
db=$(mktemp -d)   # a database of its own, never the checkout's ./data
export PORTICO_DATABASE_URL="jdbc:h2:file:$db/portico;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
MANAGE_NO_BUILD=1 ./manage migrate >/dev/null
echo "correct horse battery" | MANAGE_NO_BUILD=1 ./manage createuser --username alice --email alice@example.com --password-stdin >/dev/null
MANAGE_NO_BUILD=1 PORTICO_SERVER_PORT=$port PORTICO_SERVER_HOST=127.0.0.1 ./manage > $out/$label-server.log 2>&1 &
pid=$!
for i in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 1; done
python3 "$here/guesses.py" "$port" ip "${SECONDS_PER_RUN:-60}" 2 | tee $out/$label-ip.txt
python3 "$here/guesses.py" "$port" user "${SECONDS_PER_RUN:-60}" 2 | tee $out/$label-user.txt
kill "$pid"; wait "$pid" || true
rm -rf "$db"
