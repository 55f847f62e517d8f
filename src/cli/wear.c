/* lowwear wear CIRCUIT PROGRAM.json: measured wear in steady state (JSON on
 * stdout), optionally over a trace of real input vectors, over a cycle of
 * rotated variants, and as a heat map. docs/wear.md describes it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "lowwear/wear_run.h"

#define WEAR_OPTS(OPT)                                                         \
  OPT(trace, "--trace", LW_OPT_STR, NULL, 0, 0, "FILE",                        \
      "input vectors, one per line (docs/wear.md); default: random")           \
  OPT(vectors, "--vectors", LW_OPT_INT, "4096", 1, 1e9, "N",                   \
      "random vectors when the circuit has more than 16 inputs")               \
  OPT(seed, "--seed", LW_OPT_INT, "1", 0, 4e18, "S",                           \
      "seed of the random vectors")                                            \
  OPT(endurance, "--endurance", LW_OPT_STR, "1e6,1e9,1e12", 0, 0, "LIST",      \
      "flips a cell survives, comma-separated (up to 8)")                      \
  OPT(cycle_time, "--cycle-time", LW_OPT_REAL, "1e-6", 1e-15, 1e3, "S",        \
      "seconds per cycle (setup and latency) for the lifetime in seconds")     \
  OPT(rotate, "--rotate", LW_OPT_INT, "1", 1, 4096, "R",                       \
      "cycle through R variants with rotated work cells")                      \
  OPT(rotate_mode, "--rotate-mode", LW_OPT_STR, "level", 0, 0, "MODE",         \
      LW_ROTATE_LEVEL_NAME                                                     \
      " (balanced by measured wear, or " LW_ROTATE_SHIFT_NAME                  \
      " if better) | " LW_ROTATE_SHIFT_NAME)                                   \
  OPT(svg, "--svg", LW_OPT_STR, NULL, 0, 0, "FILE",                            \
      "write the heat map (cells x cycles) and per-cell bars here")            \
  OPT(heatmap, "--heatmap", LW_OPT_STR, NULL, 0, 0, "DIR",                     \
      "write the heat map as DIR/CIRCUIT-FLOW-wear.svg")                       \
  OPT(no_verify, "--no-verify", LW_OPT_FLAG, NULL, 0, 0, NULL,                 \
      "do not simulate the program against the circuit first")                 \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable, to read .aig/.pla circuits")                            \
  LW_CLI_ABC_TIMEOUT(OPT)                                                      \
  LW_CLI_INPUT_FORMAT(OPT)

LW_CLI_OPTIONS(wear_values, wear_opts, WEAR_OPTS);

static const char usage_head[] =
    "usage: lowwear wear CIRCUIT PROGRAM.json [options]\n\n"
    "Flips per run in steady state (each run's setup written over the\n"
    "previous run's final row), per cell and in total, the hottest cell and\n"
    "its lifetime; JSON on stdout. An incorrect program (exit 4) is not\n"
    "measured.";

/* The options into p; 0 or the exit status of a usage error. */
static int wear_params(const wear_values *v, lw_wear_run_params *p) {
  lw_wear_params *wp = &p->wear;
  *wp = lw_wear_params_default();
  if (!lw_cli_numbers(v->endurance.str, 0, 1, HUGE_VAL, wp->endurance,
                      LW_WEAR_MAX_ENDURANCE, &wp->nendurance))
    return lw_cli_usage_error(NULL,
                              "--endurance takes up to %d positive numbers "
                              "separated by commas, not '%s'",
                              LW_WEAR_MAX_ENDURANCE, v->endurance.str);
  wp->random_vectors = (uint32_t)v->vectors.num;
  wp->seed = (uint64_t)v->seed.num;
  wp->trace_path = v->trace.str;
  wp->cycle_time_s = v->cycle_time.real;
  int mode =
      lw_cli_name(lw_rotate_modes(), "--rotate-mode", v->rotate_mode.str, NULL);
  if (mode < 0)
    return 2;
  p->mode = (lw_rotate_mode)mode;
  p->rotate = (uint32_t)v->rotate.num;
  p->svg_path = v->svg.str;
  p->heatmap_dir = v->heatmap.str;
  p->read = lw_read_params_default();
  p->read.abc = lw_cli_abc(&v->abc, &v->abc_timeout);
  p->read.input_format = v->input_format.str;
  return 0;
}

int lw_cli_wear(int argc, char **argv) {
  wear_values v;
  const char *pos[2] = {0};
  int npos = 0;
  int rc = lw_cli_parse(argc, argv, 2, wear_opts, LW_CLI_NOPTS(wear_opts),
                        (lw_opt_value *)&v, pos, 2, &npos, usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 2)
    return lw_cli_usage_error("wear", "%s",
                              "wear needs CIRCUIT and PROGRAM.json");
  lw_wear_run_params p = {0};
  if ((rc = wear_params(&v, &p)))
    return rc;
  p.circuit_path = v.no_verify.set ? NULL : pos[0];
  p.program_path = pos[1];
  lw_error err = {0};
  lw_wear_report rep;
  char *json = NULL;
  lw_status st = lw_wear_run(&p, &rep, &json, &err);
  if (json)
    fputs(json, stdout);
  int code = st != LW_OK                    ? lw_cli_fail(&err)
             : !json || fflush(stdout) != 0 ? 1
                                            : 0;
  char line[4096 + 256];
  if (st == LW_OK && json)
    fprintf(stderr, "%s\n", lw_wear_summary(&p, &rep, line, sizeof line));
  free(json);
  lw_wear_report_free(&rep);
  return code;
}
