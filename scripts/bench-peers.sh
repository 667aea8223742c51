#!/usr/bin/env bash
# make bench: installs the optional peers the benchmark compares against, if
# they are missing and this is a Debian machine where we are root:
#   wrk (HTTP load), bubblewrap (bwrap), wasi-libc + libclang-rt-14-dev-wasm32
#   (clang-14 --target=wasm32-wasi), nodejs (Node's WASI), if node is absent.
# A peer that cannot be installed is not an error: cloudabi-bench reports it
# as skipped.
set -uo pipefail

packages=(wrk bubblewrap wasi-libc libclang-rt-14-dev-wasm32)
command -v node > /dev/null || packages+=(nodejs)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get > /dev/null; then
  echo "bench-peers: not installing ${missing[*]} (needs root and apt-get); they will be reported as skipped" >&2
  exit 0
fi
echo "bench-peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
  echo "bench-peers: installing failed; the missing peers will be reported as skipped" >&2
fi
exit 0
