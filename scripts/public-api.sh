#!/usr/bin/env bash
# Brings each package's PublicAPI.Unshipped.txt up to date with its code: every public symbol the PublicApiAnalyzers
# report as undeclared (RS0016) is added, and every declared one that is gone (RS0017) is removed. Review the diff:
# each added line is an API the next release promises. Projects go in dependency order, since a project with errors
# stops the build of those that use it.
set -euo pipefail
cd "$(dirname "$0")/.."

for project in Wix.Auth.Core Wix.Auth.Effects Wix.Auth.Native Wix.Auth.AspNetCore Wix.Auth.Blazor Wix.Auth.Emulator Wix.Auth.Emulator.Tool; do
  dir="src/$project"
  unshipped="$dir/PublicAPI.Unshipped.txt"
  log=$(dotnet build "$dir" -c Release -nologo -clp:NoSummary 2>&1 || true)
  mine=$(grep -F "[$PWD/$dir/$project.csproj]" <<<"$log" || true)
  added=$(grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$mine" | sort -u || true)
  removed=$(grep -oP "error RS0017: Symbol '\K.*(?=' is part of the declared API, but)" <<<"$mine" | sort -u || true)
  others=$(grep -E " error " <<<"$mine" | grep -vE "error RS001[67]" || true)
  if [ -n "$others" ]; then echo "$others" >&2; echo "$project has other errors; fix them first." >&2; exit 1; fi
  body=$( (grep -v '^#nullable enable$' "$unshipped" || true; [ -n "$added" ] && echo "$added") | grep -vxF -f <(printf '%s\n' "$removed") | grep -v '^$' | LC_ALL=C sort -u || true)
  printf '#nullable enable\n%s' "$body" > "$unshipped"
  [ -n "$body" ] && echo >> "$unshipped"
  echo "$project: $(grep -c . <<<"$added" || true) added, $(grep -c . <<<"$removed" || true) removed"
done
