#!/usr/bin/env bash
# Runs tracevault with embedded defaults, installing npm dependencies first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
# (run as an executable, so that its first line starts node with the command's V8 flag)
exec packages/cli/bin/tracevault.js start "$@"
