#!/usr/bin/env bash
# The cluster scripts against a single run: scripts/cluster/bench-parallel.sh
# with 4 shards on this machine, and bench-slurm.sh submitting to a stand-in
# sbatch (its task body run for each SLURM_ARRAY_TASK_ID, then the merge
# job) must give the results.csv of one plain
# `lowwear bench` (all but the time columns). Skips (exit 77) without GNU
# parallel for the first part.
#   test_cluster.sh LOWWEAR SOURCE_DIR
set -uo pipefail
lowwear=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# a skip is visible, and a failure under LW_TEST_NO_SKIP=1 (as in CI)
skip() {
  echo "SKIP: $*"
  [ -n "${LW_TEST_NO_SKIP:-}" ] && fail "skipped under LW_TEST_NO_SKIP: $*"
  exit 77
}

circuits=("$src/examples/full_adder.blif")
for c in z4ml cm138a cm42a mux f51m; do
  circuits+=("$src/benchmarks/lgsynth91/$c.blif")
done
opts=(--no-cec --no-wide)

# results.csv without the columns that hold wall times
untimed() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /seconds/) t[i] = 1 }
           { s = ""; for (i = 1; i <= NF; i++) if (!(i in t)) s = s $i ","
             print s }' "$1"
}

"$lowwear" bench -j 2 --quiet -o "$tmp/single" "${opts[@]}" "${circuits[@]}" ||
  fail "single run exited $?"
rows=$(($(wc -l <"$tmp/single/results.csv") - 1))
untimed "$tmp/single/results.csv" | grep '^full_adder,' >/dev/null ||
  fail "results.csv without its time columns lost the rows"
[ "$rows" -ge 12 ] || fail "single run has $rows result rows, expected 12+"

# Slurm: a stand-in sbatch on the PATH runs what the script submits, here
# and in order: each array task with the variables Slurm sets, then the job
# that depends on the array.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/sbatch" <<'SBATCH'
#!/usr/bin/env bash
echo "sbatch $*" >>"$SBATCH_LOG"
array= cpus=1
while [ $# -gt 0 ]; do # sbatch's options end at the script
  case "$1" in
  --array=*) array=${1#--array=} ;;
  --cpus-per-task=*) cpus=${1#--cpus-per-task=} ;;
  --*) ;;
  *) break ;;
  esac
  shift
done
args=("$@")
if [ -n "$array" ]; then
  n=${array#1-}
  for k in $(seq 1 "$n"); do
    SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=$n SLURM_CPUS_PER_TASK=$cpus \
      "${args[@]}" >/dev/null || exit 1
  done
else
  "${args[@]}" >/dev/null || exit 1
fi
echo $RANDOM
SBATCH
chmod +x "$tmp/bin/sbatch"
PATH=$tmp/bin:$PATH SBATCH_LOG=$tmp/sbatch.log LOWWEAR=$lowwear \
  "$src/scripts/cluster/bench-slurm.sh" -o "$tmp/slurm" -n 4 -c 1 \
  -- "${opts[@]}" "${circuits[@]}" || fail "bench-slurm.sh exited $?"
grep -q -- "--array=1-4" "$tmp/sbatch.log" || fail "no 4-task array submitted"
grep -q -- "--dependency=afterok:" "$tmp/sbatch.log" || fail "merge not afterok"
[ "$(ls -d "$tmp"/slurm/shard-* | wc -l)" = 4 ] || fail "slurm: not 4 shard folders"
diff <(untimed "$tmp/single/results.csv") \
  <(untimed "$tmp/slurm/all/results.csv") || fail "slurm merge differs"
echo "slurm array of 4 + merge job: results.csv equal ($rows rows)"

if ! command -v parallel >/dev/null; then
  skip "GNU parallel not installed (scripts/deps.sh --test installs it)"
fi
LOWWEAR=$lowwear "$src/scripts/cluster/bench-parallel.sh" -n 4 -j 2 \
  -o "$tmp/par" -- "${opts[@]}" "${circuits[@]}" || fail "bench-parallel exited $?"
[ "$(ls -d "$tmp"/par/shard-* | wc -l)" = 4 ] || fail "parallel: not 4 shard folders"
diff <(untimed "$tmp/single/results.csv") \
  <(untimed "$tmp/par/all/results.csv") || fail "parallel merge differs"
echo "bench-parallel 4 shards + merge: results.csv equal ($rows rows)"
