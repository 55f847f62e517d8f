/* lowwear map: circuit in, verified program out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lowwear/lowwear.h"
#include "lowwear/wear.h"

#define MAP_OPTIONS(OPT)                                                       \
  OPT(flow, "--flow", LW_OPT_STR, "lowwear", 0, 0, "NAME",                     \
      "simpler | losss | lowwear | lowwear-wide")                              \
  OPT(gates, "--gates", LW_OPT_STR, NULL, 0, 0, "SET",                         \
      "paper | wide: gate library for losss/lowwear (default: the flow's)")    \
  OPT(cost, "--cost", LW_OPT_STR, NULL, 0, 0, "MODEL",                         \
      "toggle | wear | equal: genlib areas of losss/lowwear (default: the "    \
      "flow's)")                                                               \
  OPT(max_inputs, "--max-inputs", LW_OPT_INT, "4", 3, 4, "K",                  \
      "widest NOR/OR with --gates wide")                                       \
  OPT(row, "--row", LW_OPT_STR, "min", 0, 0, "N|min",                          \
      "cells in the row, or the minimum row")                                  \
  OPT(output, "-o", LW_OPT_STR, "-", 0, 0, "FILE",                             \
      "write the program here (- = stdout)")                                   \
  OPT(format, "--format", LW_OPT_STR, "json", 0, 0, "FMT",                     \
      "json | text | simpler")                                                 \
  OPT(synth, "--synth", LW_OPT_STR, "abc", 0, 0, "MODE",                       \
      "abc, or none: the input is already mapped to NOT/NOR/OR cells")         \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable (default: berkeley-abc or abc on the PATH)")             \
  LW_CLI_ABC_TIMEOUT(OPT)                                                      \
  OPT(abc_script, "--abc-script", LW_OPT_STR, NULL, 0, 0, "SCRIPT",            \
      "ABC commands between read_library and write (default: the flow's); "    \
      "PREFIX; {A | B} runs each alternative after PREFIX and keeps the "      \
      "netlist of least area")                                                 \
  OPT(reinit, "--reinit", LW_OPT_STR, "flow", 0, 0, "POLICY",                  \
      "flow | batch | demand: how dead cells are re-initialised")              \
  OPT(paper_rules, "--paper-rules", LW_OPT_FLAG, NULL, 0, 0, "",               \
      "merge legality exactly as the paper states it (strict L1)")             \
  OPT(wear_aware, "--wear-aware", LW_OPT_FLAG, NULL, 0, 0, "",                 \
      "give each gate the least-worn free cell (docs/wear.md)")                \
  OPT(prob_reinit, "--prob-reinit", LW_OPT_FLAG, NULL, 0, 0, "",               \
      "re-initialise first the dead cells that probably hold the value")       \
  OPT(latency_slack, "--latency-slack", LW_OPT_REAL, "0", -1, 10, "F",         \
      "extra latency allowed for wear, fraction (0 = 0.05, <0 = none)")        \
  OPT(rotate, "--rotate", LW_OPT_INT, "1", 1, 64, "R",                         \
      "write R variants FILE.0.json.. with levelled cell assignments")         \
  OPT(no_verify, "--no-verify", LW_OPT_FLAG, NULL, 0, 0, "",                   \
      "do not simulate and prove the program before writing it")               \
  OPT(no_cec, "--no-cec", LW_OPT_FLAG, NULL, 0, 0, "",                         \
      "verify by simulation only, without ABC's cec")                          \
  OPT(vectors, "--vectors", LW_OPT_INT, "4096", 64, 1e9, "N",                  \
      "random vectors when there are more than 16 inputs")                     \
  OPT(seed, "--seed", LW_OPT_INT, "1", 0, 2e9, "S", "random vector seed")      \
  LW_CLI_INPUT_FORMAT(OPT)

enum {
#define OPT(field, ...) OPT_##field,
  MAP_OPTIONS(OPT)
#undef OPT
      OPT_COUNT
};
static const lw_opt options[] = {MAP_OPTIONS(LW_OPT_ROW)};

static const char usage_head[] =
    "usage: lowwear map CIRCUIT [options]\n\n"
    "Compile a combinational circuit (.blif, .aig, .aag, .pla, .v) into a\n"
    "program for one memristor-crossbar row, verify it, and write it.\n"
    "A row too small (exit 3) is refused with the minimum in the message;\n"
    "an incorrect program (exit 4) is never written.";

static void warn(void *ctx, const char *file, int line, const char *msg) {
  (void)ctx;
  if (line > 0)
    fprintf(stderr, "lowwear: warning: %s:%d: %s\n", file, line, msg);
  else
    fprintf(stderr, "lowwear: warning: %s: %s\n", file, msg);
}

static int usage_error(const char *fmt, const char *what) {
  fprintf(stderr, "lowwear: error: ");
  fprintf(stderr, fmt, what);
  fprintf(stderr, " (see lowwear map --help)\n");
  return 2;
}

/* --rotate: R variants of the program whose work cells are permuted so that
 * a row cycling through them levels wear; each is verified by simulation
 * and written as FILE.k.json (FILE without its .json). */
