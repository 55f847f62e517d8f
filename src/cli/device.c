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
      "write gap and voltage traces (CSV + SVG) per case into DIR")            \
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
      "--program: Monte Carlo rows with --variation")

LW_CLI_OPTIONS(device_opts, device_rows, DEVICE_OPTS);

static const char usage_head[] =
    "usage: lowwear device [options]\n"
    "       lowwear device --program CIRCUIT PROGRAM.json [options]\n\n"
    "Simulate each stateful gate's PMR circuit with the Stanford/PKU RRAM\n"
    "model for every input case and check its truth table (docs/method.md 8).\n"
    "The bias scheme is inferred; see docs/device.md. With --program, run a\n"
    "whole program cycle by cycle on a row of such devices and check its\n"
    "outputs against the circuit; exit 4 when a vector fails.";

static void print_gaps(const double *g, uint32_t n) {
  char buf[64] = "";
  size_t k = 0;
  for (uint32_t i = 0; i < n && k < sizeof buf; i++)
    k +=
        (size_t)snprintf(buf + k, sizeof buf - k, "%s%.3f", i ? " " : "", g[i]);
  printf(" %-30s", buf);
}

/* Per gate, the smallest static margin of each kind over its cases: how
 * far past its threshold the output is when it must switch, how far short
 * when it must hold, and how far the inputs are from being disturbed. */
static void print_margins(const lw_device_report *rep) {
  printf("\nstatic margins (smallest over the cases, mV):\n"
         "%-6s %8s %8s %8s\n",
         "gate", "switch", "hold", "input");
  for (uint32_t i = 0; i < rep->ncases;) {
    const char *gate = rep->cases[i].gate;
    double m[3] = {1e9, 1e9, 1e9};
    for (; i < rep->ncases && !strcmp(rep->cases[i].gate, gate); i++) {
      const lw_device_case *c = &rep->cases[i];
      int k = c->switching ? 0 : 1;
      if (c->output_margin_v < m[k])
        m[k] = c->output_margin_v;
      if (c->has_input_margin && c->input_margin_v < m[2])
        m[2] = c->input_margin_v;
    }
    printf("%-6s", gate);
    for (int k = 0; k < 3; k++)
      if (m[k] < 1e9)
        printf(" %+8.0f", m[k] * 1e3);
      else
        printf(" %8s", "-");
    printf("\n");
  }
}

static void print_text(const lw_device_report *rep) {
  printf("bias %s, pulse %g s, F_min gate %s, self-heating %s\n\n", rep->bias,
         rep->pulse_s, rep->fmin ? "on" : "off", rep->heat ? "on" : "off");
  printf("%-6s %-5s %-30s %-30s %3s %3s %4s %10s %8s %9s %8s %8s  %s\n", "gate",
         "in", "initial gaps (nm)", "final gaps (nm)", "out", "exp", "kept",
         "t_switch", "drift", "energy", "m_out", "m_in", "result");
  uint32_t passed = 0;
  for (uint32_t i = 0; i < rep->ncases; i++) {
    const lw_device_case *c = &rep->cases[i];
    printf("%-6s %-5s", c->gate, c->inputs);
    print_gaps(c->initial_gap_nm, c->ndevices);
    print_gaps(c->final_gap_nm, c->ndevices);
    char ts[32] = "-", mi[32] = "-", mo[32] = "-";
    if (c->t_switch_s >= 0)
      snprintf(ts, sizeof ts, "%.1f ns", c->t_switch_s * 1e9);
    if (c->has_output_margin)
      snprintf(mo, sizeof mo, "%+.0f mV", c->output_margin_v * 1e3);
    if (c->has_input_margin)
      snprintf(mi, sizeof mi, "%+.0f mV", c->input_margin_v * 1e3);
    printf(" %3d %3d %4s %10s %5.3f nm %6.2f nJ %8s %8s  %s\n", c->output,
           c->expected, c->inputs_kept ? "yes" : "no", ts,
           c->max_input_drift_nm, c->energy_j * 1e9, mo, mi,
           c->pass ? "pass" : "FAIL");
    passed += (uint32_t)c->pass;
  }
  printf("\n%u of %u cases pass (%.3f s)\n", passed, rep->ncases, rep->seconds);
  if (rep->fmin)
    print_margins(rep);
}

/* ---- --program ---------------------------------------------------------- */

static void print_cells(const lw_device_program_report *rep) {
  printf("\n%-5s %7s %7s %9s %5s %10s %6s %10s %6s\n", "cell", "writes",
         "reads", "worst nm", "value", "margin nm", "cycle", "drift nm",
         "reads");
  for (uint32_t c = 0; c < rep->ncells; c++) {
    const lw_device_cell *x = &rep->cells[c];
    if (!x->writes)
      continue;
    printf("%-5u %7u %7u %9.4f %5d %+10.4f %6u %10.6f %6u\n", c, x->writes,
           x->reads, x->worst_gap_nm, x->worst_value, x->margin_nm,
           x->worst_cycle, x->max_drift_nm, x->max_reads);
  }
}

