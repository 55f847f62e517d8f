#!/usr/bin/env bash
# The wear targets (README, "Wear") on the 20 circuits of the benchmark protocol
# (docs/method.md section 5), at the protocol row (the largest of the three
# flows' minimum rows), steady state, measured by simulation:
#   - hottest-cell lifetime of lowwear+wear (wear-aware allocation and
#     probability-aware re-initialisation) >= 3x SIMPLER's, on average;
#   - its latency at most 5 % above the lowwear flow's;
#   - with 8 rotated variants, lifetime >= 5x SIMPLER's (without rotation);
#   - total steady-state flips at least 45 % below SIMPLER's.
# Lifetime ratio = SIMPLER's hottest-cell flips/run / the flow's.
# usage: bench/wear.sh [BUILD_DIR] [CIRCUIT ...]
#   default circuits: the bundled benchmarks/epfl and benchmarks/lgsynth91
#   extra options for `lowwear sweep` in $SWEEP_OPTS (e.g. --latency-slack 0.05)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
exe=${LOWWEAR:-$build/lowwear}
[ -x "$exe" ] || { echo "no $exe: build first (cmake --build $build)" >&2; exit 1; }
circuits=("$@")
if [ ${#circuits[@]} -eq 0 ]; then
  for c in adder arbiter bar cavlc ctrl dec int2float max priority voter; do
    circuits+=("benchmarks/epfl/$c.blif"); done
  for c in alu2 cm138a cm42a cmb cht term1 f51m mux ttt2 z4ml; do
    circuits+=("benchmarks/lgsynth91/$c.blif"); done
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for c in "${circuits[@]}"; do
  name=$(basename "$c" .blif)
  # shellcheck disable=SC2086
  "$exe" sweep "$c" --factors 1 --rotate 8 ${SWEEP_OPTS:-} > "$work/$name.csv" ||
    { echo "$name: sweep failed" >&2; exit 1; }
done
# columns: circuit,flow,factor,row,min_row,latency,toggle_estimate,
#   flips_per_run,steady_flips_per_run,hottest_cell_flips,lifetime_runs_1e9,
#   pareto,rotate,hottest_rotated_flips
# One table for the paper's gates (the issue's flow), one for wide gates.
for base in lowwear lowwear-wide; do
  echo "== $base (with wear control: $base+wear)"
  awk -F, -v base="$base" '
  FNR == 1 { next }
  { key = $1; f = $2; row[key] = $4; lat[key, f] = $6; steady[key, f] = $9
    hot[key, f] = $10; rot[key, f] = $14
    if (!(key in seen)) { seen[key] = 1; order[n++] = key } }
  END {
    printf "%-10s %5s | %8s %8s %8s | %6s %6s %6s %6s | %7s %7s | %7s\n",
      "circuit", "row", "hot:simp", base, "+wear", "x:lw", "x:lw+w",
      "x:rot8", "x:s8", "lat%", "lat%lw", "flips%"
    for (i = 0; i < n; i++) {
      k = order[i]; s = hot[k, "simpler"]
      a = s / hot[k, base]; b = s / hot[k, base "+wear"]
      c = s / rot[k, base "+wear"]; d = s / rot[k, "simpler"]
      l = 100 * (lat[k, base "+wear"] / lat[k, base] - 1)
      ls = 100 * (lat[k, base "+wear"] / lat[k, "simpler"] - 1)
      fl = 100 * (1 - steady[k, base "+wear"] / steady[k, "simpler"])
      printf "%-10s %5d | %8.3f %8.3f %8.3f | %6.2f %6.2f %6.2f %6.2f | %+7.2f %+7.2f | %7.1f\n",
        k, row[k], s, hot[k, base], hot[k, base "+wear"], a, b, c, d, l, ls, fl
      sa += a; sb += b; sc += c; sd += d; sl += l; sls += ls; sf += fl
      if (l > ml) ml = l
    }
    printf "%-10s %5s | %8s %8s %8s | %6.2f %6.2f %6.2f %6.2f | %+7.2f %+7.2f | %7.1f\n",
      "average", "", "", "", "", sa / n, sb / n, sc / n, sd / n, sl / n, sls / n, sf / n
    printf "\nhot:* = hottest cell, steady flips/run; x:* = lifetime against SIMPLER (no rotation):\n"
    printf "x:lw %s, x:lw+w %s+wear, x:rot8 %s+wear over 8 rotated variants,\n", base, base, base
    printf "x:s8 SIMPLER over 8 rotated variants; lat%% = latency of %s+wear against %s\n", base, base
    printf "(worst %+.2f %%), lat%%lw against SIMPLER; flips%% = steady flips below SIMPLER.\n", ml
    printf "targets: x:lw+w >= 3 (%s), x:rot8 >= 5 (%s), lat%% <= 5 (%s), flips%% >= 45 (%s)\n",
      (sb / n >= 3 ? "met" : "NOT met"), (sc / n >= 5 ? "met" : "NOT met"),
      (ml <= 5 ? "met" : "NOT met"), (sf / n >= 45 ? "met" : "NOT met")
  }' "$work"/*.csv
  echo
done
