#!/usr/bin/env bash
# Builds the employees page in the build (Maven runs it at process-classes, after the typescript-fetch client was
# generated into target/frontend/api-client): npm ci of esbuild and typescript (once per lock file), `tsc --strict`
# over the page and the client, then esbuild's bundle into target/classes/frontend/employees.js, which EmployeesPage
# serves. Nothing it writes is committed. Without node/npm it says why and the page answers 404, except under
# CI=true, where it fails.
set -euo pipefail
here="$(cd "${0%/*}" && pwd)"
target="$here/../../../target"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    echo "ERROR: CI=true and the employees page needs node and npm" >&2
    exit 1
  fi
  echo "[portico] the employees page is not bundled: node or npm not found (install Node.js 20+)"
  exit 0
fi
bash "$here/../../../../../portico-core/src/test/browser/install.sh" "$here"
cd "$here"
node node_modules/typescript/bin/tsc -p tsconfig.json
node_modules/.bin/esbuild employees.ts --bundle --format=iife --target=es2022 --minify \
  --tsconfig=tsconfig.json --outfile="$target/classes/frontend/employees.js" --log-level=warning
