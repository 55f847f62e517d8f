#!/usr/bin/env bash
# lowwear bench as a Slurm job array: one shard per array task, then a merge
# job that starts once every task succeeded (afterok).
#
#   scripts/cluster/bench-slurm.sh -o OUT [-n SHARDS] [-c CPUS] [-t TIME]
#                                  [-- BENCH OPTIONS AND CIRCUITS]
#
# Submits (sbatch) the array and the merge job and prints their job ids.
# OUT must be on a file system that every node sees: task K writes
# OUT/shard-K, the merge job writes OUT/all (results.csv, tables, figures).
# The same script is the body of each task: when Slurm starts it with
# SLURM_ARRAY_TASK_ID set it runs shard SLURM_ARRAY_TASK_ID of
# SLURM_ARRAY_TASK_COUNT, and with --merge it joins OUT/shard-*.
# LOWWEAR names the executable (default: lowwear on the PATH, else the
# build/lowwear of this checkout).
set -euo pipefail

usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
  exit "${1:-0}"
}

out= shards=4 cpus=2 time=01:00:00 merge=0
while [ $# -gt 0 ]; do
  case "$1" in
  -o) out=${2:?-o needs a folder}; shift 2 ;;
  -n) shards=${2:?-n needs a count}; shift 2 ;;
  -c) cpus=${2:?-c needs a count}; shift 2 ;;
  -t) time=${2:?-t needs a time}; shift 2 ;;
  --merge) merge=1; shift ;;
  -h | --help) usage 0 ;;
  --) shift; break ;;
  *) echo "bench-slurm.sh: unknown option '$1'" >&2; usage 2 >&2 ;;
  esac
done
[ -n "$out" ] || { echo "bench-slurm.sh: -o OUT is required" >&2; exit 2; }
case "$shards" in '' | *[!0-9]* | 0)
  echo "bench-slurm.sh: -n wants a positive count, not '$shards'" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
lowwear=${LOWWEAR:-$(command -v lowwear || echo "$here/../../build/lowwear")}

if [ "$merge" = 1 ]; then # the merge job
  exec "$lowwear" bench --merge -o "$out/all" "$out"/shard-*
fi

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then # one array task
  count=${SLURM_ARRAY_TASK_COUNT:-$shards}
  exec "$lowwear" bench --shard "$SLURM_ARRAY_TASK_ID/$count" \
    -j "${SLURM_CPUS_PER_TASK:-$cpus}" --quiet \
    -o "$out/shard-$SLURM_ARRAY_TASK_ID" "$@"
fi

command -v sbatch >/dev/null || {
  echo "bench-slurm.sh: sbatch not found (run this on a Slurm login node)" >&2
  exit 1
}
mkdir -p "$out"
self="$here/$(basename "$0")"
export LOWWEAR="$lowwear"
array=$(sbatch --parsable --job-name=lowwear-bench --array="1-$shards" \
  --cpus-per-task="$cpus" --time="$time" --output="$out/slurm-%A_%a.log" \
  --export=ALL "$self" -o "$out" -n "$shards" -- "$@")
merge_job=$(sbatch --parsable --job-name=lowwear-merge \
  --dependency="afterok:${array%%;*}" --output="$out/slurm-merge-%j.log" \
  --export=ALL "$self" --merge -o "$out")
echo "array job $array ($shards shards), merge job $merge_job -> $out/all"
