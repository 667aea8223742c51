#!/usr/bin/env bash
# make fuzz: runs every libFuzzer target of a CLOUDABI_FUZZ build for a bounded
# time each, starting from its checked-in seed corpus, and reports how many
# inputs each executed. Exits non-zero if any fuzzer found a crash.
set -uo pipefail
build=${1:-build-fuzz}
seconds=${2:-300}
cd "$(dirname "$0")/.."
status=0
found=0
for fuzzer in $(find "$build" -type f -perm -u+x -name '*_fuzz' | sort); do
  name=$(basename "$fuzzer")
  found=1
  corpus_seed=fuzz/corpus/${name%%_*}
  work=$(mktemp -d)
  [ -d "$corpus_seed" ] && cp -r "$corpus_seed"/. "$work"/ 2>/dev/null
  log=$(mktemp)
  "$fuzzer" -max_total_time="$seconds" -print_final_stats=1 "$work" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz: $name: clean after ${runs:-?} executions in ${seconds}s"
  else
    echo "fuzz: $name: FAILED (exit $rc) after ${runs:-?} executions; log:" >&2
    tail -40 "$log" >&2
    status=1
  fi
  rm -rf "$work" "$log"
done
if [ $found -eq 0 ]; then
  echo "fuzz: no fuzzers found in $build" >&2
  exit 1
fi
exit $status
