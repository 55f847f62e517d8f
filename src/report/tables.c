/* table4.md and summary.md. Every published number sits in a column or row
 * labelled "published"; everything else was measured by this run. */
#include <math.h>
#include <string.h>

#include "report/average.h"
#include "report/device_table.h"
#include "report/writers.h"

/* Suites in order of first appearance (at most 8 distinct ones shown). */
#define MAX_SUITES 8
static int list_suites(const lw_bench_circuits *cs, const char **suites) {
  int n = 0;
  lw_vec_foreach (cs, i) {
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

/* The flows a report shows, in LW_BENCH_ORDER: the paper's three, and a
 * flow beyond the paper when some circuit's run included it. */
static int shown_flows(const lw_bench_circuits *cs, lw_flow_id *ids) {
  int n = 0;
  for (int k = 0; k < LW_BENCH_NFLOWS; k++)
    if (k < LW_BENCH_NPAPER || lw_bench_any_included(cs, LW_BENCH_ORDER[k]))
      ids[n++] = LW_BENCH_ORDER[k];
  return n;
}

/* ---- table4.md ----------------------------------------------------------- */

static void table4_suite(FILE *out, const lw_bench_circuits *cs,
                         const char *suite) {
  lw_flow_id ids[LW_BENCH_NFLOWS];
  int nf = shown_flows(cs, ids);
  /* minimum rows: the paper's flows with their published rows beside */
  int nrow_cols = 2 * LW_BENCH_NPAPER + (nf - LW_BENCH_NPAPER) + 2;
  fprintf(out, "\n## %s\n\n| circuit |", lw_report_suite_label(suite));
  for (int k = 0; k < nf; k++)
    fprintf(out,
            k < LW_BENCH_NPAPER ? " %s min row | published |" : " %s min row |",
            lw_report_flow_label(ids[k]));
  fputs(" chosen row | published |", out);
  for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
    for (int k = 0; k < nf; k++)
      fprintf(out, " %s %s |", lw_report_flow_label(ids[k]),
              lw_report_metric_name((lw_pub_metric)m));
  fputs("\n|---|", out);
  for (int k = 0; k < nrow_cols + 2 * nf; k++)
    fputs("--:|", out);
  fputc('\n', out);

  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    if (strcmp(c->suite, suite))
      continue;
    const lw_published *pub = lw_published_rows(c->name);
    fprintf(out, "| %s%s |", c->name, status_note(c));
    for (int k = 0; k < nf; k++) {
      put_count(out, c->flows[ids[k]].min_row);
      if (k < LW_BENCH_NPAPER)
        put_count(out, pub ? lw_published_min_row(pub, ids[k]) : NAN);
    }
    put_count(out, c->chosen_row);
    put_count(out, pub ? pub->v[3] : NAN);
    for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
      for (int k = 0; k < nf; k++)
        put_value(out, lw_report_metric(c, ids[k], m));
    fputc('\n', out);
  }

  /* The paper's bottom line: average decrease against SIMPLER MAGIC. */
  fputs("| average reduction vs SIMPLER |", out);
  for (int k = 0; k < nrow_cols; k++)
    fputs(" |", out);
  for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
    for (int k = 0; k < nf; k++) {
      if (ids[k] == LW_FLOW_SIMPLER) {
        fputs(" |", out);
        continue;
      }
      put_percent(
          out,
          lw_report_suite_average(cs, suite, m, ids[k], LW_FLOW_SIMPLER).mean);
    }
  fputs("\n| published average reduction |", out);
  for (int k = 0; k < nrow_cols; k++)
    fputs(" |", out);
  for (int m = LW_PUB_LATENCY; m <= LW_PUB_TOGGLE; m++)
    for (int k = 0; k < nf; k++) {
      const lw_published *p =
          lw_published_reduction(suite, m, ids[k], LW_FLOW_SIMPLER);
      put_percent(out, p ? p->v[0] : NAN);
    }
  fputc('\n', out);
}

static int emit_table4(FILE *out, const void *ctx) {
  const lw_bench_circuits *cs = ctx;
  fputs(
      "# Table 4: minimum rows, latency and toggle rate per flow\n\n"
      "Measured by `lowwear bench`, except the columns and rows headed "
      "**published**: those are the paper's numbers (docs/method.md §5), shown "
      "for comparison, not measured here. Each flow's minimum row is "
      "found on its own; all flows are then mapped at the chosen "
      "row, the largest of the paper's three minima. Latency is in cycles "
      "(initialisation included); toggle is the program's total toggle "
      "rate (the sum of its gates' toggle rates). Reductions are percent "
      "decreases against SIMPLER MAGIC (positive = better), averaged over "
      "the circuits whose programs verified. lowwear-wide (wide gates, "
      "beyond the paper; left out with --no-wide) is mapped at the same "
      "chosen row and does not move it; the paper has no numbers for "
      "it.\n",
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
    /* beyond the paper (shown when the run included lowwear-wide) */
    {LW_PUB_LATENCY, LW_FLOW_LOWWEAR_WIDE, LW_FLOW_SIMPLER},
    {LW_PUB_TOGGLE, LW_FLOW_LOWWEAR_WIDE, LW_FLOW_SIMPLER},
    {LW_PUB_FLIPS, LW_FLOW_LOWWEAR_WIDE, LW_FLOW_SIMPLER},
    {LW_PUB_TOGGLE, LW_FLOW_LOWWEAR_WIDE, LW_FLOW_LOSSS},
    {LW_PUB_TOGGLE, LW_FLOW_LOWWEAR_WIDE, LW_FLOW_LOWWEAR},
};

/* Targets for lowwear-wide: OUR goals, not published numbers.
 * goal = the least mean percent decrease of metric against base. */
static const struct target {
  const char *suite;
  lw_pub_metric metric;
  lw_flow_id base;
  double goal;
} targets[] = {
    {"epfl", LW_PUB_TOGGLE, LW_FLOW_SIMPLER, 50},
    {"lgsynth91", LW_PUB_TOGGLE, LW_FLOW_SIMPLER, 60},
    {"epfl", LW_PUB_LATENCY, LW_FLOW_SIMPLER, 30},
    {"lgsynth91", LW_PUB_LATENCY, LW_FLOW_SIMPLER, 40},
    {"epfl", LW_PUB_TOGGLE, LW_FLOW_LOSSS, 15},
    {"lgsynth91", LW_PUB_TOGGLE, LW_FLOW_LOSSS, 15},
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

static void targets_section(FILE *out, const lw_bench_circuits *cs) {
  fputs("\n## lowwear-wide against our own targets (not published)\n"
        "\nThese targets are the goals the wide-gate flow was built to reach, "
        "not numbers from the paper. Met when the measured suite mean "
        "reaches the target; margin = measured mean minus target, in points "
        "(negative = missed by that much).\n\n"
        "| suite | metric | comparison | target (ours) | circuits | measured "
        "mean | met | margin |\n|---|---|---|--:|--:|--:|---|--:|\n",
        out);
  for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
    const struct target *g = &targets[t];
    lw_report_average a = lw_report_suite_average(
        cs, g->suite, g->metric, LW_FLOW_LOWWEAR_WIDE, g->base);
    fprintf(out, "| %s | %s | lowwear-wide vs %s | %.0f %% | %u |",
            lw_report_suite_label(g->suite), lw_report_metric_name(g->metric),
            lw_report_flow_label(g->base), g->goal, a.n);
    put_percent(out, a.mean);
    if (isnan(a.mean))
      fputs(" – | – |\n", out);
    else
      fprintf(out, " %s | %+.2f |\n", a.mean >= g->goal ? "yes" : "**no**",
              a.mean - g->goal);
  }

  /* how often the wide netlist was not the one used, and why */
  uint32_t ran = 0, row = 0, toggle = 0;
  lw_vec_foreach (cs, i) {
    const lw_bench_flow *f = &cs->data[i].flows[LW_FLOW_LOWWEAR_WIDE];
    if (!f->ran)
      continue;
    ran++;
    row += f->netlist == LW_NETLIST_PAPER_ROW;
    toggle += f->netlist == LW_NETLIST_PAPER_TOGGLE;
  }
  fprintf(out,
          "\nlowwear-wide keeps, at the chosen row, the program with the "
          "lower toggle estimate of its wide-gate and its paper-gate "
          "netlist. Of %u circuits it ran on, it used the wide netlist on "
          "%u and the paper-gate netlist on %u: on %u because the wide "
          "netlist did not fit the chosen row, on %u because the paper-gate "
          "program had the lower toggle estimate (results.csv, column "
          "netlist).\n",
          ran, ran - row - toggle, row + toggle, row, toggle);
}

/* Each circuit's time: synthesis and mapping of all its flows, their
 * verification, and the worker's wall time (reading included). */
static void times_section(FILE *out, const lw_bench_circuits *cs) {
  fputs("\n## Time per circuit\n\nSeconds of one worker: synthesis and "
        "mapping of every flow, verification of their programs (simulation "
        "and ABC), and the circuit's wall time (reading included). With "
        "-j N, N circuits run at once; the run's wall time is in "
        "meta.json.\n\n| circuit | suite | status | flows | verification | "
        "total |\n|---|---|---|--:|--:|--:|\n",
        out);
  double all[3] = {0, 0, 0};
  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    double flows = 0, verify = 0;
    for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
      flows += c->flows[k].seconds;
      verify += c->flows[k].verify_seconds;
    }
    /* results written before the wall time was kept: the parts' sum */
    double total = c->seconds > 0 ? c->seconds : flows + verify;
    fprintf(out, "| %s | %s | %s | %.1f | %.1f | %.1f |\n", c->name,
            lw_report_suite_label(c->suite), lw_bench_status_name(c->status),
            flows, verify, total);
    all[0] += flows;
    all[1] += verify;
    all[2] += total;
  }
  fprintf(out, "| all %u | | | %.1f | %.1f | %.1f |\n", cs->size, all[0],
          all[1], all[2]);
}

