#!/usr/bin/env bash
# Maps random legal circuits (tests/lw_gen.c) with every flow at the minimum
# row through the CLI, each program verified (simulation + ABC cec), and
# prints count, failures and time. Failing circuits and messages stay in the
# output folder.
#   bench/random.sh [--count N] [--seed FIRST] [--jobs J] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
count=2000 first=1 jobs=$(nproc) out=build/random-out
while [ $# -gt 0 ]; do
  case "$1" in
  --count) count=$2; shift 2 ;;
  --seed) first=$2; shift 2 ;;
  --jobs) jobs=$2; shift 2 ;;
  --out) out=$2; shift 2 ;;
  *) echo "usage: bench/random.sh [--count N] [--seed FIRST] [--jobs J] [--out DIR]" >&2; exit 2 ;;
  esac
done
for tool in build/lowwear build/tests/lw-gen; do
  [ -x "$tool" ] || { echo "bench/random.sh: $tool missing: run scripts/test.sh first" >&2; exit 1; }
done
mkdir -p "$out"
rm -f "$out"/failures.txt
one() { # seed: every flow; a failure line per failing flow
  local seed=$1 f="$out/r$1.blif" fails=0
  build/tests/lw-gen "$seed" > "$f"
  for flow in simpler losss lowwear lowwear-wide; do
    if ! build/lowwear map "$f" --flow "$flow" -o "$out/r$seed.$flow.json" \
      2> "$out/r$seed.$flow.err"; then
      echo "seed $seed $flow: $(tail -1 "$out/r$seed.$flow.err")"
      fails=1
    fi
  done
  [ $fails = 1 ] || rm -f "$f" "$out/r$seed".*
}
export -f one
export out
start=$(date +%s.%N)
seq "$first" $((first + count - 1)) | xargs -P "$jobs" -I{} bash -c 'one {}' \
  > "$out/failures.txt"
end=$(date +%s.%N)
failed=$(cut -d' ' -f2 "$out/failures.txt" | sort -u | wc -l)
printf 'random circuits: %d (seeds %d..%d), 4 flows each, %d failed (%d programs), %.1f s, %d jobs\n' \
  "$count" "$first" $((first + count - 1)) "$failed" \
  "$(wc -l < "$out/failures.txt")" "$(echo "$end - $start" | bc)" "$jobs"
head -20 "$out/failures.txt"
[ "$failed" = 0 ]
