/* lowwear map: circuit in, verified program out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lowwear/lowwear.h"

#define MAP_OPTIONS(OPT)                                                       \
  OPT(flow, "--flow", LW_OPT_STR, "lowwear", 0, 0, "NAME",                     \
      LW_CLI_NAMES(LW_FLOWS_BY_NAME, ""))                                      \
  OPT(gates, "--gates", LW_OPT_STR, NULL, 0, 0, "SET",                         \
      LW_CLI_NAMES(LW_GATE_SETS,                                               \
                   ": gate library for losss/lowwear (default: the flow's)"))  \
  OPT(cost, "--cost", LW_OPT_STR, NULL, 0, 0, "MODEL",                         \
      LW_CLI_NAMES(LW_COST_MODELS,                                             \
                   ": genlib areas of losss/lowwear (default: "                \
                   "the flow's)"))                                             \
  OPT(max_inputs, "--max-inputs", LW_OPT_INT, "4", 3, 4, "K",                  \
      "widest NOR/OR with --gates wide")                                       \
  OPT(row, "--row", LW_OPT_STR, "min", 0, 0, "N|min",                          \
      "cells in the row, or the minimum row")                                  \
  OPT(output, "-o", LW_OPT_STR, "-", 0, 0, "FILE",                             \
      "write the program here (- = stdout)")                                   \
  OPT(format, "--format", LW_OPT_STR, "json", 0, 0, "FMT",                     \
      LW_CLI_NAMES(LW_PROGRAM_FORMATS, ""))                                    \
  OPT(synth, "--synth", LW_OPT_STR, "abc", 0, 0, "MODE",                       \
      LW_SYNTH_ABC_NAME ", or " LW_SYNTH_NONE_NAME                             \
                        ": the input is already mapped to NOT/NOR/OR cells")   \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable (default: berkeley-abc or abc on the PATH)")             \
  LW_CLI_ABC_TIMEOUT(OPT)                                                      \
  OPT(abc_script, "--abc-script", LW_OPT_STR, NULL, 0, 0, "SCRIPT",            \
      "ABC commands between read_library and write (default: the flow's); "    \
      "PREFIX; {A | B} runs each alternative after PREFIX and keeps the "      \
      "netlist of least area")                                                 \
  OPT(reinit, "--reinit", LW_OPT_STR, "flow", 0, 0, "POLICY",                  \
      LW_CLI_NAMES(LW_REINITS, ": how dead cells are re-initialised"))         \
  OPT(paper_rules, "--paper-rules", LW_OPT_FLAG, NULL, 0, 0, "",               \
      "merge legality exactly as the paper states it (strict L1)")             \
  OPT(wear_aware, "--wear-aware", LW_OPT_FLAG, NULL, 0, 0, "",                 \
      "give each gate the least-worn free cell (docs/wear.md)")                \
  OPT(prob_reinit, "--prob-reinit", LW_OPT_FLAG, NULL, 0, 0, "",               \
      "re-initialise first the dead cells that probably hold the value")       \
  OPT(latency_slack, "--latency-slack", LW_OPT_REAL, "0", -1, 10, "F",         \
      "extra latency allowed for wear, fraction (0 = 0.05, <0 = none)")        \
  OPT(recompute, "--recompute", LW_OPT_FLAG, NULL, 0, 0, "",                   \
      "lowwear, lowwear-wide: compute values again instead of keeping them, "  \
      "for rows below the plain minimum (docs/recompute.md)")                  \
  OPT(latency_budget, "--latency-budget", LW_OPT_REAL, "1.5", 1, 100, "F",     \
      "with --recompute: latency at most F x the plain program's")             \
  OPT(exact, "--exact", LW_OPT_FLAG, NULL, 0, 0, "",                           \
      "lowwear flows, --row min: the minimum row over every execution "        \
      "order of the chosen netlist, by SAT (docs/exact.md)")                   \
  LW_CLI_EXACT_TIME(OPT)                                                       \
  OPT(exact_max_gates, "--exact-max-gates", LW_OPT_INT, "300", 0, 1e9, "N",    \
      "--exact skips netlists of more gates (0 = no limit)")                   \
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

LW_CLI_OPTIONS(map_values, map_opts, MAP_OPTIONS);

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

/* --row N|min into p->row (0 = the minimum); 0 or the exit status. */
static int parse_row(const char *text, lw_flow_params *p) {
  static const lw_opt row_cells = {"--row", LW_OPT_INT, NULL, 1,
                                   1e8,     "N|min",    NULL};
  lw_opt_value row;
  if (!strcmp(text, "min"))
    return 0;
  if (!strchr("+-.0123456789", text[0]))
    return lw_cli_usage_error(
        "map", "--row takes a number of cells or 'min', not '%s'", text);
  if (lw_cli_value(&row_cells, text, &row))
    return 2;
  p->row = (uint32_t)row.num;
  return 0;
}