/* bench --exact: lowwear's minimum row (the heuristic's) against the exact
 * one, and the distance in percent of the exact row. */
static void exact_section(FILE *out, const lw_bench_circuits *cs) {
  fputs("\n## Exact minimum row (bench --exact)\n\nlowwear's minimum row "
        "(heuristic execution order) against the minimum over every "
        "execution order of the same netlist, by SAT within the time limit "
        "(docs/exact.md; wall time: the outcome depends on the machine). "
        "Distance = (heuristic - exact) / exact, for proven optima.\n\n"
        "| circuit | heuristic row | exact row | proven bound | status | "
        "distance |\n|---|--:|--:|--:|---|--:|\n",
        out);
  uint32_t optimal = 0, within5 = 0;
  double sum = 0;
  lw_vec_foreach (cs, i) {
    const lw_bench_flow *f = &cs->data[i].flows[LW_FLOW_LOWWEAR];
    if (f->exact_status == LW_EXACT_OFF)
      continue;
    fprintf(out, "| %s | %u |", cs->data[i].name, f->min_row);
    if (f->exact_status == LW_EXACT_SKIPPED) {
      fputs(" – | – | skipped | – |\n", out);
      continue;
    }
    fprintf(out, " %u | %u | %s |", f->exact_row, f->exact_bound,
            lw_flow_exact_status_name(f->exact_status));
    if (f->exact_status != LW_EXACT_OPTIMAL || !f->exact_row) {
      fputs(" – |\n", out);
      continue;
    }
    double d = 100.0 * ((double)f->min_row - f->exact_row) / f->exact_row;
    fprintf(out, " %.2f %% |\n", d);
    optimal++;
    within5 += d <= 5.0;
    sum += d;
  }
  fprintf(out,
          "\nProven optimal on %u circuits; the heuristic within 5 %% of the "
          "exact row on %u of them; mean distance %.2f %%.\n",
          optimal, within5, optimal ? sum / optimal : 0.0);
}

