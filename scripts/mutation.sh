#!/usr/bin/env bash
# Mutation testing of the pure core (Stryker.NET): how many deliberate bugs in src/Wix.Auth.Core do tests/Unit and
# tests/Properties catch? Not part of the test command: a full run takes about 15 minutes on a quiet 2-core machine (--concurrency 2).
#
#   bash scripts/mutation.sh                                   # the whole core
#   bash scripts/mutation.sh --mutate "**/Parsing/*.cs"        # one area while you work on it (any Stryker option passes through)
#   bash scripts/mutation.sh --spec                             # the vectors alone: tests/Spec's replays as the only tests,
#                                                               # so the score is the share of the core's behaviour spec/ pins
#
# It runs in a temporary copy of the working tree (tracked and untracked, not ignored, files): Stryker swaps mutated
# assemblies into the test projects' bin folders, and a build in the tree while it runs would spoil the run. The
# report is copied to StrykerOutput/<date>/ (reports/mutation-report.html and .json); tests/README.md lists the
# mutants that survive, each with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stamp=$(date +%Y-%m-%d.%H-%M-%S)
config=stryker-config.json
if [ "${1:-}" = "--spec" ]; then config=stryker-spec-config.json; shift; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git ls-files -co --exclude-standard -z | tar --null -cf - -T - | tar -xf - -C "$work"
cd "$work"
dotnet tool restore >/dev/null
# From the core's folder: in the repository root Stryker would take the solution and refuse to be told the test projects.
cd src/Wix.Auth.Core
status=0
dotnet dotnet-stryker --config-file "$work/$config" --output "$work/StrykerOutput/$stamp" "$@" || status=$?
mkdir -p "$root/StrykerOutput"
cp -r "$work/StrykerOutput/$stamp" "$root/StrykerOutput/"
echo "report: StrykerOutput/$stamp/reports/mutation-report.html"
exit "$status"
