#!/usr/bin/env bash
# Stoplight Prism in proxy mode over the example's whole surface: starts the example (its own H2 database in a
# temporary folder, the users ada and joebloggs, a reader role key of ada's) and runs .ci/prism-exchanges.sh over it,
# which sends every operation of the example's document, error paths included, through `prism proxy` and fails on
# anything Prism finds that the script does not expect. PrismProxyTest runs the same exchanges in the example's suite.
#
#   .ci/prism-proxy.sh <example-classpath> [3.1.0|3.0.3]
#
# <example-classpath>: examples/blog/target/classes plus its dependencies (the build writes them to
# examples/blog/target/classpath.txt: "examples/blog/target/classes:$(cat examples/blog/target/classpath.txt)").
# Prism is portico-core/src/test/browser's (@stoplight/prism-cli, installed by its install.sh). Takes ~2 minutes,
# most of it the JVM starts of the set-up commands.
set -euo pipefail
here="$(cd "${0%/*}/.." && pwd)"
classpath="$1"
# relative entries are taken from where the script is called, before it moves to its own folder
entries=(); IFS=: read -r -a parts <<< "$classpath"
for part in "${parts[@]}"; do if [[ $part = /* ]]; then entries+=("$part"); else entries+=("$PWD/$part"); fi; done
classpath=$(IFS=:; echo "${entries[*]}")
version="${2:-3.1.0}"
java="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"
java="${java:-java}"
work="$(mktemp -d)"
app_port=$((20000 + RANDOM % 10000))
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
export PORTICO_OPENAPI_SPEC_VERSION="$version" PORTICO_AUTH_JWT_SECRET="prism-proxy-secret-prism-proxy-secret-0123" \
  PORTICO_THROTTLE_ANONYMOUS=100000/min PORTICO_THROTTLE_AUTHENTICATED=100000/min PORTICO_SERVER_PORT="$app_port"
manage() { "$java" -cp "$classpath" dev.portico.examples.blog.BlogApp "$@" 2>>"$work/app.log"; }
manage migrate >/dev/null
echo 'correct-horse-battery' | manage createuser --username=ada --email=ada@example.com --password-stdin >/dev/null
echo 'correct-horse-battery' | manage createuser --username=joebloggs --email=joe@example.com --password-stdin >/dev/null
manage role define reader --scopes=site:read >/dev/null
manage role grant --user=ada reader >/dev/null 2>&1 || manage role grant ada reader >/dev/null
key="$(manage apikey create --user=ada --role=reader | grep -Eo 'k-[0-9a-f]+:[A-Za-z0-9]+' | head -1)"
manage schema --file="$work/openapi.yaml" >/dev/null
"$java" -cp "$classpath" dev.portico.examples.blog.BlogApp serve >>"$work/app.log" 2>&1 & pids+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$app_port/health" >/dev/null 2>&1 && break; sleep 0.5; done
"$here/.ci/prism-exchanges.sh" "$work/openapi.yaml" "http://127.0.0.1:$app_port" "$key" 'correct-horse-battery' "$version"
