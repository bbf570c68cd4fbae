#!/usr/bin/env bash
# Regenerates tests/Emulator.Tests/Fixtures/wix-sdk-1.21.16-member-auth.json from the pinned @wix/sdk (tests/js):
# tests/js/member-auth.mjs replays the SDK's member-auth calls against the emulator, PKCE drawn from a seeded
# xorshift32, and records each request as the SDK hands it to fetch, with the emulator's answer (its random tokens
# as numbered placeholders). The wire test (MemberAuthWireTests) runs the replay and writes the recording.
# Usage: bash tools/record-member-auth-fixture.sh [output file]   (default: the fixture itself)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-tests/Emulator.Tests/Fixtures/wix-sdk-1.21.16-member-auth.json}
[ -f tests/js/node_modules/@wix/sdk/package.json ] || npm ci --prefix tests/js --no-audit --no-fund
recording=$(mktemp)
trap 'rm -f "$recording"' EXIT
WIX_RECORD_MEMBER_AUTH_FIXTURE="$recording" dotnet test tests/Emulator.Tests --configuration Release \
  --filter "FullyQualifiedName~MemberAuthWireTests" --logger "console;verbosity=minimal"
[ -s "$recording" ] || { echo "no recording was written" >&2; exit 1; }
cp "$recording" "$target"
echo "wrote $target"
