#!/usr/bin/env bash
# Mutation testing of the pure core (Stryker.NET): how many deliberate bugs in src/Wix.Auth.Core do tests/Unit and
# tests/Properties catch? Not part of the test command: a full run takes about 25 minutes on a 2-core machine.
#
#   bash scripts/mutation.sh                                   # the whole core
#   bash scripts/mutation.sh --mutate "**/Parsing/*.cs"        # one area while you work on it (any Stryker option passes through)
#
# The report lands in StrykerOutput/<date>/reports/ (mutation-report.html, mutation-report.json); the surviving
# mutants that remain, each with the reason it survives, are listed in tests/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Run from the core's folder: in the repository root Stryker would take the solution and refuse to be told the test projects.
root=$PWD
cd src/Wix.Auth.Core
exec dotnet dotnet-stryker --config-file "$root/stryker-config.json" --output "$root/StrykerOutput/$(date +%Y-%m-%d.%H-%M-%S)" "$@"
