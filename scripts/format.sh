#!/usr/bin/env bash
# Formats every tracked C and C++ source with clang-format-14 (`make format`),
# or with --check only reports the files that are not formatted (a ctest).
# Test fixtures keep their shapes on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format-14 > /dev/null; then
  echo "format: clang-format-14 is not installed; run scripts/install-deps.sh." >&2
  exit 1
fi
files=$(git ls-files '*.c' '*.h' '*.cc' '*.hpp' | grep -v '^tests/.*/fixtures/')
if [ "${1:-}" != "--check" ]; then
  echo "$files" | xargs clang-format-14 -i
  exit 0
fi
report=$(echo "$files" | xargs clang-format-14 --dry-run 2>&1 | grep -E '^[^ ].*: warning:' || true)
if [ -n "$report" ]; then
  echo "$report" | cut -d: -f1 | sort -u | sed 's/^/format: not clang-formatted: /' >&2
  echo "format: run 'make format' and commit the result." >&2
  exit 1
fi
