#!/usr/bin/env bash
# Native AOT check of the console sample (docs/aot.md): publishes samples/ConsoleLogin with PublishAot, counts the
# trimming/AOT warnings (ours must be 0; LanguageExt's are listed), measures the binary and its start against the JIT
# build, and logs a member in with the native binary against the emulator. Too slow for the test command (minutes of ILC).
set -euo pipefail
cd "$(dirname "$0")/.."

# ILC links with clang and zlib: install them when absent (Debian), once.
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || { echo "Native AOT needs: ${missing[*]}" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
emulator=
cleanup() { [ -n "$emulator" ] && kill "$emulator" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "publishing samples/ConsoleLogin with Native AOT…"
started=$(date +%s)
# Warnings stay warnings here so that every one is listed (TrimmerSingleWarn=false: one line per site, not per assembly).
if ! dotnet publish samples/ConsoleLogin -c Release -r linux-x64 -p:PublishAot=true -p:TrimmerSingleWarn=false \
    -p:TreatWarningsAsErrors=false -o "$work/bin" >"$work/publish.log" 2>&1; then
  cat "$work/publish.log"; exit 1
fi
publish_s=$(( $(date +%s) - started ))
grep -E 'warning (IL|AOT)[0-9]+' "$work/publish.log" | sed -E 's/ \[[^]]*\]$//' | sort -u >"$work/warnings.txt" || true
ours=$(grep -vc 'LanguageExt' "$work/warnings.txt" || true)
theirs=$(grep -c 'LanguageExt' "$work/warnings.txt" || true)
echo "publish: ${publish_s} s; trimming/AOT warnings from our code: $ours; from LanguageExt.Core: $theirs"
if [ "$theirs" -gt 0 ]; then
  echo "LanguageExt's warnings by code (docs/aot.md says what they mean):"
  grep 'LanguageExt' "$work/warnings.txt" | grep -oE 'warning (IL|AOT)[0-9]+' | sort | uniq -c | sort -rn
  grep 'LanguageExt' "$work/warnings.txt" | sed -E 's/^.*(warning (IL|AOT)[0-9]+)/  \1/' | cut -c1-200
fi
if [ "$ours" -gt 0 ]; then grep -v 'LanguageExt' "$work/warnings.txt"; exit 1; fi
binary="$work/bin/ConsoleLogin"
echo "binary: $(stat -c %s "$binary") bytes ($(( $(stat -c %s "$binary") / 1024 / 1024 )) MiB)"

# The emulator, standalone (a test tool that runs on the JIT).
dotnet build src/Wix.Auth.Emulator -c Release -v q -nologo >/dev/null
dotnet src/Wix.Auth.Emulator/bin/Release/net10.0/Wix.Auth.Emulator.dll --urls http://127.0.0.1:0 >"$work/emulator.log" 2>&1 &
emulator=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/emulator.log" && break; sleep 0.2; done
url=$(grep -oE 'listening on +http://127\.0\.0\.1:[0-9]+' "$work/emulator.log" | grep -oE 'http://[^ ]+')
echo "emulator: $url"

# Start time: `whoami` with no tokens (start, read the token file, answer, exit), native and JIT, 7 runs each, median.
dotnet build samples/ConsoleLogin -c Release -v q -nologo >/dev/null
median_ms() {
  local times=()
  for _ in $(seq 7); do
    local t0; t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
native_ms=$(median_ms "$binary" whoami --emulator "$url/" --token-file "$work/none.json")
jit_ms=$(median_ms dotnet samples/ConsoleLogin/bin/Release/net10.0/ConsoleLogin.dll whoami --emulator "$url/" --token-file "$work/none.json")
echo "start to exit (whoami, no tokens), median of 7: native ${native_ms} ms, JIT ${jit_ms} ms"

# A member logs in with the native binary: it prints the login URL, the "browser" (curl) logs Ada in and follows the
# redirect to the binary's loopback listener.
"$binary" login --no-browser --emulator "$url/" --token-file "$work/tokens.json" --timeout 60 >"$work/login.log" 2>&1 &
login=$!
for _ in $(seq 100); do grep -qs '_api/oauth2/authorize' "$work/login.log" && break; sleep 0.2; done
auth_url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/_api/oauth2/authorize\?[^ ]+' "$work/login.log" | head -1)
curl -fsS -c "$work/jar" -b "$work/jar" -o /dev/null "$auth_url"
callback=$(curl -fsS -c "$work/jar" -b "$work/jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode email=ada@example.com --data-urlencode password=lovelace -d action=login "$auth_url")
curl -fsS -o /dev/null "$callback"
wait "$login" || { cat "$work/login.log"; exit 1; }
whoami=$("$binary" whoami --emulator "$url/" --token-file "$work/tokens.json")
echo "$whoami"
grep -q 'Ada' <<<"$whoami" || { echo "the native login did not log Ada in" >&2; exit 1; }
echo "native AOT login: ok"
