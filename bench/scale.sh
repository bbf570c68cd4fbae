#!/usr/bin/env bash
# Redis at scale (issue 25, item 4): 10k, 100k and 1M member sessions loaded into a fresh redis-server through the real
# stores — this library's member session (AddRedis) beside cookie authentication with an ITicketStore in the same Redis —
# then the authenticated request at each size, the two sites in their own processes, rounds alternating them.
# Prints one JSON line per figure, then the table of medians (BENCHMARKS.md, "Redis at scale").
# Needs about 3 GiB of memory for Redis at 1M (both sides' sessions at once).
# Usage: bench/scale.sh [--sizes 10000,100000,1000000] [--members 200] [--rounds 3] [--requests 20000] [--concurrency 16]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is needed (scripts/test.sh installs it)" >&2; exit 1; }
dotnet build bench/Wix.Auth.Load -c Release -nologo -v q >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version), $(redis-server --version | cut -d' ' -f1-3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench/Wix.Auth.Load/bin/Release/net10.0/Wix.Auth.Load scale "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
