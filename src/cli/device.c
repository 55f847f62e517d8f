/* lowwear device: the device-level check of the stateful gates. Parses the
 * options, calls lw_device_check (and the optional trace/window/spice
 * outputs), prints the truth table as text or JSON. Exit 0 iff every case
 * passes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lowwear/device.h"
#include "lowwear/lowwear.h"

#define DEVICE_OPTS(OPT)                                                       \
  OPT(bias, "--bias", LW_OPT_STR, "recommended", 0, 0, "NAME|FILE",            \
      "bias table: recommended, paper, or a bias file (docs/device.md)")       \
  OPT(gate, "--gate", LW_OPT_STR, "paper", 0, 0, "G",                          \
      "a gate (NOT COPY IMP NOR OR ONOR COPYr NOR3 NOR4 OR3 OR4 ONOR3), "      \
      "paper, wide or all")                                                    \
  OPT(pulse, "--pulse", LW_OPT_REAL, NULL, 1e-9, 1e-2, "S",                    \
      "pulse width (flat top) in seconds [default = the bias table's]")        \
  OPT(json, "--json", LW_OPT_FLAG, NULL, 0, 0, "", "print JSON")               \
  OPT(trace, "--trace", LW_OPT_STR, NULL, 0, 0, "DIR",                         \
      "write gap and voltage traces (CSV + SVG) per case into DIR; with "      \
      "--program the cycle-by-cycle trace of one vector (the first failing "   \
      "one, else the first)")                                                  \
  OPT(window, "--window", LW_OPT_STR, NULL, 0, 0, "DIR",                       \
      "write the pass/fail map of one --gate (default NOR) into DIR")          \
  OPT(spice, "--spice", LW_OPT_STR, NULL, 0, 0, "DIR",                         \
      "write an ngspice deck per case into DIR and run it if installed; "      \
      "with --program one deck of the whole program for the first vector "     \
      "(at most 500 cycles)")                                                  \
  OPT(ngspice, "--ngspice", LW_OPT_STR, "ngspice", 0, 0, "PATH",               \
      "ngspice executable")                                                    \
  OPT(no_fmin, "--no-fmin", LW_OPT_FLAG, NULL, 0, 0, "",                       \
      "variant: switch the F_min gate off (pure kinetics)")                    \
  OPT(no_heat, "--no-heat", LW_OPT_FLAG, NULL, 0, 0, "",                       \
      "variant: switch self-heating off")                                      \
  OPT(program, "--program", LW_OPT_FLAG, NULL, 0, 0, "",                       \
      "run CIRCUIT PROGRAM.json on the row of devices (docs/device.md 10)")    \
  OPT(vectors, "--vectors", LW_OPT_INT, "64", 2, 1e7, "N",                     \
      "--program: random vectors when the circuit has more than 10 inputs")    \
  OPT(seed, "--seed", LW_OPT_INT, "1", 0, 4e18, "S",                           \
      "--program: seed of the random vectors and of --variation")              \
  OPT(variation, "--variation", LW_OPT_REAL, NULL, 0, 1, "SIGMA",              \
      "--program: Monte Carlo rows, per-cell tox, F_min and gaps at relative " \
      "sigma")                                                                 \
  OPT(trials, "--trials", LW_OPT_INT, "100", 1, 1e6, "T",                      \
      "--program: Monte Carlo rows with --variation")                          \
  OPT(min_pass, "--min-pass", LW_OPT_REAL, NULL, 0, 1, "F",                    \
      "--variation: exit 4 also when fewer than this fraction of the rows "    \
      "are right (default: the nominal run decides)")                          \
  OPT(gap_grid, "--gap-grid", LW_OPT_REAL, NULL, 0, 0.01, "NM",                \
      "--program: pitch of the gap grid each circuit is integrated from, "     \
      "its runs cached (docs/device.md 10.9); 0 = from the gaps as they are "  \
      "[default = 1e-5]")

LW_CLI_OPTIONS(device_opts, device_rows, DEVICE_OPTS);

static const char usage_head[] =
    "usage: lowwear device [options]\n"
    "       lowwear device --program CIRCUIT PROGRAM.json [options]\n\n"
    "Simulate each stateful gate's PMR circuit with the Stanford/PKU RRAM\n"
    "model for every input case and check its truth table (docs/method.md 8).\n"
    "The bias scheme is inferred; see docs/device.md. With --program, run a\n"
    "whole program cycle by cycle on a row of such devices and check its\n"
    "outputs against the circuit; exit 4 when a vector fails (or, with\n"
    "--variation and --min-pass F, when fewer than F of the rows are right).";

/* ---- --program ---------------------------------------------------------- */

