#!/usr/bin/env bash
# Builds lowwear and runs the main job on a bundled example: map a circuit
# with the low-wear flow at its minimum row, verify it, print the program.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DLW_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
circuit=${1:-examples/full_adder.blif}
build/lowwear map "$circuit" --flow lowwear --row min --format text