static void print_program(const lw_device_program_report *rep) {
  printf("bias %s, pulse %g s, %u cycles, %u vectors (%s)\n", rep->bias,
         rep->pulse_s, rep->ncycles, rep->nvectors,
         rep->exhaustive ? "exhaustive" : "all-0, all-1 and random");
  for (uint32_t v = 0; v < rep->nvectors; v++) {
    const lw_device_vector *x = &rep->vectors[v];
    if (x->pass && !x->first_fail)
      continue;
    printf("vector %u: %s, %u wrong outputs, first wrong cell after cycle "
           "T%u (%s)\n",
           v, x->pass ? "pass" : "FAIL", x->wrong_outputs, x->first_fail,
           x->first_fail ? x->first_fail_kind : "-");
  }
  print_cells(rep);
  printf("\n%-8s %12s %14s\n", "kind", "per eval", "energy (nJ)");
  for (uint32_t k = 0; k < rep->nkinds; k++)
    printf("%-8s %12.2f %14.3f\n", rep->kinds[k].name, rep->kinds[k].cycles,
           rep->kinds[k].energy_j * 1e9);
  printf("\nenergy per evaluation %.3f nJ, %.1f %% in INIT\n",
         rep->energy_j * 1e9,
         rep->energy_j > 0 ? 100 * rep->init_energy_j / rep->energy_j : 0.0);
  printf("least margin %+.4f nm: cell %u, cycle T%u\n", rep->least_margin_nm,
         rep->least_cell, rep->least_cycle);
  if (rep->trials)
    printf("variation sigma %g: %u of %u rows right (%.1f %%), energy %.3f "
           "nJ per evaluation, most frequent first failure %s\n",
           rep->variation, rep->trials_pass, rep->trials,
           100.0 * rep->trials_pass / rep->trials, rep->mc_energy_j * 1e9,
           rep->mc_first_fail_kind[0] ? rep->mc_first_fail_kind : "-");
  printf("%u of %u vectors pass (%.3f s, %llu circuits integrated)\n",
         rep->passing, rep->nvectors, rep->seconds,
         (unsigned long long)rep->pmr_runs);
}

static void print_program_spice(const lw_device_spice_stats *ss,
                                const char *dir) {
  if (!ss->ran)
    fprintf(stderr,
            "lowwear: ngspice not found: the program's deck is in %s, "
            "not run\n",
            dir);
  else if (!ss->runs_ok)
    fprintf(stderr,
            "lowwear: ngspice did not finish the program's deck in "
            "%s\n",
            dir);
  else
    fprintf(stderr,
            "lowwear: ngspice, vector 0: largest final-gap difference "
            "%.4f nm, %u cells read differently (%.2f s)\n",
            ss->max_gap_diff_nm, ss->logic_mismatches, ss->seconds);
}

static int run_program(const device_opts *o, const char **pos, int npos) {
  if (npos != 2)
    return lw_cli_usage_error("device", "%s",
                              "device --program needs CIRCUIT and "
                              "PROGRAM.json");
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
  }
  p.spice_dir = o->spice.set ? o->spice.str : NULL;
  p.ngspice = o->ngspice.str;
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
    print_program(&rep);
  }
  if (rep.spice)
    print_program_spice(&rep.spice_stats, o->spice.str);
  int all = rep.all_pass;
  lw_device_program_report_free(&rep);
  return all ? 0 : lw_status_exit_code(LW_ERR_VERIFY);
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
    fprintf(stderr,
            "lowwear: window of %s: %u of %u points pass, %u with every "
            "static margin >= 0 (%.2f s)\n",
            p.gate, ws.passing, ws.points, ws.robust, ws.seconds);
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
    if (ss.ran)
      fprintf(stderr,
              "lowwear: ngspice: %u of %u decks ran, largest final-gap "
              "difference %.4f nm, %u logic mismatches (%.2f s)\n",
              ss.runs_ok, ss.decks, ss.max_gap_diff_nm, ss.logic_mismatches,
              ss.seconds);
    else
      fprintf(stderr,
              "lowwear: ngspice not found: %u decks written to %s, not run\n",
              ss.decks, o.spice.str);
  }
  if (o.json.set) {
    char *text = lw_device_report_json(&rep);
    puts(text);
    free(text);
  } else {
    print_text(&rep);
  }
  int all = rep.all_pass;
  lw_device_report_free(&rep);
  return all ? 0 : lw_status_exit_code(LW_ERR_VERIFY);
}
