#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png: starts the demo site (with its in-process emulator) on a loopback port, walks a person
# through its pages in Debian's Chromium (tools/screenshots, playwright-core, which downloads no browser), and stops the site.
# Not part of the test command: run it after changing a page, and commit the pictures.
#   bash scripts/screenshots.sh [port]      (default 5350)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5350}
[ -x /usr/bin/chromium ] || { echo "missing: /usr/bin/chromium (apt-get install chromium)" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "missing: node (apt-get install nodejs npm)" >&2; exit 1; }
[ -f tools/screenshots/node_modules/playwright-core/package.json ] || npm ci --prefix tools/screenshots --no-audit --no-fund

dotnet build samples/WebSite -c Release -nologo -v quiet
log=$(mktemp)
dotnet samples/WebSite/bin/Release/net10.0/WebSite.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
site=$!
trap 'kill "$site" 2>/dev/null; wait "$site" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 150); do
  grep -q "Press Ctrl+C" "$log" && break
  kill -0 "$site" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
node tools/screenshots/screenshots.mjs "http://127.0.0.1:$port/" docs/screenshots
