/* table4.md and summary.md. Every published number sits in a column or row
 * labelled "published"; everything else was measured by this run. */
#include <math.h>
#include <string.h>

#include "report/average.h"
#include "report/writers.h"

/* Suites in order of first appearance (at most 8 distinct ones shown). */
#define MAX_SUITES 8
static int list_suites(const lw_bench_circuits *cs, const char **suites) {
  int n = 0;
  lw_vec_foreach(cs, i) {
    int seen = 0;
    for (int s = 0; s < n; s++)
      seen |= !strcmp(suites[s], cs->data[i].suite);
    if (!seen && n < MAX_SUITES)
      suites[n++] = cs->data[i].suite;
  }
  return n;
}

static void put_count(FILE *out, double x) {
  if (isnan(x) || x <= 0)
    fputs(" – |", out);
  else
    fprintf(out, " %.0f |", x);
}

static void put_value(FILE *out, double x) {
  if (isnan(x))
    fputs(" – |", out);
  else
    fprintf(out, " %.10g |", x);
}

static void put_percent(FILE *out, double x) {
  if (isnan(x))
    fputs(" – |", out);
  else
    fprintf(out, " %.2f %% |", x);
}

static const char *status_note(const lw_bench_circuit *c) {
  return c->status == LW_BENCH_OK           ? ""
         : c->status == LW_BENCH_UNVERIFIED ? " **UNVERIFIED**"
                                            : " **FAILED**";
}

/* ---- table4.md ----------------------------------------------------------- */

static void table4_suite(FILE *out, const lw_bench_circuits *cs,
                         const char *suite) {
  fprintf(out, "\n## %s\n\n| circuit |", lw_report_suite_label(suite));
  for (int k = 0; k < LW_BENCH_NFLOWS; k++)
    fprintf(out, " %s min row | published |",
            lw_report_flow_label(LW_BENCH_ORDER[k]));
  fputs(" chosen row | published |", out);
  for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
    for (int k = 0; k < LW_BENCH_NFLOWS; k++)
      fprintf(out, " %s %s |", lw_report_flow_label(LW_BENCH_ORDER[k]),
              lw_report_metric_name((lw_pub_metric)m));
  fputs("\n|---|", out);
  for (int k = 0; k < 2 * LW_BENCH_NFLOWS + 2 + 2 * LW_BENCH_NFLOWS; k++)
    fputs("--:|", out);
  fputc('\n', out);

  lw_vec_foreach(cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    if (strcmp(c->suite, suite))
      continue;
    const lw_published *pub = lw_published_rows(c->name);
    fprintf(out, "| %s%s |", c->name, status_note(c));
    for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
      lw_flow_id id = LW_BENCH_ORDER[k];
      put_count(out, c->flows[id].min_row);
      put_count(out, pub ? lw_published_min_row(pub, id) : NAN);
    }
    put_count(out, c->chosen_row);
    put_count(out, pub ? pub->v[3] : NAN);
    for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
      for (int k = 0; k < LW_BENCH_NFLOWS; k++)
        put_value(out, lw_report_metric(c, LW_BENCH_ORDER[k], m));
    fputc('\n', out);
  }

  /* The paper's bottom line: average decrease against SIMPLER MAGIC. */
  fputs("| average reduction vs SIMPLER |", out);
  for (int k = 0; k < 2 * LW_BENCH_NFLOWS + 2; k++)
    fputs(" |", out);
  for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
    for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
      lw_flow_id id = LW_BENCH_ORDER[k];
      if (id == LW_FLOW_SIMPLER) {
        fputs(" |", out);
        continue;
      }
      put_percent(
          out, lw_report_suite_average(cs, suite, m, id, LW_FLOW_SIMPLER).mean);
    }
  fputs("\n| published average reduction |", out);
  for (int k = 0; k < 2 * LW_BENCH_NFLOWS + 2; k++)
    fputs(" |", out);
  for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
    for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
      const lw_published *p =
          lw_published_reduction(suite, m, LW_BENCH_ORDER[k], LW_FLOW_SIMPLER);
      put_percent(out, p ? p->v[0] : NAN);
    }
  fputc('\n', out);
}

static int emit_table4(FILE *out, const void *ctx) {
  const lw_bench_circuits *cs = ctx;
  fputs("# Table 4: minimum rows, latency and toggle rate per flow\n\n"
        "Measured by `lowwear bench`, except the columns and rows headed "
        "**published**: those are the paper's numbers (METHOD.md §5), shown "
        "for comparison, not measured here. Each flow's minimum row is "
        "found on its own; all three flows are then mapped at the chosen "
        "row, the largest of the three minima. Latency is in cycles "
        "(initialisation included); toggle is the program's total toggle "
        "rate (the sum of its gates' toggle rates). Reductions are percent "
        "decreases against SIMPLER MAGIC (positive = better), averaged over "
        "the circuits whose programs verified.\n",
        out);
  const char *suites[MAX_SUITES];
  int n = list_suites(cs, suites);
  for (int s = 0; s < n; s++)
    table4_suite(out, cs, suites[s]);
  if (!n)
    fputs("\nNo circuits.\n", out);
  return 0;
}

