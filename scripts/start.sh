#!/usr/bin/env bash
# Runs tracevault with embedded defaults, installing npm dependencies first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
# (the same V8 flag as the first line of the tracevault command: see packages/cli/bin/tracevault.js)
exec node --max-semi-space-size=32 packages/cli/bin/tracevault.js start "$@"
