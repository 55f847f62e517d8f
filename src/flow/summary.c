/* map's one summary line: what the flow made and how long it took. */
#include <stdio.h>
#include <string.h>

#include "lowwear/flow.h"

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
  char alt[64] = "";
  if (stats->abc_alternatives > 1)
    snprintf(alt, sizeof alt, ", ABC alternative %d of %d",
             stats->abc_alternative + 1, stats->abc_alternatives);
  char re[192] = "";
  if (p->recompute && stats->plain_latency)
    recompute_note(p, prog, stats, re, sizeof re);
  snprintf(buf, n,
           "%s: flow %s, row %u (min %u), latency %u, gates %u, init "
           "cycles %u, toggle estimate %.3f, %s, %.3f s (abc %.3f, map "
           "%.3f)%s%s",
           strcmp(circuit_path, "-") ? circuit_path : "<stdin>",
           lw_flow_name(p->flow), lw_program_row_size(prog), stats->min_row,
           lw_program_latency(prog), lw_program_gate_cycles(prog),
           lw_program_init_cycles(prog), lw_program_toggle_estimate(prog),
           !p->verify ? "not verified"
           : cec_ran  ? "verified (simulation + cec)"
                      : "verified (simulation)",
           stats->total_seconds, stats->abc_seconds, stats->map_seconds, alt,
           re);
  return buf;
}