static int run_program(const device_opts *o, const char **pos, int npos) {
  if (npos != 2)
    return lw_cli_usage_error("device", "%s",
                              "device --program needs CIRCUIT and "
                              "PROGRAM.json");
  if (o->min_pass.set && !o->variation.set)
    return lw_cli_usage_error("device", "%s", "--min-pass needs --variation");
  if (o->gate.set || o->window.set)
    return lw_cli_usage_error("device",
                              "%s is of the per-gate check, not of "
                              "--program",
                              o->gate.set ? "--gate" : "--window");
  if (o->trials.set && !o->variation.set)
    return lw_cli_usage_error("device", "%s", "--trials needs --variation");
  lw_error err = {0};
  lw_read_params rp = lw_read_params_default();
  lw_net *net = NULL;
  lw_program *prog = NULL;
  int rc = lw_cli_read_pair(pos[0], pos[1], &rp, &net, &prog);
  if (rc)
    return rc;
  lw_device_program_params p = lw_device_program_params_default();
  p.bias = o->bias.str;
  p.pulse_s = o->pulse.set ? o->pulse.real : 0;
  p.fmin = !o->no_fmin.set;
  p.heat = !o->no_heat.set;
  p.vectors = (uint32_t)o->vectors.num;
  p.seed = (uint64_t)o->seed.num;
  if (o->variation.set) {
    p.variation = o->variation.real;
    p.trials = (uint32_t)o->trials.num;
    p.min_pass = o->min_pass.set ? o->min_pass.real : 0;
  }
  p.spice_dir = o->spice.set ? o->spice.str : NULL;
  p.ngspice = o->ngspice.str;
  p.trace_dir = o->trace.set ? o->trace.str : NULL;
  if (o->gap_grid.set)
    p.gap_grid_m = o->gap_grid.real * 1e-9;
  lw_device_program_report rep;
  lw_status st = lw_device_program(net, prog, &p, &rep, &err);
  lw_program_free(prog);
  lw_net_free(net);
  if (st != LW_OK)
    return lw_cli_fail(&err);
  if (o->json.set) {
    char *text = lw_device_program_report_json(&rep);
    puts(text);
    free(text);
  } else {
    lw_device_program_report_print(stdout, &rep);
  }
  if (rep.trace)
    fprintf(stderr,
            "lowwear: trace of vector %u in %s/program_trace.csv and "
            "program_trace.svg\n",
            rep.trace_vector, o->trace.str);
  if (rep.spice)
    lw_device_program_spice_print(stderr, &rep.spice_stats, o->spice.str);
  int passed = lw_device_program_passed(&rep);
  lw_device_program_report_free(&rep);
  return passed ? 0 : lw_status_exit_code(LW_ERR_VERIFY);
}

int lw_cli_device(int argc, char **argv) {
  device_opts o;
  int npos;
  const char *pos[2] = {0};
  int rc = lw_cli_parse(argc, argv, 2, device_rows, LW_CLI_NOPTS(device_rows),
                        (lw_opt_value *)&o, pos, 2, &npos, usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;
  if (o.program.set || npos)
    return run_program(&o, pos, npos);
  /* the options of --program alone: their help says so first */
  const lw_opt_value *v = (const lw_opt_value *)&o;
  for (int k = 0; k < LW_CLI_NOPTS(device_rows); k++)
    if (v[k].set && (!strncmp(device_rows[k].help, "--program:", 10) ||
                     !strncmp(device_rows[k].help, "--variation:", 12)))
      return lw_cli_usage_error("device", "%s needs --program",
                                device_rows[k].name);
  lw_device_params p = lw_device_params_default();
  p.bias = o.bias.str;
  p.gate = o.gate.str;
  p.pulse_s = o.pulse.set ? o.pulse.real : 0;
  p.fmin = !o.no_fmin.set;
  p.heat = !o.no_heat.set;
  p.trace_dir = o.trace.set ? o.trace.str : NULL;
  lw_error err = {0};
  if (o.window.set) {
    /* a map is of one gate; the group names make no sense here */
    if (!o.gate.set)
      p.gate = "NOR";
    lw_device_window_stats ws;
    if (lw_device_window(&p, o.window.str, &ws, &err) != LW_OK)
      return lw_cli_fail(&err);
    lw_device_window_print(stderr, p.gate, &ws);
    if (!p.trace_dir && !o.spice.set && !o.json.set)
      return 0;
  }
  lw_device_report rep;
  if (lw_device_check(&p, &rep, &err) != LW_OK)
    return lw_cli_fail(&err);
  if (o.spice.set) {
    lw_device_spice_stats ss;
    if (lw_device_spice(&p, &rep, o.spice.str, o.ngspice.str, &ss, &err) !=
        LW_OK) {
      lw_device_report_free(&rep);
      return lw_cli_fail(&err);
    }
    lw_device_spice_print(stderr, &ss, o.spice.str);
  }
  if (o.json.set) {
    char *text = lw_device_report_json(&rep);
    puts(text);
    free(text);
  } else {
    lw_device_report_print(stdout, &rep);
  }
  int all = rep.all_pass;
  lw_device_report_free(&rep);
  return all ? 0 : lw_status_exit_code(LW_ERR_VERIFY);
}
