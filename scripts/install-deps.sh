#!/usr/bin/env bash
# Installs every Debian package the build and the tests need. Idempotent: does
# nothing when all of them are present, so `make test` stays fast on a set-up machine.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config file
  clang-14 lld-14 llvm-14 libclang-rt-14-dev clang-format-14
  libyaml-dev libseccomp-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  curl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root or install them yourself." >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
