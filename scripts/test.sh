#!/usr/bin/env bash
# Builds lowwear with its tests and runs every test. With --sanitize, in a
# separate build (build-asan/) with AddressSanitizer and
# UndefinedBehaviorSanitizer. The build is configured explicitly (tests on)
# and rebuilt whole before ctest runs, so no earlier command (such as
# scripts/run-example.sh, which shares build/) leaves stale test programs,
# and ctest fails when it finds no test. A test that cannot run here skips
# visibly ("Skipped" in the summary); LW_TEST_NO_SKIP=1 turns skips into
# failures (tests/lw_test.h).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
dir=build
opts=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DLW_SANITIZE=OFF)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  opts=(-DCMAKE_BUILD_TYPE=Debug -DLW_SANITIZE=ON)
fi
cmake -S . -B "$dir" "${opts[@]}" -DLW_TESTS=ON >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir"
ctest --output-on-failure --no-tests=error -j"$(nproc)"
