#!/usr/bin/env bash
# Installs the browser-test tools of package-lock.json (playwright-core, @redocly/cli) with `npm ci`, once per
# lock file; run by Maven before the tests. Without node/npm it says why and leaves the tests to skip, except
# under CI=true, where a missing tool is an error. Chromium is checked by the tests that need it.
set -euo pipefail
# the node project: this script's folder, or the one given (the example's client tools, examples/blog/src/test/node)
cd "${1:-${0%/*}}"
missing=""
command -v node >/dev/null 2>&1 || missing="$missing node"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = true ]; then
    echo "ERROR: CI=true and the browser and lint tests need:$missing" >&2
    exit 1
  fi
  echo "[portico] browser and lint tests will be skipped:$missing not found (install Node.js 20+)"
  exit 0
fi
stamp=node_modules/.portico-installed-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
echo "[portico] npm ci in $(pwd)"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
