#!/usr/bin/env bash
# The management commands' start under ./manage, as a developer runs them with nothing changed: RUNS (5) runs of each
# command, interleaved, each with its wall time and CPU seconds (user + system, from GNU time: the machine is shared and
# wall time lies), then the medians. The build and the caches' training happen once, before the measured runs.
#   bash bench/commands.sh          (RUNS=5; MANAGE_AOT=0 measures without the JDK's ahead-of-time cache)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
COMMANDS=("schema" "createuser --username bench-@N@ --no-password" "apikey create --user bench-commands"
  "migrate --info")
./manage migrate >/dev/null # builds and trains once; a fresh checkout's database has no tables yet
./manage createuser --username bench-commands --no-password >/dev/null 2>&1 || true # the key's user (there already?)

declare -A rows
took=$(mktemp)
trap 'rm -f "$took"' EXIT
for ((i = 1; i <= RUNS; i++)); do
  for c in "${COMMANDS[@]}"; do
    read -r -a args <<< "${c//@N@/$RANDOM$i}"
    /usr/bin/time -o "$took" -f '%e %U %S' ./manage "${args[@]}" >/dev/null 2>&1
    rows[$c]+="$(tail -n 1 "$took" | awk '{ printf "%s %.2f", $1, $2 + $3 }')"$'\n'
  done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf '%-45s %8s %8s   (medians of %d runs, seconds)\n' command wall cpu "$RUNS"
for c in "${COMMANDS[@]}"; do
  printf '%-45s %8s %8s\n' "${c//@N@/N}" "$(cut -d' ' -f1 <<< "${rows[$c]%$'\n'}" | median)" \
    "$(cut -d' ' -f2 <<< "${rows[$c]%$'\n'}" | median)"
done
