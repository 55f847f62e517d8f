#!/usr/bin/env bash
# clang-format over the C sources; --check fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h')
if ! command -v clang-format >/dev/null 2>&1; then
  echo "clang-format not found: skipping the format check" >&2
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror $files
  echo "format: $(echo "$files" | wc -w) files clean"
else
  clang-format -i $files
fi