static lw_status write_variants(const char *circuit_path, lw_program *prog,
                                uint32_t r, const lw_flow_params *p,
                                const char *out, lw_error *err) {
  lw_program *variants[64] = {NULL};
  lw_net *circuit = NULL;
  lw_status st = lw_program_level(prog, r, NULL, variants, err);
  if (st == LW_OK && p->verify)
    st = p->synth_none
             ? lw_io_read_mapped(circuit_path, &circuit, err)
             : lw_io_read_circuit(circuit_path, &p->read, &circuit, err);
  size_t stem = strlen(out);
  if (stem > 5 && !strcmp(out + stem - 5, ".json"))
    stem -= 5;
  for (uint32_t k = 0; k < r && st == LW_OK; k++) {
    if (p->verify) {
      lw_verify_params vp = p->verify_params;
      vp.cec = 0; /* a permutation of cells of a proved program */
      lw_verify_report rep;
      st = lw_sim_verify(circuit, variants[k], &vp, &rep, err);
      if (st == LW_OK && !rep.ok)
        st = lw_error_set(err, LW_ERR_VERIFY, circuit_path, 0,
                          "variant %u is incorrect, not written: %s", k,
                          rep.first_error);
      lw_verify_report_free(&rep);
    }
    char path[4096];
    snprintf(path, sizeof path, "%.*s.%u.json", (int)stem, out, k);
    if (st == LW_OK)
      st = lw_io_write_program(variants[k], path, LW_FORMAT_JSON, err);
  }
  for (uint32_t k = 0; k < r; k++)
    lw_program_free(variants[k]);
  lw_net_free(circuit);
  return st;
}

