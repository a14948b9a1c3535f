#!/usr/bin/env bash
# Installs the Debian packages Coral needs when any is missing.
# As root it runs apt-get; otherwise it prints the exact command and fails.
# Usage: bin/lib/ensure-packages.sh [--tests]   (--tests adds what only the test suite needs)
set -euo pipefail

packages=(maven jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient fontconfig fonts-dejavu-core)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(python3-numpy python3-h5py)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "coral: missing Debian packages: ${missing[*]}" >&2
  echo "coral: install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "coral: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
