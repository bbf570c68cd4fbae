#!/usr/bin/env bash
# The project's one test command (README: "Run all tests"). Works on a fresh Debian machine:
# it installs what the suites need, guarded so that a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."

# The emulator's conformance test runs the published @wix/sdk under Node (already on the machine): install it once.
if [ ! -d tests/js/node_modules/@wix/sdk ]; then
  npm ci --prefix tests/js --no-audit --no-fund
fi

dotnet test WixAuthFp.sln --configuration Release --logger "console;verbosity=minimal" "$@"
