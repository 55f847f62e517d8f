#!/usr/bin/env bash
# Installs what lowwear needs to build, test and run, when it is missing.
# As root it runs apt-get; otherwise it prints the exact apt-get line and
# fails. Usage: scripts/deps.sh [--test]   (--test adds test-only tools)
set -euo pipefail

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pc() { pkg-config --exists "$1" 2>/dev/null; }

have_cmd cc || need+=(gcc)
have_cmd cmake || need+=(cmake)
have_cmd make || need+=(make)
have_cmd pkg-config || need+=(pkg-config)
have_cmd berkeley-abc || have_cmd abc || need+=(berkeley-abc)
have_cmd yosys || need+=(yosys)
if have_cmd pkg-config; then
  have_pc jansson || need+=(libjansson-dev)
  have_pc cmocka || need+=(libcmocka-dev)
else
  need+=(libjansson-dev libcmocka-dev)
fi
if [ "${1:-}" = "--test" ]; then
  have_cmd rsvg-convert || need+=(librsvg2-bin)
  have_cmd python3 || need+=(python3)
fi

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "lowwear needs: ${need[*]}" >&2
  echo "install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${need[@]}" >/dev/null
