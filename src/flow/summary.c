/* map's one summary line: what the flow made and how long it took. */
#include <stdio.h>
#include <string.h>

#include "flow/exact.h"
#include "lowwear/flow.h"

/* Which netlist the program came from, when not the flow's own, and why. */
static void netlist_text(const lw_flow_stats *stats, char *buf, size_t n) {
  static const char *const source[] = {
      [LW_FLOW_NETLIST_OWN] = "",
      [LW_FLOW_NETLIST_PAPER] = "the paper-gate netlist",
      [LW_FLOW_NETLIST_SIMPLER] = "SIMPLER's netlist, rewritten",
      [LW_FLOW_NETLIST_SIMPLER_ASIS] = "SIMPLER's netlist as it is"};
  static const char *const why[] = {
      [LW_FLOW_WHY_OWN] = "",
      [LW_FLOW_WHY_ROW] = "the flow's own does not fit the row",
      [LW_FLOW_WHY_TOGGLE] = "lower toggle estimate",
      [LW_FLOW_WHY_LATENCY] = "the flow's own is slower than SIMPLER"};
  buf[0] = 0;
  if (stats->netlist != LW_FLOW_NETLIST_OWN)
    snprintf(buf, n, ", %s (%s)", source[stats->netlist],
             why[stats->netlist_reason]);
}

/* With --recompute: the plain minimum row, the row reached, the latency
 * paid for it and the factor over the plain program's. */
static void recompute_note(const lw_flow_params *p, const lw_program *prog,
                           const lw_flow_stats *stats, char *buf, size_t n) {
  double budget = p->latency_budget > 0 ? p->latency_budget
                                        : LW_FLOW_DEFAULT_LATENCY_BUDGET;
  if (!stats->recomputed) {
    snprintf(buf, n,
             ", recomputation: no smaller row than %u within latency budget "
             "%g",
             stats->min_row, budget);
    return;
  }
  uint32_t lat = lw_program_latency(prog);
  snprintf(buf, n,
           ", recomputation: plain min row %u, row reached %u, latency %u -> "
           "%u (x%.2f, budget %g), %u gates recomputed",
           stats->min_row, stats->recompute_row, stats->plain_latency, lat,
           (double)lat / stats->plain_latency, budget, stats->recompute_copies);
}

char *lw_flow_summary(const char *circuit_path, const lw_program *prog,
                      const lw_flow_params *p, const lw_flow_stats *stats,
                      int cec_ran, char *buf, size_t n) {
  char alt[64] = "", netlist[128], slow[128] = "";
  if (stats->abc_alternatives > 1)
    snprintf(alt, sizeof alt, ", ABC alternative %d of %d",
             stats->abc_alternative + 1, stats->abc_alternatives);
  char re[192] = "";
  if (p->recompute && stats->plain_latency)
    recompute_note(p, prog, stats, re, sizeof re);
  netlist_text(stats, netlist, sizeof netlist);
  if (stats->latency_unmatched)
    snprintf(slow, sizeof slow,
             "; latency %u > SIMPLER's %u at this row: no candidate matches it",
             lw_program_latency(prog), stats->simpler_latency);
  char min[160], note[128];
  if (stats->exact_status != LW_EXACT_OFF)
    snprintf(min, sizeof min, "%s",
             lw_flow_exact_note(p, stats, note, sizeof note));
  else
    snprintf(min, sizeof min, "min %u", stats->min_row);
  snprintf(buf, n,
           "%s: flow %s, row %u (%s), latency %u, gates %u, init "
           "cycles %u, toggle estimate %.3f, %s, %.3f s (abc %.3f, map "
           "%.3f)%s%s%s%s",
           strcmp(circuit_path, "-") ? circuit_path : "<stdin>",
           lw_flow_name(p->flow), lw_program_row_size(prog), min,
           lw_program_latency(prog), lw_program_gate_cycles(prog),
           lw_program_init_cycles(prog), lw_program_toggle_estimate(prog),
           !p->verify ? "not verified"
           : cec_ran  ? "verified (simulation + cec)"
                      : "verified (simulation)",
           stats->total_seconds, stats->abc_seconds, stats->map_seconds, alt,
           netlist, slow, re);
  return buf;
}
