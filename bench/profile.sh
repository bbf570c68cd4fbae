#!/usr/bin/env bash
# Where the CPU of a site login goes (issue 24): a CPU profile of the demo site (samples/WebSite) at steady state.
# The emulator and the site run in processes of their own; a warm-up of logins first (the JIT's tiers settle), then
# `perf record` samples the site's process, every thread, while the same scripted member logs in again; the samples
# are summed by where their code lives (bench/js/profile-report.mjs), the JIT's perf map naming the managed frames
# (W^X off in the site, so perf sees JIT code at the addresses the map names). libcoreclr ships without symbols: its
# samples (the GC, allocation, casts, stubs) are one line.
# With --allocations, it also prints what the site allocated over the same window, by type (the runtime's allocation
# ticks, counted in the site by an EventListener, which costs the site some CPU: not for the CPU table).
# Usage: bench/profile.sh [--warmup 4000] [--logins 3000] [--concurrency 8] [--site demo-site|floor-site] [--allocations]
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=4000 LOGINS=3000 CONCURRENCY=8 SITE=demo-site ALLOCATIONS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) WARMUP=$2; shift 2 ;;
    --logins) LOGINS=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --site) SITE=$2; shift 2 ;;
    --allocations) ALLOCATIONS=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v perf >/dev/null || { echo "perf is needed (Debian: apt-get install linux-perf)" >&2; exit 1; }
dotnet build bench/Wix.Auth.Load -c Release -nologo -v q >/dev/null
LOAD=$PWD/bench/Wix.Auth.Load/bin/Release/net10.0/Wix.Auth.Load
WORK=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# Each process prints its URL on its first line and runs while its stdin (a pipe held open here) is open.
URL=
declare -A IN
start() { # name, then the arguments; sets URL
  local name=$1 fd; shift
  mkfifo "$WORK/$name.in"
  "$LOAD" "$@" <"$WORK/$name.in" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  pids+=($!)
  exec {fd}>"$WORK/$name.in"
  IN[$name]=$fd
  for _ in $(seq 1 300); do [ -s "$WORK/$name.out" ] && break; sleep 0.1; done
  URL=$(head -1 "$WORK/$name.out")
  [ -n "$URL" ] || { echo "$name did not start:" >&2; cat "$WORK/$name.err" >&2; exit 1; }
}
start emulator emulator
EMULATOR=$URL
# As bench/site.sh runs its .NET sites: thread-pool spinning off unless BENCH_SPIN_LIMIT says (70 is .NET's default).
DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=${BENCH_SPIN_LIMIT:-0} WIX_BENCH_ALLOCATIONS=$ALLOCATIONS DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 start site "$SITE" --api-base-url "$EMULATOR"
SITE_URL=$URL
SITE_PID=${pids[-1]}
# The site's own figures (CPU, allocations, methods jitted): a line on its stdin answers with a line of JSON.
stats() { local n; n=$(wc -l <"$WORK/site.out"); echo >&"${IN[site]}"; while [ "$(wc -l <"$WORK/site.out")" -le "$n" ]; do sleep 0.1; done; tail -1 "$WORK/site.out"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up in rounds of 500 logins, at least --warmup in all, until a round jits fewer than 20 methods: under unbroken
# load the JIT's tier-up waits for a pause, so the rounds leave one (a second) between them.
jitted() { node -e 'console.log(JSON.parse(process.argv[1]).methodsJitted)' "$1"; }
warm=0 last=$(jitted "$(stats)") fresh=1000000
while [ "$warm" -lt "$WARMUP" ] || [ "$fresh" -ge 20 ]; do
  "$LOAD" logins --site "$SITE_URL" --flows 500 --concurrency "$CONCURRENCY" --max-seconds 300 >/dev/null
  warm=$((warm + 500)); sleep 1
  now=$(jitted "$(stats)"); fresh=$((now - last)); last=$now
  [ "$warm" -lt 40000 ] || { echo "not steady after $warm logins ($fresh methods jitted in the last 500)" >&2; break; }
done
echo "warm-up: $warm logins; the last 500 jitted $fresh methods"
perf record -F 999 -g -p "$SITE_PID" -o "$WORK/perf.data" -- sleep 600 >/dev/null 2>&1 &
PERF=$!
sleep 1
BEFORE=$(stats)
"$LOAD" logins --site "$SITE_URL" --flows "$LOGINS" --concurrency "$CONCURRENCY" --max-seconds 300
kill -INT "$PERF"; wait "$PERF" || true
AFTER=$(stats)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
perf report -i "$WORK/perf.data" --no-children --sort dso,symbol --stdio -g none --percent-limit 0 2>/dev/null >"$WORK/report.txt"
node bench/js/profile-report.mjs "$WORK/report.txt" "$LOGINS" "$BEFORE" "$AFTER"
[ -z "${KEEP_PROFILE:-}" ] || cp "$WORK/perf.data" "$KEEP_PROFILE"
if [ "$ALLOCATIONS" = 1 ]; then
  echo
  sleep 0.5
  # The last block: written when the window closed.
  awk '/^allocations since the last stats/ { block = "" } { block = block $0 "\n" } END { printf "%s", block }' "$WORK/site.err"
fi
