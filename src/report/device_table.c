/* summary.md, bench --device (device_table.h). */
#include "report/device_table.h"

#include <math.h>
#include <string.h>

#include "report/average.h"

/* The flows with device results, in LW_BENCH_ORDER. */
static int device_flows(const lw_bench_circuits *cs, lw_flow_id *ids) {
  int n = 0;
  for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
    int any = 0;
    lw_vec_foreach (cs, i)
      any |= cs->data[i].flows[LW_BENCH_ORDER[k]].device_ran;
    if (any)
      ids[n++] = LW_BENCH_ORDER[k];
  }
  return n;
}

static void put_cell(FILE *out, const lw_bench_flow *f) {
  if (!f->device_ran)
    fputs(" – |", out);
  else
    fprintf(out, " %.1f (%.1f %%)%s |", f->device_energy_j * 1e9,
            100 * f->device_init_share, f->device_pass ? "" : " **FAIL**");
}

/* lowwear's energy over SIMPLER's on one circuit; NAN unless both ran. */
static double ratio(const lw_bench_circuit *c) {
  const lw_bench_flow *a = &c->flows[LW_FLOW_LOWWEAR],
                      *b = &c->flows[LW_FLOW_SIMPLER];
  return a->device_ran && b->device_ran && b->device_energy_j > 0
             ? a->device_energy_j / b->device_energy_j
             : NAN;
}

static void put_ratio(FILE *out, double x) {
  if (isnan(x))
    fputs(" – |", out);
  else
    fprintf(out, " %.3f |", x);
}

static void per_circuit(FILE *out, const lw_bench_circuits *cs,
                        const lw_flow_id *ids, int n) {
  fputs("\n| circuit | suite |", out);
  for (int k = 0; k < n; k++)
    fprintf(out, " %s |", lw_report_flow_label(ids[k]));
  fputs(" lowwear / SIMPLER |\n|---|---|", out);
  for (int k = 0; k <= n; k++)
    fputs("--:|", out);
  fputc('\n', out);
  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    fprintf(out, "| %s | %s |", c->name, lw_report_suite_label(c->suite));
    for (int k = 0; k < n; k++)
      put_cell(out, &c->flows[ids[k]]);
    put_ratio(out, ratio(c));
    fputc('\n', out);
  }
}

/* Whether every shown flow of c ran on the device and passed: only such
 * circuits enter the averages, so that each average is over the same
 * circuits. */
static int comparable(const lw_bench_circuit *c, const lw_flow_id *ids, int n) {
  for (int k = 0; k < n; k++)
    if (!c->flows[ids[k]].device_ran || !c->flows[ids[k]].device_pass)
      return 0;
  return 1;
}

/* One suite's averages (suite NULL: every circuit). */
static void average_row(FILE *out, const lw_bench_circuits *cs,
                        const char *suite, const lw_flow_id *ids, int n) {
  double energy[LW_BENCH_NFLOWS] = {0}, share[LW_BENCH_NFLOWS] = {0}, r = 0;
  uint32_t count = 0;
  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    if ((suite && strcmp(c->suite, suite)) || !comparable(c, ids, n))
      continue;
    count++;
    for (int k = 0; k < n; k++) {
      energy[k] += c->flows[ids[k]].device_energy_j;
      share[k] += c->flows[ids[k]].device_init_share;
    }
    r += ratio(c);
  }
  fprintf(out, "| %s | %u |", suite ? lw_report_suite_label(suite) : "all",
          count);
  for (int k = 0; k < n; k++)
    if (count)
      fprintf(out, " %.1f (%.1f %%) |", energy[k] / count * 1e9,
              100 * share[k] / count);
    else
      fputs(" – |", out);
  put_ratio(out, count ? r / count : NAN);
  fputc('\n', out);
}

static void averages(FILE *out, const lw_bench_circuits *cs,
                     const lw_flow_id *ids, int n) {
  fputs("\nAverages over the circuits where every flow above ran on the "
        "device and passed: mean energy per evaluation in nJ (mean INIT "
        "share), and the mean of the per-circuit ratios lowwear / "
        "SIMPLER.\n\n| suite | circuits |",
        out);
  for (int k = 0; k < n; k++)
    fprintf(out, " %s |", lw_report_flow_label(ids[k]));
  fputs(" lowwear / SIMPLER |\n|---|--:|", out);
  for (int k = 0; k <= n; k++)
    fputs("--:|", out);
  fputc('\n', out);
  const char *seen[LW_BENCH_NFLOWS * 4];
  int nseen = 0;
  lw_vec_foreach (cs, i) {
    const char *s = cs->data[i].suite;
    int dup = 0;
    for (int k = 0; k < nseen; k++)
      dup |= !strcmp(seen[k], s);
    if (dup || nseen == (int)(sizeof seen / sizeof *seen))
      continue;
    seen[nseen++] = s;
    average_row(out, cs, s, ids, n);
  }
  average_row(out, cs, NULL, ids, n);
}

void lw_report_device_section(FILE *out, const lw_bench_circuits *cs) {
  lw_flow_id ids[LW_BENCH_NFLOWS];
  int n = device_flows(cs, ids);
  if (!n)
    return;
  uint32_t ran = 0, pass = 0;
  lw_vec_foreach (cs, i)
    for (int k = 0; k < n; k++) {
      ran += cs->data[i].flows[ids[k]].device_ran;
      pass += cs->data[i].flows[ids[k]].device_pass;
    }
  fprintf(out,
          "\n## Energy per evaluation on the device (--device)\n\n"
          "Each verified program run on a row of devices (docs/device.md "
          "§10): 64 input vectors, every one when the circuit has at most 10 "
          "inputs, back to back on one row. Energy per evaluation in nJ, the "
          "share spent in INIT pulses in parentheses; **FAIL** when an "
          "output read wrong. %u of %u programs pass (results.csv: "
          "device_pass, device_energy_j, device_init_share, "
          "device_least_margin_nm).\n",
          pass, ran);
  per_circuit(out, cs, ids, n);
  averages(out, cs, ids, n);
}
