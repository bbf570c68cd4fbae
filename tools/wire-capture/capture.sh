#!/usr/bin/env bash
# Regenerates tests/data/wix-sdk-1.21.16-login-flow.json, the capture of every request the pinned @wix/sdk makes in one
# whole flow (docs/protocol.md, "How we know the SDK sends this"): starts the emulator on a free loopback port, runs
# capture.mjs under Node against it, writes the file, stops the emulator.
#   bash tools/wire-capture/capture.sh [output file]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-tests/data/wix-sdk-1.21.16-login-flow.json}

[ -f tests/js/node_modules/@wix/sdk/package.json ] || npm ci --prefix tests/js --no-audit --no-fund

dotnet build src/Wix.Auth.Emulator -c Release -v quiet -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dotnet run --project src/Wix.Auth.Emulator -c Release --no-build -- --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/_emulator" >/dev/null 2>&1 && break
  sleep 0.2
done

capture=$(node tools/wire-capture/capture.mjs "http://127.0.0.1:$port")
printf '%s\n' "$capture" > "$out"
echo "wrote $out ($(grep -c '"url"' "$out") requests)" >&2
