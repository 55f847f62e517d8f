/* The device reports as text: the truth table of every gate case with its
 * margins, a program run on a row of devices, and the one-line summaries
 * of the window map and the ngspice runs. */
#include <stdio.h>
#include <string.h>

#include "lowwear/device.h"

static void print_gaps(FILE *out, const double *g, uint32_t n) {
  char buf[64] = "";
  size_t k = 0;
  for (uint32_t i = 0; i < n && k < sizeof buf; i++)
    k +=
        (size_t)snprintf(buf + k, sizeof buf - k, "%s%.3f", i ? " " : "", g[i]);
  fprintf(out, " %-30s", buf);
}

/* Per gate, the smallest static margin of each kind over its cases: how
 * far past its threshold the output is when it must switch, how far short
 * when it must hold, and how far the inputs are from being disturbed. */
static void print_margins(FILE *out, const lw_device_report *rep) {
  fprintf(out,
          "\nstatic margins (smallest over the cases, mV):\n"
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
    fprintf(out, "%-6s", gate);
    for (int k = 0; k < 3; k++)
      if (m[k] < 1e9)
        fprintf(out, " %+8.0f", m[k] * 1e3);
      else
        fprintf(out, " %8s", "-");
    fprintf(out, "\n");
  }
}

void lw_device_report_print(FILE *out, const lw_device_report *rep) {
  fprintf(out, "bias %s, pulse %g s, F_min gate %s, self-heating %s\n\n",
          rep->bias, rep->pulse_s, rep->fmin ? "on" : "off",
          rep->heat ? "on" : "off");
  fprintf(out, "%-6s %-5s %-30s %-30s %3s %3s %4s %10s %8s %9s %8s %8s  %s\n",
          "gate", "in", "initial gaps (nm)", "final gaps (nm)", "out", "exp",
          "kept", "t_switch", "drift", "energy", "m_out", "m_in", "result");
  uint32_t passed = 0;
  for (uint32_t i = 0; i < rep->ncases; i++) {
    const lw_device_case *c = &rep->cases[i];
    fprintf(out, "%-6s %-5s", c->gate, c->inputs);
    print_gaps(out, c->initial_gap_nm, c->ndevices);
    print_gaps(out, c->final_gap_nm, c->ndevices);
    char ts[32] = "-", mi[32] = "-", mo[32] = "-";
    if (c->t_switch_s >= 0)
      snprintf(ts, sizeof ts, "%.1f ns", c->t_switch_s * 1e9);
    if (c->has_output_margin)
      snprintf(mo, sizeof mo, "%+.0f mV", c->output_margin_v * 1e3);
    if (c->has_input_margin)
      snprintf(mi, sizeof mi, "%+.0f mV", c->input_margin_v * 1e3);
    fprintf(out, " %3d %3d %4s %10s %5.3f nm %6.2f nJ %8s %8s  %s\n", c->output,
            c->expected, c->inputs_kept ? "yes" : "no", ts,
            c->max_input_drift_nm, c->energy_j * 1e9, mo, mi,
            c->pass ? "pass" : "FAIL");
    passed += (uint32_t)c->pass;
  }
  fprintf(out, "\n%u of %u cases pass (%.3f s)\n", passed, rep->ncases,
          rep->seconds);
  if (rep->fmin)
    print_margins(out, rep);
}

static void print_cells(FILE *out, const lw_device_program_report *rep) {
  fprintf(out, "\n%-5s %7s %7s %9s %5s %10s %6s %10s %6s\n", "cell", "writes",
          "reads", "worst nm", "value", "margin nm", "cycle", "drift nm",
          "reads");
  for (uint32_t c = 0; c < rep->ncells; c++) {
    const lw_device_cell *x = &rep->cells[c];
    if (!x->writes)
      continue;
    fprintf(out, "%-5u %7u %7u %9.4f %5d %+10.4f %6u %10.6f %6u\n", c,
            x->writes, x->reads, x->worst_gap_nm, x->worst_value, x->margin_nm,
            x->worst_cycle, x->max_drift_nm, x->max_reads);
  }
}

/* The Monte Carlo line, and what it does to the verdict: nothing unless
 * --min-pass asked for a least fraction of right rows. */