/* --gates, --cost, --max-inputs: the library of losss and lowwear. */
static int parse_library(const map_values *v, lw_flow_params *p) {
  if (p->flow == LW_FLOW_SIMPLER &&
      (v->gates.set || v->cost.set || v->max_inputs.set))
    return lw_cli_usage_error(
        "map", "%s",
        "--gates, --cost and --max-inputs choose the library of losss "
        "and lowwear; simpler reproduces SIMPLER MAGIC exactly, with "
        "its own NOT/NOR2 library and areas");
  int gates = v->gates.str ? lw_cli_name(lw_synth_gate_sets(), "--gates",
                                         v->gates.str, "map")
                           : (int)p->synth.gates;
  if (gates < 0)
    return 2;
  p->synth.gates = (lw_gate_set)gates;
  p->synth.max_inputs = (int)v->max_inputs.num;
  int cost = v->cost.str
                 ? lw_cli_name(lw_synth_costs(), "--cost", v->cost.str, "map")
                 : (int)p->synth.cost;
  if (cost < 0)
    return 2;
  p->synth.cost = (lw_cost_model)cost;
  int synth = lw_cli_name(lw_synth_modes(), "--synth", v->synth.str, "map");
  if (synth < 0)
    return 2;
  p->synth_none = synth == LW_SYNTH_NONE;
  return 0;
}

/* Every option but --flow, --row, --format, --rotate into p. */
static int parse_flow(const map_values *v, lw_flow_params *p) {
  int rc = parse_library(v, p);
  if (rc)
    return rc;
  int reinit = lw_cli_name(lw_flow_reinits(), "--reinit", v->reinit.str, "map");
  if (reinit < 0)
    return 2;
  p->reinit = (lw_reinit)reinit;
  lw_flow_params_set_abc(p, lw_cli_abc(&v->abc, &v->abc_timeout));
  p->synth.script = v->abc_script.str;
  p->read.warn = warn;
  p->read.input_format = v->input_format.str;
  p->paper_rules = (int)v->paper_rules.num;
  p->verify = !v->no_verify.num;
  p->wear_aware = (int)v->wear_aware.num;
  p->prob_reinit = (int)v->prob_reinit.num;
  p->latency_slack = v->latency_slack.real;
  p->recompute = (int)v->recompute.num;
  p->latency_budget = v->latency_budget.real;
  if (p->recompute && p->flow != LW_FLOW_LOWWEAR &&
      p->flow != LW_FLOW_LOWWEAR_WIDE)
    return lw_cli_usage_error("map", "%s",
                              "--recompute applies to the low-wear flows "
                              "(lowwear, lowwear-wide); simpler and losss "
                              "reproduce the published mappers");
  if (v->latency_budget.set && !p->recompute)
    return lw_cli_usage_error("map", "%s",
                              "--latency-budget goes with --recompute");
  p->exact = (int)v->exact.num;
  p->exact_seconds = v->exact_time.real;
  p->exact_max_gates = (uint32_t)v->exact_max_gates.num;
  p->verify_params.cec = !v->no_cec.num;
  p->verify_params.random_vectors = (uint32_t)v->vectors.num;
  p->verify_params.seed = (uint64_t)v->seed.num;
  return 0;
}

/* Map, write the program (or its --rotate variants), print the summary. */
static int run(const char *circuit, const lw_flow_params *p,
               lw_program_format format, uint32_t rotate, const char *out) {
  lw_flow_stats stats;
  lw_verify_report report;
  lw_program *prog = NULL;
  lw_error err = {0};
  lw_status st = lw_flow_run(circuit, p, &stats, &report, &prog, &err);
  if (st != LW_OK) {
    if (p->verify)
      lw_verify_report_free(&report);
    return lw_cli_fail(&err);
  }
  st = rotate > 1 ? lw_flow_write_variants(circuit, prog, rotate, p, out, &err)
                  : lw_io_write_program(prog, out, format, &err);
  char line[4096 + 512];
  if (st == LW_OK)
    fprintf(stderr, "%s\n",
            lw_flow_summary(circuit, prog, p, &stats,
                            p->verify && report.cec_ran, line, sizeof line));
  if (p->verify)
    lw_verify_report_free(&report);
  lw_program_free(prog);
  return st == LW_OK ? 0 : lw_cli_fail(&err);
}

int lw_cli_map(int argc, char **argv) {
  map_values v;
  const char *pos[1] = {0};
  int npos;
  int rc = lw_cli_parse(argc, argv, 2, map_opts, LW_CLI_NOPTS(map_opts),
                        (lw_opt_value *)&v, pos, 1, &npos, usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 1)
    return lw_cli_usage_error("map", "%s", "map takes one CIRCUIT file");
  int flow = lw_flow_parse(v.flow.str);
  if (flow < 0)
    return lw_cli_usage_error("map", "unknown flow '%s'", v.flow.str);
  lw_flow_params p = lw_flow_params_default((lw_flow_id)flow);
  if ((rc = parse_row(v.row.str, &p)))
    return rc;
  int format = lw_io_format_parse(v.format.str);
  if (format < 0)
    return lw_cli_usage_error("map", "unknown format '%s'", v.format.str);
  if ((rc = parse_flow(&v, &p)))
    return rc;
  if (p.exact &&
      (p.row || (p.flow != LW_FLOW_LOWWEAR && p.flow != LW_FLOW_LOWWEAR_WIDE) ||
       p.wear_aware || p.prob_reinit))
    return lw_cli_usage_error("map", "%s",
                              "--exact maps the lowwear flows at --row min, "
                              "without --wear-aware or --prob-reinit");
  uint32_t rotate = (uint32_t)v.rotate.num;
  if (rotate > 1 && (!strcmp(v.output.str, "-") || format != LW_FORMAT_JSON))
    return lw_cli_usage_error("map", "%s",
                              "--rotate needs -o FILE and the json format");
  return run(pos[0], &p, (lw_program_format)format, rotate, v.output.str);
}
