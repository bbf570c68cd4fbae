#!/usr/bin/env bash
# The project's one test command (README: "Run all tests"). Works on a fresh Debian machine:
# it installs what the suites need, guarded so that a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."

# What cannot be installed from here comes first, each with what to do about it.
# The .NET SDK global.json asks for (10.0.100 or a later feature band of 10.0): without it nothing builds. In this folder
# `dotnet --version` fails when no installed SDK satisfies global.json.
sdk=$(sed -nE 's/.*"version": *"([^"]+)".*/\1/p' global.json)
if ! command -v dotnet >/dev/null 2>&1; then
  echo "missing: the .NET SDK $sdk or a later 10.0 feature band (global.json); install it (https://dot.net/install) and put dotnet on PATH" >&2
  exit 1
fi
if ! dotnet --version >/dev/null 2>&1; then
  echo "missing: the .NET SDK $sdk or a later 10.0 feature band (global.json); this machine has: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' ')" >&2
  exit 1
fi

# The web tests (tests/Web.Tests) start real redis-server processes — single nodes, and Redis Clusters of six nodes made
# with redis-cli --cluster create (redis-server brings redis-cli), each stopped by its PID when its tests end, with
# procps's kill — and drive Debian's chromium through Playwright (which must not download a browser): install them when
# absent, with one apt-get update before the first install, as root or through sudo; otherwise say what to install and stop.
apt_updated=
as_root=
if [ "$(id -u)" -ne 0 ]; then as_root=sudo; fi
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: $* (no apt-get on this machine: install them yourself, then run this again)" >&2; exit 1
  fi
  if [ -n "$as_root" ] && ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    echo "missing: $* (installing needs root: run 'sudo apt-get install $*' or run this script as root)" >&2; exit 1
  fi
  echo "installing: $*" >&2
  if [ -z "$apt_updated" ]; then $as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq "$@" >/dev/null
}
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/kill ] || [ -x /bin/kill ] || missing+=(procps)

# The emulator's conformance test and the differential check (tests/Spec) run the published @wix/sdk under Node: install
# Node and npm when absent (npm alone when Node is there without it), and the pinned SDK from tests/js/package-lock.json
# when it is not installed yet.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
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
