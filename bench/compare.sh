#!/usr/bin/env bash
# Ours against @wix/sdk 1.21.16, side by side in one run, and prints the table for BENCHMARKS.md:
#   generateOAuthData and parseFromUrl, single thread, ops/s (rounds alternate which side goes first);
#   whole logins (visitor tokens → login session → form POST → code exchange) against ONE shared emulator
#   over loopback, the same number of concurrent flows for both, flows/s and client CPU per flow, each process warmed
#   up in rounds of --warmup flows until two agree within 10%; and the floor: the same four requests with no client
#   (bench/Wix.Auth.Compare/FloorLogin.cs), the least CPU any client can log a member in with.
# Usage: bench/compare.sh [--rounds 5] [--seconds 1] [--flows 300] [--concurrency 8] [--warmup 200]
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=5 SECS=1 FLOWS=300 CONCURRENCY=8 WARMUP=200
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --seconds) SECS=$2; shift 2 ;;
    --flows) FLOWS=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[ -d tests/js/node_modules ] || npm ci --prefix tests/js
dotnet build bench/Wix.Auth.Compare -c Release -nologo -v q >/dev/null
COMPARE=bench/Wix.Auth.Compare/bin/Release/net10.0/Wix.Auth.Compare
SDK="node bench/js/sdk-bench.mjs"

WORK=$(mktemp -d)
RESULTS=$WORK/results.jsonl
# The emulator runs in its own process (so neither client's CPU includes it) and stops when this script closes
# the fifo that is its stdin, on any exit.
mkfifo "$WORK/emulator.in"
$COMPARE emulator <"$WORK/emulator.in" >"$WORK/emulator.out" 2>&1 &
EMULATOR=$!
exec 9>"$WORK/emulator.in"
trap 'exec 9>&-; wait $EMULATOR 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do grep -q '^http' "$WORK/emulator.out" && break; sleep 0.5; done
BASE_URL=$(grep -m1 '^http' "$WORK/emulator.out") || { echo "the emulator did not start:" >&2; cat "$WORK/emulator.out" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version), Node $(node --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rounds: $ROUNDS × ${SECS}s per micro case; $FLOWS flows at concurrency $CONCURRENCY (after warm-up rounds of $WARMUP flows until two agree); emulator $BASE_URL"

for round in $(seq 1 "$ROUNDS"); do
  # Alternate who goes first, so a drift in the machine's speed does not always favour one side.
  if [ $((round % 2)) -eq 1 ]; then
    $SDK micro --seconds "$SECS" >>"$RESULTS"; $COMPARE micro --seconds "$SECS" >>"$RESULTS"
  else
    $COMPARE micro --seconds "$SECS" >>"$RESULTS"; $SDK micro --seconds "$SECS" >>"$RESULTS"
  fi
done
FLOW_ARGS=(--base-url "$BASE_URL" --flows "$FLOWS" --concurrency "$CONCURRENCY" --warmup "$WARMUP")
for round in $(seq 1 "$ROUNDS"); do
  # The floor (the same requests, no client) goes between the two, so each client is next to it in turn.
  if [ $((round % 2)) -eq 1 ]; then
    $SDK flows "${FLOW_ARGS[@]}" >>"$RESULTS"; $COMPARE flows "${FLOW_ARGS[@]}" --floor >>"$RESULTS"; $COMPARE flows "${FLOW_ARGS[@]}" >>"$RESULTS"
  else
    $COMPARE flows "${FLOW_ARGS[@]}" >>"$RESULTS"; $COMPARE flows "${FLOW_ARGS[@]}" --floor >>"$RESULTS"; $SDK flows "${FLOW_ARGS[@]}" >>"$RESULTS"
  fi
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
node bench/js/report.mjs "$RESULTS"
[ -z "${KEEP_RESULTS:-}" ] || cp "$RESULTS" "$KEEP_RESULTS"
