/* map's one summary line: what the flow made and how long it took. */
#include <stdio.h>
#include <string.h>

#include "flow/exact.h"
#include "lowwear/flow.h"

char *lw_flow_summary(const char *circuit_path, const lw_program *prog,
                      const lw_flow_params *p, const lw_flow_stats *stats,
                      int cec_ran, char *buf, size_t n) {
  char alt[64] = "";
  if (stats->abc_alternatives > 1)
    snprintf(alt, sizeof alt, ", ABC alternative %d of %d",
             stats->abc_alternative + 1, stats->abc_alternatives);
  char min[160], note[128];
  if (stats->exact_status != LW_EXACT_OFF)
    snprintf(min, sizeof min, "%s",
             lw_flow_exact_note(p, stats, note, sizeof note));
  else
    snprintf(min, sizeof min, "min %u", stats->min_row);
  snprintf(buf, n,
           "%s: flow %s, row %u (%s), latency %u, gates %u, init "
           "cycles %u, toggle estimate %.3f, %s, %.3f s (abc %.3f, map "
           "%.3f)%s",
           strcmp(circuit_path, "-") ? circuit_path : "<stdin>",
           lw_flow_name(p->flow), lw_program_row_size(prog), min,
           lw_program_latency(prog), lw_program_gate_cycles(prog),
           lw_program_init_cycles(prog), lw_program_toggle_estimate(prog),
           !p->verify ? "not verified"
           : cec_ran  ? "verified (simulation + cec)"
                      : "verified (simulation)",
           stats->total_seconds, stats->abc_seconds, stats->map_seconds, alt);
  return buf;
}
