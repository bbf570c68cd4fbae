#!/usr/bin/env bash
# What a site pays, side by side in one run (issue 16), printed as one table of ratios with the per-round spread:
#   the authenticated request: ASP.NET Core cookie authentication (ticket in the cookie; ITicketStore in Redis) against
#     this library's member session (in memory; in Redis), each site in its own process, one Redis, same page and load;
#   the site's login: the demo site (samples/WebSite) against the floor app and a Node site on @wix/sdk (bench/js/sdk-site.mjs), each in
#     its own process, against one emulator in a third, the same scripted member and concurrency;
#   generateOAuthData against its floor (the OS random source, SHA-256, the encodings) on this machine.
# Each comparison warms up in whole rounds until every side's last two agree within 10% (steady state: the JIT's tiers,
# pools and connections settled), then reports its rounds; the login comparison has the floor app as a third side
# (bench/Wix.Auth.Load/Sites/FloorSite.cs: the same I/O, no auth logic). bench/profile.sh shows where a login's CPU goes.
# Figures per CPU-second are of the site's own process (read by the site itself), so other load on the machine moves
# them less than wall-clock figures; ratios pair sides measured back to back in the same round.
# Usage: bench/site.sh [--rounds 5] [--requests 20000] [--concurrency 16] [--logins 300] [--login-concurrency 8] [--seconds 1]
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=5 REQUESTS=20000 CONCURRENCY=16 LOGINS=300 LOGIN_CONCURRENCY=8 SECS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --logins) LOGINS=$2; shift 2 ;;
    --login-concurrency) LOGIN_CONCURRENCY=$2; shift 2 ;;
    --seconds) SECS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v redis-server >/dev/null || { echo "redis-server is needed (scripts/test.sh installs it)" >&2; exit 1; }
[ -f tests/js/node_modules/@wix/sdk/package.json ] || npm ci --prefix tests/js --no-audit --no-fund
dotnet build bench/Wix.Auth.Load -c Release -nologo -v q >/dev/null
dotnet build bench/Wix.Auth.Compare -c Release -nologo -v q >/dev/null
LOAD=bench/Wix.Auth.Load/bin/Release/net10.0/Wix.Auth.Load
COMPARE=bench/Wix.Auth.Compare/bin/Release/net10.0/Wix.Auth.Compare

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version), Node $(node --version), $(redis-server --version | cut -d' ' -f1-3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rounds: $ROUNDS; requests: $REQUESTS per site per round at concurrency $CONCURRENCY; logins: $LOGINS per site per round at concurrency $LOGIN_CONCURRENCY; micro: ${SECS}s per case"
$LOAD requests --rounds "$ROUNDS" --requests "$REQUESTS" --concurrency "$CONCURRENCY" >"$WORK/requests.jsonl"
$LOAD site-logins --rounds "$ROUNDS" --logins "$LOGINS" --concurrency "$LOGIN_CONCURRENCY" >"$WORK/logins.jsonl"
# Without tiered compilation: fully optimised code from the first call, so no case is charged the background JIT's CPU
# (on a loaded machine the first case measured otherwise ran partly on unoptimised code, by 1.8× to 4× from run to run).
for _ in $(seq 1 "$ROUNDS"); do DOTNET_TieredCompilation=0 $COMPARE micro --seconds "$SECS" >>"$WORK/micro.jsonl"; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
node bench/js/site-report.mjs "$WORK/requests.jsonl" "$WORK/logins.jsonl" "$WORK/micro.jsonl"
[ -z "${KEEP_RESULTS:-}" ] || cat "$WORK"/*.jsonl >"$KEEP_RESULTS"
