#!/usr/bin/env bash
# The project's one test command (README: "Run all tests"). Works on a fresh Debian machine:
# it installs what the suites need, guarded so that a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."

# The web tests (tests/Web.Tests) start real redis-server processes — single nodes, and Redis Clusters of six nodes made with
# redis-cli --cluster create (redis-server brings redis-cli), each stopped by its PID when its tests end — and drive
# Debian's chromium through Playwright (which must not download a browser): install both when absent, with one apt-get
# update before the first install.
apt_updated=
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "missing: $* (no apt-get here; install it yourself)" >&2; return 0; }
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v redis-server >/dev/null 2>&1 || apt_install redis-server
[ -x /usr/bin/chromium ] || apt_install chromium

# The emulator's conformance test and the differential check (tests/Spec) run the published @wix/sdk under Node: install Node when absent (Debian),
# and the pinned SDK from tests/js/package-lock.json when it is not installed yet.
if ! command -v node >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  apt_install nodejs npm
fi
if [ ! -f tests/js/node_modules/@wix/sdk/package.json ]; then
  npm ci --prefix tests/js --no-audit --no-fund
fi

log=$(mktemp)
set +e
dotnet test WixAuthFp.sln --configuration Release --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test assembly, in the plain form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