static void print_monte_carlo(FILE *out, const lw_device_program_report *rep) {
  double fraction = (double)rep->trials_pass / rep->trials;
  fprintf(out,
          "variation sigma %g: %u of %u rows right (%.1f %%), energy %.3f "
          "nJ per evaluation, most frequent first failure %s\n",
          rep->variation, rep->trials_pass, rep->trials, 100 * fraction,
          rep->mc_energy_j * 1e9,
          rep->mc_first_fail_kind[0] ? rep->mc_first_fail_kind : "-");
  if (rep->min_pass > 0)
    fprintf(out, "variation: --min-pass %g %s\n", rep->min_pass,
            fraction >= rep->min_pass ? "met" : "NOT met: the run fails");
  else
    fprintf(out, "variation: no --min-pass, the verdict is the nominal "
                 "run's\n");
}

void lw_device_program_report_print(FILE *out,
                                    const lw_device_program_report *rep) {
  fprintf(out, "bias %s, pulse %g s, %u cycles, %u vectors (%s)\n", rep->bias,
          rep->pulse_s, rep->ncycles, rep->nvectors,
          rep->exhaustive ? "exhaustive" : "all-0, all-1 and random");
  for (uint32_t v = 0; v < rep->nvectors; v++) {
    const lw_device_vector *x = &rep->vectors[v];
    if (x->pass && !x->first_fail)
      continue;
    fprintf(out,
            "vector %u: %s, %u wrong outputs, first wrong cell after cycle "
            "T%u (%s)\n",
            v, x->pass ? "pass" : "FAIL", x->wrong_outputs, x->first_fail,
            x->first_fail ? x->first_fail_kind : "-");
  }
  print_cells(out, rep);
  fprintf(out, "\n%-8s %12s %14s\n", "kind", "per eval", "energy (nJ)");
  for (uint32_t k = 0; k < rep->nkinds; k++)
    fprintf(out, "%-8s %12.2f %14.3f\n", rep->kinds[k].name,
            rep->kinds[k].cycles, rep->kinds[k].energy_j * 1e9);
  fprintf(out, "\nenergy per evaluation %.3f nJ, %.1f %% in INIT\n",
          rep->energy_j * 1e9,
          rep->energy_j > 0 ? 100 * rep->init_energy_j / rep->energy_j : 0.0);
  fprintf(out,
          "least margin of a written value %+.4f nm: cell %u, cycle T%u "
          "(input cells: %+.4f nm)\n",
          rep->least_margin_nm, rep->least_cell, rep->least_cycle,
          rep->least_input_margin_nm);
  if (rep->trials)
    print_monte_carlo(out, rep);
  fprintf(out,
          "%u of %u vectors pass (%.3f s, %llu circuits run, %llu "
          "integrated",
          rep->passing, rep->nvectors, rep->seconds,
          (unsigned long long)rep->pmr_runs,
          (unsigned long long)rep->pmr_integrated);
  if (rep->gap_grid_m > 0)
    fprintf(out, ", gap grid %g nm", rep->gap_grid_m * 1e9);
  fprintf(out, ")\n");
  fprintf(out, "%s\n", lw_device_program_passed(rep) ? "PASS" : "FAIL");
}

void lw_device_window_print(FILE *out, const char *gate,
                            const lw_device_window_stats *ws) {
  fprintf(out,
          "lowwear: window of %s: %u of %u points pass, %u with every "
          "static margin >= 0 (%.2f s)\n",
          gate, ws->passing, ws->points, ws->robust, ws->seconds);
}

void lw_device_spice_print(FILE *out, const lw_device_spice_stats *ss,
                           const char *dir) {
  if (ss->ran)
    fprintf(out,
            "lowwear: ngspice: %u of %u decks ran, largest final-gap "
            "difference %.4f nm, %u logic mismatches (%.2f s)\n",
            ss->runs_ok, ss->decks, ss->max_gap_diff_nm, ss->logic_mismatches,
            ss->seconds);
  else
    fprintf(out,
            "lowwear: ngspice not found: %u decks written to %s, not run\n",
            ss->decks, dir);
}

void lw_device_program_spice_print(FILE *out, const lw_device_spice_stats *ss,
                                   const char *dir) {
  if (!ss->ran)
    fprintf(out,
            "lowwear: ngspice not found: the program's deck is in %s, "
            "not run\n",
            dir);
  else if (!ss->runs_ok)
    fprintf(out,
            "lowwear: ngspice did not finish the program's deck in "
            "%s\n",
            dir);
  else
    fprintf(out,
            "lowwear: ngspice, vector 0: largest final-gap difference "
            "%.4f nm, %u cells read differently (%.2f s)\n",
            ss->max_gap_diff_nm, ss->logic_mismatches, ss->seconds);
}
