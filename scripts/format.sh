#!/usr/bin/env bash
# clang-format over the C sources; --check fails on any difference (and
# when clang-format is missing: scripts/deps.sh --test installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h')
if ! command -v clang-format >/dev/null 2>&1; then
  echo "clang-format not found (scripts/deps.sh --test installs it)" >&2
  [ "${1:-}" = "--check" ] && exit 1
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror $files
  echo "format: $(echo "$files" | wc -w) files clean"
else
  clang-format -i $files
fi
