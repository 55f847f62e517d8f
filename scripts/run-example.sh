#!/usr/bin/env bash
# Builds lowwear and runs the main job on a bundled example: map a circuit
# with the low-wear flow at its minimum row, verify it, print the program.
# build/ is configured exactly as scripts/test.sh configures it (tests on,
# the same build type), so the two commands can run in either order; this
# one builds only the lowwear executable.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLW_SANITIZE=OFF \
  -DLW_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)" --target lowwear >/dev/null
circuit=${1:-examples/full_adder.blif}
build/lowwear map "$circuit" --flow lowwear --row min --format text
