#!/usr/bin/env bash
# Mapping-stage performance: for each circuit, ABC's SIMPLER script once
# (timed), then `lowwear map --synth none` on ABC's netlist (timed, peak
# memory from /usr/bin/time when present). Prints one row per circuit.
# usage: bench/perf.sh [BUILD_DIR] [CIRCUIT ...]
#   default circuits: the bundled EPFL arbiter, bar, max and voter; name the
#   larger EPFL ones (sin, log2, div, hyp: not bundled) to time those
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
exe=$build/lowwear
[ -x "$exe" ] || { echo "no $exe: build first (cmake --build $build)" >&2; exit 1; }
abc=$(command -v berkeley-abc || command -v abc) || { echo "ABC not found" >&2; exit 1; }
circuits=("$@")
if [ ${#circuits[@]} -eq 0 ]; then
  for c in arbiter bar max voter; do circuits+=("benchmarks/epfl/$c.blif"); done
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/lib.genlib" <<'LIB'
GATE inv1 1 O=!a; PIN * INV 1 999 0.9 0.3 0.9 0.3
GATE nor2 2 O=!(a+b); PIN * INV 1 999 1.4 0.5 1.4 0.5
GATE one 0 O=CONST1;
GATE zero 0 O=CONST0;
GATE buf 1 O=a; PIN * NONINV 1 999 1.0 0.0 1.0 0.0
LIB
script="balance; rewrite; rewrite -z; balance; rewrite -z; balance; balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; refactor -z; rewrite -z; balance; balance; resub -K 6; rewrite; resub -K 6 -N 2; refactor; resub -K 8; balance; resub -K 8 -N 2; rewrite; resub -K 10; rewrite -z; resub -K 10 -N 2; balance; resub -K 12; refactor -z; resub -K 12 -N 2; rewrite -z; balance; strash; map"
printf '%-10s %8s %9s %8s %9s %10s %9s\n' circuit gates abc_s map_s row latency peak_MB
for c in "${circuits[@]}"; do
  name=$(basename "$c" .blif)
  t0=$(date +%s.%N)
  "$abc" -c "read $c; read_library $work/lib.genlib; $script; write_verilog $work/$name.v" >/dev/null
  t1=$(date +%s.%N)
  gates=$(grep -cE '^ *(inv1|nor2) ' "$work/$name.v" || true)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" "$exe" map "$work/$name.v" --synth none \
      --flow simpler --no-verify -o /dev/null 2>"$work/err"
    read -r secs kb < "$work/time"
    mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
  else
    s0=$(date +%s.%N)
    "$exe" map "$work/$name.v" --synth none --flow simpler --no-verify -o /dev/null 2>"$work/err"
    secs=$(awk -v a="$s0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'); mb=n/a
  fi
  row=$(grep -o 'row [0-9]*' "$work/err" | head -1 | cut -d' ' -f2)
  lat=$(grep -o 'latency [0-9]*' "$work/err" | cut -d' ' -f2)
  printf '%-10s %8s %9.2f %8s %9s %10s %9s\n' "$name" "$gates" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$secs" "$row" "$lat" "$mb"
done
