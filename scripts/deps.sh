#!/usr/bin/env bash
# Installs what lowwear needs, when it is missing. As root it runs apt-get;
# otherwise it prints the exact apt-get line and fails.
# Usage: scripts/deps.sh          build and run lowwear
#        scripts/deps.sh --test   also everything the tests, the fuzzing
#                                 harnesses and CI use
# The README's "Two commands" section lists the same packages.
set -euo pipefail

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pc() { have_cmd pkg-config && pkg-config --exists "$1" 2>/dev/null; }
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q ' installed$'; }

# To build and run: a tool found on the PATH (or a library found by
# pkg-config) counts, however it was installed.
have_cmd cc || need+=(gcc)
have_cmd cmake || need+=(cmake)
have_cmd make || need+=(make)
have_cmd pkg-config || need+=(pkg-config)
have_cmd berkeley-abc || have_cmd abc || need+=(berkeley-abc)
have_cmd yosys || need+=(yosys)
have_pc jansson || need+=(libjansson-dev)
have_pc cmocka || need+=(libcmocka-dev)
# CaDiCaL (map --exact): no pkg-config file, so its header tells
[ -f /usr/include/ccadical.h ] || have_deb libcadical-dev || need+=(libcadical-dev)

# For the tests, fuzzing and CI: Debian packages by name. clang and
# libclang-rt-14-dev build the libFuzzer harnesses (fuzz/README.md),
# clang-format checks the style, ngspice runs `lowwear device --spice`,
# librsvg2-bin renders the SVG figures, groff-base the manual page; the
# others are tools the tests call (python3 with pytest, headless chromium,
# GNU parallel).
test_debs=(clang libclang-rt-14-dev clang-format python3 python3-pytest
  ngspice chromium parallel librsvg2-bin groff-base pkg-config)
if [ "${1:-}" = "--test" ]; then
  for deb in "${test_debs[@]}"; do
    have_deb "$deb" || need+=("$deb")
  done
fi

[ ${#need[@]} -eq 0 ] && exit 0
# one name once (pkg-config may be asked for twice)
mapfile -t need < <(printf '%s\n' "${need[@]}" | awk '!seen[$0]++')
if [ "$(id -u)" -ne 0 ]; then
  echo "lowwear needs: ${need[*]}" >&2
  echo "install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${need[@]}" >/dev/null
