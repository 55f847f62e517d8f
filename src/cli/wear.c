/* lowwear wear CIRCUIT PROGRAM.json: measured wear in steady state (JSON on
 * stdout), optionally over a trace of real input vectors, over a cycle of
 * rotated variants, and as a heat map. docs/wear.md describes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "lowwear/lowwear.h"
#include "lowwear/wear.h"

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
      "level (balanced by measured wear, or shift if better) | shift")         \
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

typedef struct wear_values {
  WEAR_OPTS(LW_OPT_FIELD)
} wear_values;

static const lw_opt wear_opts[] = {WEAR_OPTS(LW_OPT_ROW)};
#define NOPTS ((int)(sizeof wear_opts / sizeof *wear_opts))

static const char usage_head[] =
    "usage: lowwear wear CIRCUIT PROGRAM.json [options]\n\n"
    "Flips per run in steady state (each run's setup written over the\n"
    "previous run's final row), per cell and in total, the hottest cell and\n"
    "its lifetime; JSON on stdout. An incorrect program (exit 4) is not\n"
    "measured.";

static int parse_endurance(const char *text, lw_wear_params *p) {
  p->nendurance = 0;
  const char *s = text;
  while (*s) {
    char *end;
    double x = strtod(s, &end);
    if (end == s || x <= 0 || p->nendurance == LW_WEAR_MAX_ENDURANCE)
      return 0;
    p->endurance[p->nendurance++] = x;
    s = end;
    if (*s == ',')
      s++;
    else if (*s)
      return 0;
  }
  return p->nendurance > 0;
}

/* The program and its variants are checked by simulation against the
 * circuit: a wrong program's wear means nothing. */
static lw_status check(const lw_net *net, const lw_program *prog,
                       const char *name, lw_error *err) {
  lw_verify_params vp = lw_verify_params_default();
  vp.cec = 0;
  lw_verify_report rep;
  lw_status st = lw_sim_verify(net, prog, &vp, &rep, err);
  if (st == LW_OK && !rep.ok)
    st = lw_error_set(err, LW_ERR_VERIFY, name, 0,
                      "the program is incorrect: %s", rep.first_error);
  lw_verify_report_free(&rep);
  return st;
}

/* DIR/CIRCUIT-FLOW-wear.svg, or -rotR.svg for R rotated variants. */
static char *heatmap_path(const char *dir, const lw_program *prog, uint32_t r) {
  const char *circuit = lw_program_circuit(prog), *flow = lw_program_flow(prog);
  size_t n = strlen(dir) + strlen(circuit) + strlen(flow) + 32;
  char *path = malloc(n);
  if (path && r > 1)
    snprintf(path, n, "%s/%s-%s-rot%u.svg", dir, circuit, flow, r);
  else if (path)
    snprintf(path, n, "%s/%s-%s-wear.svg", dir, circuit, flow);
  return path;
}

int lw_cli_wear(int argc, char **argv) {
  wear_values v;
  const char *pos[2] = {0};
  int npos = 0;
  int rc = lw_cli_parse(argc, argv, 2, wear_opts, NOPTS, (lw_opt_value *)&v,
                        pos, 2, &npos, usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 2) {
    fprintf(stderr, "lowwear: error: wear needs CIRCUIT and PROGRAM.json "
                    "(see lowwear wear --help)\n");
    return 2;
  }
  lw_wear_params wp = lw_wear_params_default();
  if (!parse_endurance(v.endurance.str, &wp)) {
    fprintf(stderr,
            "lowwear: error: --endurance takes up to %d positive numbers "
            "separated by commas, not '%s'\n",
            LW_WEAR_MAX_ENDURANCE, v.endurance.str);
    return 2;
  }
  wp.random_vectors = (uint32_t)v.vectors.num;
  wp.seed = (uint64_t)v.seed.num;
  wp.trace_path = v.trace.str;
  wp.cycle_time_s = v.cycle_time.real;
  wp.events = v.svg.str || v.heatmap.str;
  uint32_t r = (uint32_t)v.rotate.num;
  int level = !strcmp(v.rotate_mode.str, "level");
  if (!level && strcmp(v.rotate_mode.str, "shift")) {
    fprintf(stderr,
            "lowwear: error: --rotate-mode takes level or shift, not '%s'\n",
            v.rotate_mode.str);
    return 2;
  }

  lw_error err = {0};
  lw_read_params rp = lw_read_params_default();
  rp.abc_path = v.abc.str;
  rp.timeout_s = v.abc_timeout.real;
  rp.input_format = v.input_format.str;
  lw_net *net = NULL;
  lw_program *prog = NULL;
  lw_program **variants = calloc(r, sizeof *variants);
  lw_wear_report rep;
  memset(&rep, 0, sizeof rep);
  lw_status st = LW_OK;
  if (!variants) {
    fprintf(stderr, "lowwear: error: out of memory\n");
    return 1;
  }
  if (!v.no_verify.set)
    st = lw_io_read_circuit(pos[0], &rp, &net, &err);
  if (st == LW_OK)
    st = lw_io_read_program(pos[1], &prog, &err);
  if (st == LW_OK && level && r > 1)
    st = lw_program_level(prog, r, &wp, variants, &err);
  for (uint32_t k = 0; st == LW_OK && k < r; k++) {
    if (!variants[k])
      st = lw_program_rotate(prog, k, r, &variants[k], &err);
    if (st == LW_OK && net)
      st = check(net, variants[k], pos[1], &err);
  }
  if (st == LW_OK)
    st = lw_wear_measure((const lw_program *const *)variants, r, &wp, &rep,
                         &err);
  char *svg = NULL;
  if (st == LW_OK && v.svg.str)
    st = lw_wear_heatmap_svg(&rep, variants[0], v.svg.str, &err);
  if (st == LW_OK && v.heatmap.str) {
    st = lw_fs_mkdirs(v.heatmap.str, &err);
    svg = st == LW_OK ? heatmap_path(v.heatmap.str, prog, r) : NULL;
    if (st == LW_OK)
      st = svg ? lw_wear_heatmap_svg(&rep, variants[0], svg, &err)
               : lw_error_set(&err, LW_ERR_IO, NULL, 0, "out of memory");
  }
  char *json = st == LW_OK ? lw_wear_report_json(&rep, prog) : NULL;
  if (json)
    fputs(json, stdout);
  int code = st != LW_OK                    ? lw_cli_fail(&err)
             : !json || fflush(stdout) != 0 ? 1
                                            : 0;
  if (st == LW_OK && json)
    fprintf(stderr,
            "%s: %u variant(s), steady flips/run %.3f, hottest cell %u at "
            "%.4f flips/run (%.2fx the mean)\n",
            pos[1], r, rep.steady_flips_per_run, rep.hottest_cell,
            rep.hottest_flips, rep.hot_ratio);
  free(json);
  free(svg);
  lw_wear_report_free(&rep);
  for (uint32_t k = 0; k < r; k++)
    lw_program_free(variants[k]);
  free(variants);
  lw_program_free(prog);
  lw_net_free(net);
  return code;
}
