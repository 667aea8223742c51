#!/bin/sh
# Counts how many of cloudlibc's public symbols (scripts/cloudlibc-symbols.txt)
# this libc provides: defined in libc.a, or (for the upper-case names that are
# macros as well as functions) at least defined as a macro in a header.
#
#   scripts/count-symbols.sh [build-dir] [--missing]
#
# With --missing, the names that are absent are listed too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
case "$build" in --missing) build=build ;; esac
libc="$build/sysroot/lib/libc.a"
include="$build/sysroot/include"
list="$here/cloudlibc-symbols.txt"
[ -f "$libc" ] || { echo "count-symbols: $libc not found (build first)" >&2; exit 2; }
nm=$(command -v llvm-nm-14 || command -v llvm-nm || command -v nm)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$list" | sort -u > "$tmp/wanted"
"$nm" --defined-only -g "$libc" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u > "$tmp/defined"
# Macros defined in the installed headers.
grep -rhoE '^#define +[A-Za-z_][A-Za-z0-9_]*' "$include" | awk '{ print $2 }' | sort -u > "$tmp/macros"
sort -u "$tmp/defined" "$tmp/macros" > "$tmp/have"
comm -12 "$tmp/wanted" "$tmp/have" > "$tmp/present"
comm -23 "$tmp/wanted" "$tmp/have" > "$tmp/missing"
total=$(wc -l < "$tmp/wanted")
present=$(wc -l < "$tmp/present")
echo "cloudlibc public symbols present: $present of $total"
if [ "${2:-${1:-}}" = "--missing" ]; then
  echo "missing:"
  sed 's/^/  /' "$tmp/missing"
fi