lw_status lw_report_table4(const lw_bench_circuits *cs, const char *path,
                           lw_error *err) {
  return lw_report_write_file(path, emit_table4, cs, err);
}

/* ---- summary.md ---------------------------------------------------------- */

/* The comparisons summarised, in order: METRIC of FLOW against BASE. */
static const struct comparison {
  lw_pub_metric metric;
  lw_flow_id flow, base;
} comparisons[] = {
    {LW_PUB_LATENCY, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER},
    {LW_PUB_LATENCY, LW_FLOW_LOSSS, LW_FLOW_SIMPLER},
    {LW_PUB_TOGGLE, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER},
    {LW_PUB_TOGGLE, LW_FLOW_LOSSS, LW_FLOW_SIMPLER},
    {LW_PUB_LATENCY, LW_FLOW_LOWWEAR, LW_FLOW_LOSSS},
    {LW_PUB_TOGGLE, LW_FLOW_LOWWEAR, LW_FLOW_LOSSS},
    {LW_PUB_FLIPS, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER},
    {LW_PUB_FLIPS, LW_FLOW_LOSSS, LW_FLOW_SIMPLER},
};

static void put_range(FILE *out, double lo, double hi) {
  if (isnan(lo) || isnan(hi))
    fputs(" – |", out);
  else
    fprintf(out, " %.2f to %.2f %% |", lo, hi);
}

static void summary_row(FILE *out, const lw_bench_circuits *cs,
                        const char *suite, const struct comparison *k) {
  lw_report_average a =
      lw_report_suite_average(cs, suite, k->metric, k->flow, k->base);
  const lw_published *p =
      lw_published_reduction(suite, k->metric, k->flow, k->base);
  fprintf(out, "| %s | %s%s | %s vs %s | %u |", lw_report_suite_label(suite),
          lw_report_metric_name(k->metric),
          k->metric == LW_PUB_FLIPS ? " (simulated)" : "",
          lw_report_flow_label(k->flow), lw_report_flow_label(k->base), a.n);
  put_percent(out, a.mean);
  put_range(out, a.lo, a.hi);
  put_percent(out, p ? p->v[0] : NAN);
  put_range(out, p ? p->v[1] : NAN, p ? p->v[2] : NAN);
  double gap = p && !isnan(p->v[0]) ? a.mean - p->v[0] : NAN;
  if (isnan(gap))
    fputs(" – |\n", out);
  else
    fprintf(out, " %+.2f |\n", gap);
}

static int emit_summary(FILE *out, const void *ctx) {
  const lw_bench_circuits *cs = ctx;
  uint32_t ok = 0, unverified = 0, failed = 0;
  lw_vec_foreach(cs, i) {
    lw_bench_status s = cs->data[i].status;
    ok += s == LW_BENCH_OK;
    unverified += s == LW_BENCH_UNVERIFIED;
    failed += s == LW_BENCH_FAILED;
  }
  fprintf(out,
          "# lowwear bench: summary\n\n"
          "%u circuits: %u with every program verified, %u with a program "
          "that FAILED verification, %u where a flow failed.\n",
          cs->size, ok, unverified, failed);
  lw_vec_foreach(cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    if (c->status != LW_BENCH_OK)
      fprintf(out, "- **%s %s**: %s\n", c->name,
              lw_bench_status_name(c->status),
              c->error[0] ? c->error : "see results.csv");
  }
  fputs("\nSuite averages of the per-circuit percent decrease (positive = "
        "fewer cycles, lower toggle rate, fewer flips). **Measured** columns "
        "come from this run; **published** columns are the paper's numbers "
        "(METHOD.md §5), not measured here; a dash means the paper gives "
        "none. Gap = measured mean minus published mean, in points "
        "(positive = we reduce more).\n\n"
        "| suite | metric | comparison | circuits | measured mean | measured "
        "range | published mean | published range | gap |\n"
        "|---|---|---|--:|--:|--:|--:|--:|--:|\n",
        out);
  const char *suites[MAX_SUITES];
  int n = list_suites(cs, suites);
  for (int s = 0; s < n; s++)
    for (size_t k = 0; k < sizeof comparisons / sizeof comparisons[0]; k++)
      summary_row(out, cs, suites[s], &comparisons[k]);
  return 0;
}

lw_status lw_report_summary(const lw_bench_circuits *cs, const char *path,
                            lw_error *err) {
  return lw_report_write_file(path, emit_summary, cs, err);
}
