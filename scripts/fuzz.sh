#!/usr/bin/env bash
# Runs every libFuzzer target of a CLOUDABI_FUZZ build for a bounded time
# each, starting from its checked-in seed corpus, and reports how many inputs
# each executed. Exits non-zero if any fuzzer found a crash, a leak or a
# time-out; the input that triggered it is kept in BUILD/fuzz-artifacts/.
#
#   scripts/fuzz.sh [BUILD [SECONDS [NAME...]]]
#
# `make fuzz` runs it for 300 s per target, `make test` for 30 s
# (TEST_FUZZ_SECONDS). NAMEs limit the run to some targets, e.g.
# scripts/fuzz.sh build-fuzz 600 yaml_to_argdata_fuzz. FUZZ_SEED=N makes the
# runs start from the same random seed every time (make test sets it).
set -uo pipefail
build=${1:-build-fuzz}
seconds=${2:-300}
shift $(( $# < 2 ? $# : 2 ))
cd "$(dirname "$0")/.."
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
status=0
found=0
for fuzzer in $(find "$build" -type f -perm -u+x -name '*_fuzz' | sort); do
  name=$(basename "$fuzzer")
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  found=1
  corpus_seed=fuzz/corpus/${name%%_*}
  work=$(mktemp -d)
  [ -d "$corpus_seed" ] && cp -r "$corpus_seed"/. "$work"/ 2>/dev/null
  log=$(mktemp)
  seed=()
  [ -n "${FUZZ_SEED:-}" ] && seed=(-seed="$FUZZ_SEED")
  # -timeout: one input taking more than 10 s is a hang; -rss_limit_mb: the
  # inputs are small, so a large resident size is a memory blow-up.
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "${seed[@]}" -artifact_prefix="$artifacts/$name-" "$work" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz: $name: clean after ${runs:-?} executions in ${seconds}s"
  else
    echo "fuzz: $name: FAILED (exit $rc) after ${runs:-?} executions; input kept in $artifacts; log:" >&2
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
