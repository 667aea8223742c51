#!/usr/bin/env bash
# make demo: runs the hello example sandboxed through cloudabi-run, showing
# the YAML it is given.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."

echo "== examples/hello/hello.yaml"
cat examples/hello/hello.yaml
echo
echo "== $build/bin/cloudabi-run $build/target/examples/hello/hello examples/hello/hello.yaml"
"$build/bin/cloudabi-run" "$build/target/examples/hello/hello" examples/hello/hello.yaml