int lw_cli_map(int argc, char **argv) {
  lw_opt_value v[OPT_COUNT];
  const char *pos[1] = {0};
  int npos;
  int rc = lw_cli_parse(argc, argv, 2, options, OPT_COUNT, v, pos, 1, &npos,
                        usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 1)
    return usage_error("%s", "map takes one CIRCUIT file");
  int flow = lw_flow_parse(v[OPT_flow].str);
  if (flow < 0)
    return usage_error("unknown flow '%s'", v[OPT_flow].str);
  lw_flow_params p = lw_flow_params_default((lw_flow_id)flow);
  if (strcmp(v[OPT_row].str, "min")) {
    /* a number of cells unless "min" */
    static const lw_opt row_cells = {"--row", LW_OPT_INT, NULL, 1,
                                     1e8,     "N|min",    NULL};
    lw_opt_value row;
    if (!strchr("+-.0123456789", v[OPT_row].str[0]))
      return usage_error("--row takes a number of cells or 'min', not '%s'",
                         v[OPT_row].str);
    if (lw_cli_value(&row_cells, v[OPT_row].str, &row))
      return 2;
    p.row = (uint32_t)row.num;
  }
  lw_program_format format;
  if (!strcmp(v[OPT_format].str, "json"))
    format = LW_FORMAT_JSON;
  else if (!strcmp(v[OPT_format].str, "text"))
    format = LW_FORMAT_TEXT;
  else if (!strcmp(v[OPT_format].str, "simpler"))
    format = LW_FORMAT_SIMPLER;
  else
    return usage_error("unknown format '%s'", v[OPT_format].str);
  if (flow == LW_FLOW_SIMPLER &&
      (v[OPT_gates].set || v[OPT_cost].set || v[OPT_max_inputs].set))
    return usage_error(
        "%s", "--gates, --cost and --max-inputs choose the library of losss "
              "and lowwear; simpler reproduces SIMPLER MAGIC exactly, with "
              "its own NOT/NOR2 library and areas");
  if (v[OPT_gates].str) {
    if (!strcmp(v[OPT_gates].str, "wide"))
      p.synth.gates = LW_GATES_WIDE;
    else if (!strcmp(v[OPT_gates].str, "paper"))
      p.synth.gates = LW_GATES_PAPER;
    else
      return usage_error("--gates takes paper or wide, not '%s'",
                         v[OPT_gates].str);
  }
  p.synth.max_inputs = (int)v[OPT_max_inputs].num;
  if (v[OPT_cost].str) {
    if (!strcmp(v[OPT_cost].str, "toggle"))
      p.synth.cost = LW_COST_TOGGLE;
    else if (!strcmp(v[OPT_cost].str, "wear"))
      p.synth.cost = LW_COST_WEAR;
    else if (!strcmp(v[OPT_cost].str, "equal"))
      p.synth.cost = LW_COST_EQUAL;
    else
      return usage_error("--cost takes toggle, wear or equal, not '%s'",
                         v[OPT_cost].str);
  }
  if (!strcmp(v[OPT_synth].str, "none"))
    p.synth_none = 1;
  else if (strcmp(v[OPT_synth].str, "abc"))
    return usage_error("--synth takes abc or none, not '%s'", v[OPT_synth].str);
  if (!strcmp(v[OPT_reinit].str, "batch"))
    p.reinit = LW_REINIT_BATCH;
  else if (!strcmp(v[OPT_reinit].str, "demand"))
    p.reinit = LW_REINIT_ON_DEMAND;
  else if (strcmp(v[OPT_reinit].str, "flow"))
    return usage_error("--reinit takes flow, batch or demand, not '%s'",
                       v[OPT_reinit].str);
  p.synth.abc_path = v[OPT_abc].str;
  p.synth.timeout_s = v[OPT_abc_timeout].real;
  p.synth.script = v[OPT_abc_script].str;
  p.read.abc_path = v[OPT_abc].str;
  p.read.timeout_s = v[OPT_abc_timeout].real;
  p.read.warn = warn;
  p.read.input_format = v[OPT_input_format].str;
  p.paper_rules = (int)v[OPT_paper_rules].num;
  p.verify = !v[OPT_no_verify].num;
  p.wear_aware = (int)v[OPT_wear_aware].num;
  p.prob_reinit = (int)v[OPT_prob_reinit].num;
  p.latency_slack = v[OPT_latency_slack].real;
  uint32_t rotate = (uint32_t)v[OPT_rotate].num;
  if (rotate > 1 &&
      (!strcmp(v[OPT_output].str, "-") || format != LW_FORMAT_JSON))
    return usage_error("%s", "--rotate needs -o FILE and the json format");
  p.verify_params.cec = !v[OPT_no_cec].num;
  p.verify_params.abc_path = v[OPT_abc].str;
  p.verify_params.timeout_s = v[OPT_abc_timeout].real;
  p.verify_params.random_vectors = (uint32_t)v[OPT_vectors].num;
  p.verify_params.seed = (uint64_t)v[OPT_seed].num;

  lw_flow_stats stats;
  lw_verify_report report;
  lw_program *prog = NULL;
  lw_error err = {0};
  lw_status st = lw_flow_run(pos[0], &p, &stats, &report, &prog, &err);
  if (st != LW_OK) {
    if (p.verify)
      lw_verify_report_free(&report);
    return lw_cli_fail(&err);
  }
  st = rotate > 1
           ? write_variants(pos[0], prog, rotate, &p, v[OPT_output].str, &err)
           : lw_io_write_program(prog, v[OPT_output].str, format, &err);
  char alt[64] = "";
  if (stats.abc_alternatives > 1)
    snprintf(alt, sizeof alt, ", ABC alternative %d of %d",
             stats.abc_alternative + 1, stats.abc_alternatives);
  if (st == LW_OK)
    fprintf(stderr,
            "%s: flow %s, row %u (min %u), latency %u, gates %u, init "
            "cycles %u, toggle estimate %.3f, %s, %.3f s (abc %.3f, map "
            "%.3f)%s\n",
            strcmp(pos[0], "-") ? pos[0] : "<stdin>",
            lw_flow_name((lw_flow_id)flow), lw_program_row_size(prog),
            stats.min_row, lw_program_latency(prog),
            lw_program_gate_cycles(prog), lw_program_init_cycles(prog),
            lw_program_toggle_estimate(prog),
            !p.verify        ? "not verified"
            : report.cec_ran ? "verified (simulation + cec)"
                             : "verified (simulation)",
            stats.total_seconds, stats.abc_seconds, stats.map_seconds, alt);
  if (p.verify)
    lw_verify_report_free(&report);
  lw_program_free(prog);
  return st == LW_OK ? 0 : lw_cli_fail(&err);
}
