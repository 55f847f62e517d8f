#!/usr/bin/env bash
# lowwear bench over GNU parallel: N shards on this machine or on the hosts
# of an ssh login file, then one merge.
#
#   scripts/cluster/bench-parallel.sh -o OUT [-n SHARDS] [-j JOBS]
#       [--sshloginfile FILE] [-- BENCH OPTIONS AND CIRCUITS]
#
# Shard K writes OUT/shard-K, the merge OUT/all (results.csv, tables,
# figures). -j: shards run at once per host (default 1; each shard itself
# runs `lowwear bench -j 1`). With --sshloginfile (GNU parallel's format,
# one host per line) the shards run on those hosts: OUT, the circuits and
# lowwear must be at the same paths there (a shared file system).
# LOWWEAR names the executable (default: lowwear on the PATH, else the
# build/lowwear of this checkout).
set -euo pipefail

usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
  exit "${1:-0}"
}

out= shards=4 jobs=1 logins=()
while [ $# -gt 0 ]; do
  case "$1" in
  -o) out=${2:?-o needs a folder}; shift 2 ;;
  -n) shards=${2:?-n needs a count}; shift 2 ;;
  -j) jobs=${2:?-j needs a count}; shift 2 ;;
  --sshloginfile) logins=(--sshloginfile "${2:?--sshloginfile needs a file}")
    shift 2 ;;
  -h | --help) usage 0 ;;
  --) shift; break ;;
  *) echo "bench-parallel.sh: unknown option '$1'" >&2; usage 2 >&2 ;;
  esac
done
[ -n "$out" ] || { echo "bench-parallel.sh: -o OUT is required" >&2; exit 2; }
case "$shards" in '' | *[!0-9]* | 0)
  echo "bench-parallel.sh: -n wants a positive count, not '$shards'" >&2; exit 2 ;;
esac
command -v parallel >/dev/null || {
  echo "bench-parallel.sh: GNU parallel not found (apt-get install parallel)" >&2
  exit 1
}

here=$(cd "$(dirname "$0")" && pwd)
lowwear=${LOWWEAR:-$(command -v lowwear || echo "$here/../../build/lowwear")}
lowwear=$(cd "$(dirname "$lowwear")" && pwd)/$(basename "$lowwear")
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Each shard's own exit status decides; --halt lets the others finish.
# -q keeps each bench argument one word; --workdir runs remote shards from
# this folder, so relative circuit paths mean the same there.
seq 1 "$shards" | parallel --will-cite -q --halt never -j "$jobs" \
  --workdir "$PWD" "${logins[@]}" "$lowwear" bench --shard "{}/$shards" -j 1 --quiet -o "$out/shard-{}" "$@"
"$lowwear" bench --merge -o "$out/all" "$out"/shard-*