static int emit_summary(FILE *out, const void *ctx) {
  const lw_bench_circuits *cs = ctx;
  uint32_t ok = 0, unverified = 0, failed = 0;
  lw_vec_foreach (cs, i) {
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
  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    if (c->status != LW_BENCH_OK)
      fprintf(out, "- **%s %s**: %s\n", c->name,
              lw_bench_status_name(c->status),
              c->error[0] ? c->error : "see results.csv");
  }
  fputs("\nSuite averages of the per-circuit percent decrease (positive = "
        "fewer cycles, lower toggle rate, fewer flips). **Measured** columns "
        "come from this run; **published** columns are the paper's numbers "
        "(docs/method.md §5), not measured here; a dash means the paper gives "
        "none. Gap = measured mean minus published mean, in points "
        "(positive = we reduce more).\n\n"
        "| suite | metric | comparison | circuits | measured mean | measured "
        "range | published mean | published range | gap |\n"
        "|---|---|---|--:|--:|--:|--:|--:|--:|\n",
        out);
  const char *suites[MAX_SUITES];
  int n = list_suites(cs, suites);
  int wide = lw_bench_any_included(cs, LW_FLOW_LOWWEAR_WIDE);
  for (int s = 0; s < n; s++)
    for (size_t k = 0; k < sizeof comparisons / sizeof comparisons[0]; k++)
      if (wide || comparisons[k].flow != LW_FLOW_LOWWEAR_WIDE)
        summary_row(out, cs, suites[s], &comparisons[k]);
  if (wide)
    targets_section(out, cs);
  int exact = 0;
  lw_vec_foreach (cs, i)
    exact |= cs->data[i].flows[LW_FLOW_LOWWEAR].exact_status != LW_EXACT_OFF;
  if (exact)
    exact_section(out, cs);
  lw_report_device_section(out, cs);
  times_section(out, cs);
  return 0;
}

lw_status lw_report_summary(const lw_bench_circuits *cs, const char *path,
                            lw_error *err) {
  return lw_report_write_file(path, emit_summary, cs, err);
}
