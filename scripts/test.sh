#!/usr/bin/env bash
# Runs every tracevault test on a fresh Debian machine: installs what is missing (apt packages when run as
# root, npm dependencies), builds, lints, and runs the whole Vitest suite. Servers a test needs are started
# by that test's own setup on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || APT_PACKAGES+=("$1"); }
# The recorder's end-to-end tests need a real X display, window manager, input injection, a browser and OCR;
# the vault's storage suite needs PostgreSQL; the trajectory importer reads videos with ffmpeg; the fleet tests
# need nats-server; the tray icon test docks into trayer (a small system tray).
for p in xvfb xdotool x11-utils xinput openbox xterm chromium tesseract-ocr tesseract-ocr-eng postgresql ffmpeg nats-server trayer; do
  need_apt "$p"
done
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test: installing ${APT_PACKAGES[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
  else
    echo "test: missing apt packages ${APT_PACKAGES[*]} (run as root to install them)" >&2
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "test: installing npm dependencies"
  npm ci --no-audit --no-fund
fi
npm run build
npm run lint

report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$report" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  if (r.numTotalTests === 0) process.exit(1);
' "$report" || status=1
rm -f "$report"
exit $status
