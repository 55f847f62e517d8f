/* lowwear sweep CIRCUIT: row size from the minimum to a few times it, every
 * flow; latency, toggle estimate and measured steady-state wear per row as
 * CSV, and the Pareto front of latency against the hottest cell as SVG. */
#include <stdio.h>

#include "cli.h"
#include "lowwear/lowwear.h"
#include "lowwear/sweep.h"

#define SWEEP_OPTS(OPT)                                                        \
  OPT(factors, "--factors", LW_OPT_STR, "1,1.25,1.5,2,3", 0, 0, "LIST",        \
      "row sizes as multiples of the largest minimum row of the flows")        \
  OPT(output, "-o", LW_OPT_STR, NULL, 0, 0, "DIR",                             \
      "write DIR/sweep.csv and DIR/pareto.svg (default: CSV on stdout)")       \
  OPT(no_wear, "--no-wear-control", LW_OPT_FLAG, NULL, 0, 0, NULL,             \
      "leave out the lowwear flow with wear control (lowwear+wear)")           \
  OPT(slack, "--latency-slack", LW_OPT_REAL, "0", -1, 10, "F",                 \
      "latency budget of lowwear+wear over lowwear (0: the mapper's 5 %)")     \
  OPT(recompute, "--recompute", LW_OPT_FLAG, NULL, 0, 0, NULL,                 \
      "rows below a flow's plain minimum (factors below 1) by recomputation, " \
      "for the low-wear flows (docs/recompute.md)")                            \
  OPT(budget, "--latency-budget", LW_OPT_REAL, "1.5", 1, 100, "F",             \
      "with --recompute: latency at most F x the plain program's")             \
  OPT(rotate, "--rotate", LW_OPT_INT, "1", 1, 4096, "R",                       \
      "also measure the hottest cell over R rotated variants")                 \
  OPT(vectors, "--vectors", LW_OPT_INT, "4096", 1, 1e9, "N",                   \
      "random vectors when the circuit has more than 16 inputs")               \
  OPT(cec, "--cec", LW_OPT_FLAG, NULL, 0, 0, NULL,                             \
      "also prove every program with ABC cec (slow)")                          \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable (default: berkeley-abc or abc on the PATH)")             \
  LW_CLI_ABC_TIMEOUT(OPT)

LW_CLI_OPTIONS(sweep_values, sweep_opts, SWEEP_OPTS);

int lw_cli_sweep(int argc, char **argv) {
  sweep_values v;
  const char *pos[1] = {0};
  int npos = 0;
  int rc = lw_cli_parse(argc, argv, 2, sweep_opts, LW_CLI_NOPTS(sweep_opts),
                        (lw_opt_value *)&v, pos, 1, &npos,
                        "usage: lowwear sweep CIRCUIT [options]\n\n"
                        "Maps CIRCUIT with every flow at several row sizes "
                        "and measures latency\nand steady-state wear; every "
                        "program is verified by simulation.");
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 1)
    return lw_cli_usage_error("sweep", "%s", "sweep takes one CIRCUIT file");
  lw_sweep_params sp = lw_sweep_params_default();
  /* factors below 1 are rows below the minimum: recomputation's */
  double lo = v.recompute.set ? 0.1 : 1;
  if (!lw_cli_numbers(v.factors.str, lo, 0, 100, sp.factors,
                      LW_SWEEP_MAX_FACTORS, &sp.nfactors))
    return lw_cli_usage_error(NULL,
                              "--factors takes up to %d numbers from %g to "
                              "100 separated by commas%s, not '%s'",
                              LW_SWEEP_MAX_FACTORS, lo,
                              v.recompute.set ? "" : " (below 1: --recompute)",
                              v.factors.str);
  if (v.budget.set && !v.recompute.set)
    return lw_cli_usage_error("sweep", "%s",
                              "--latency-budget goes with --recompute");
  sp.recompute = v.recompute.set;
  sp.latency_budget = v.budget.real;
  sp.wear_control = !v.no_wear.set;
  sp.latency_slack = v.slack.real;
  sp.rotate = (uint32_t)v.rotate.num;
  sp.wear.random_vectors = (uint32_t)v.vectors.num;
  sp.flow.verify_params.random_vectors = (uint32_t)v.vectors.num;
  sp.flow.verify_params.cec = v.cec.set;
  lw_flow_params_set_abc(&sp.flow, lw_cli_abc(&v.abc, &v.abc_timeout));

  lw_error err = {0};
  lw_sweep sweep;
  lw_status st = lw_sweep_run(pos[0], &sp, &sweep, &err);
  if (st == LW_OK)
    st = lw_sweep_write(&sweep, v.output.str, &err);
  lw_sweep_free(&sweep);
  return st == LW_OK ? (fflush(stdout) ? 1 : 0) : lw_cli_fail(&err);
}
