#!/usr/bin/env bash
# The Blazor WebAssembly demo's download and start-up, against an empty Blazor WebAssembly app published the same way
# (what a .NET team starts from): both published trimmed (Release, PublishTrimmed, no wasm-tools workload), then
#   - the size of _framework: every file uncompressed, and the Brotli and gzip files the publish writes beside them;
#   - what LanguageExt.Core and our own assemblies weigh in it, after trimming;
#   - time to interactive in Debian's Chromium (bench/Wix.Auth.BlazorStartup), cold and warm, medians of N runs, the
#     published folder served over loopback by Python's http.server (uncompressed: loopback transfer time is nil).
# Usage: bench/blazor-size.sh [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

# The baseline: an empty app, the same SDK (global.json) and WebAssembly package version as the demo.
VERSION=$(sed -n 's/.*"Microsoft.AspNetCore.Components.WebAssembly" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
mkdir -p "$WORK/empty/wwwroot"
cp global.json "$WORK/empty/"
cat > "$WORK/empty/Empty.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.BlazorWebAssembly">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><PublishTrimmed>true</PublishTrimmed></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.AspNetCore.Components.WebAssembly" Version="$VERSION" /></ItemGroup>
</Project>
XML
cat > "$WORK/empty/Program.cs" <<'CS'
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<Empty.App>("#app");
await builder.Build().RunAsync();
CS
echo '<p id="ready">ready</p>' > "$WORK/empty/App.razor"
echo '<!DOCTYPE html><html><head><base href="/" /></head><body><div id="app"></div><script src="_framework/blazor.webassembly.js"></script></body></html>' > "$WORK/empty/wwwroot/index.html"

echo "publishing the demo and an empty app (trimmed)…" >&2
dotnet publish samples/BlazorWasm/Client -c Release -o "$WORK/demo" -nologo -v q >/dev/null
(cd "$WORK/empty" && dotnet publish -c Release -o "$WORK/empty-out" -nologo -v q >/dev/null)
dotnet build bench/Wix.Auth.BlazorStartup -c Release -nologo -v q >/dev/null

sum() { find "$1" -type f "${@:2}" -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s}'; }
kb() { awk -v b="$1" 'BEGIN {printf "%.0f KB", b/1024}'; }
sizes() {
  local fw=$1/wwwroot/_framework
  echo "| $2 | $(find "$fw" -type f ! -name '*.br' ! -name '*.gz' | wc -l) | $(kb "$(sum "$fw" ! -name '*.br' ! -name '*.gz')") | $(kb "$(sum "$fw" -name '*.br')") | $(kb "$(sum "$fw" -name '*.gz')") |"
}
one() {  # an assembly of the demo: uncompressed and Brotli
  local f
  f=$(find "$WORK/demo/wwwroot/_framework" -name "$1.*.wasm" | head -1)
  echo "| $1 | $(kb "$(stat -c %s "$f")") | $(kb "$(stat -c %s "$f.br")") |"
}

echo "## _framework"
echo "| app | files | uncompressed | Brotli | gzip |"
echo "| --- | ---: | ---: | ---: | ---: |"
sizes "$WORK/empty-out" "empty Blazor WebAssembly app"
sizes "$WORK/demo" "the demo (samples/BlazorWasm/Client)"
echo
echo "## assemblies of the demo, trimmed"
echo "| assembly | uncompressed | Brotli |"
echo "| --- | ---: | ---: |"
for a in LanguageExt.Core Wix.Auth.Core Wix.Auth.Effects Wix.Auth.Blazor Wix.Auth.Samples.BlazorWasm.Client; do one "$a"; done

serve() {  # serves $1 on a free loopback port; sets PORT and SERVER
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$1" >"$WORK/http.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do
    PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$WORK/http.log" | head -1)
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "http.server did not start" >&2; exit 1
}
STARTUP=bench/Wix.Auth.BlazorStartup/bin/Release/net10.0/Wix.Auth.BlazorStartup
echo
echo "## time to interactive (Chromium, $RUNS runs each)"
serve "$WORK/empty-out/wwwroot"
echo "empty app: $("$STARTUP" "http://127.0.0.1:$PORT/" "#ready" "$RUNS" | tail -1)"
kill "$SERVER"; SERVER=
serve "$WORK/demo/wwwroot"
echo "demo:      $("$STARTUP" "http://127.0.0.1:$PORT/" "#member-status" "$RUNS" | tail -1)"
