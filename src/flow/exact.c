#include "flow/exact.h"

#include <stdio.h>

#include "map/exact.h"
#include "net/program.h"

static uint32_t gate_count(const lw_net *net) {
  uint32_t gates = 0;
  lw_net_foreach_node (net, id)
    gates += lw_gate_is_stateful(lw_net_type(net, id));
  return gates;
}

static double time_limit(const lw_flow_params *p) {
  return p->exact_seconds > 0 ? p->exact_seconds : LW_FLOW_EXACT_SECONDS;
}

lw_status lw_flow_exact(const lw_net *net, const lw_map_params *plain,
                        const lw_flow_params *p, lw_flow_stats *stats,
                        double *map_seconds, lw_program **prog, lw_error *err) {
  lw_flow_stats local;
  if (!stats)
    stats = &local;
  uint32_t row = lw_program_row_size(*prog);
  stats->heuristic_row = stats->exact_row = row;
  stats->exact_bound = 0;
  stats->exact_seconds = 0;
  if (p->exact_max_gates && gate_count(net) > p->exact_max_gates) {
    stats->exact_status = LW_EXACT_SKIPPED;
    return LW_OK;
  }
  lw_map_exact_stats es;
  lw_program *exact = NULL;
  lw_status st = lw_map_exact_run(net, plain, time_limit(p), &es, &exact, err);
  if (st != LW_OK)
    return st;
  stats->exact_status = es.status;
  stats->exact_seconds = es.seconds;
  *map_seconds += es.seconds;
  /* the search starts from map/'s own order; the flow's row may be lower */
  stats->exact_row = es.row < row ? es.row : row;
  stats->exact_bound = es.bound < row ? es.bound : row;
  if (exact && es.row < row) {
    lw_program_free(*prog);
    *prog = exact;
  } else {
    lw_program_free(exact);
  }
  return LW_OK;
}

char *lw_flow_exact_note(const lw_flow_params *p, const lw_flow_stats *stats,
                         char *buf, size_t n) {
  uint32_t h = stats->heuristic_row, b = stats->exact_bound;
  double s = time_limit(p);
  switch (stats->exact_status) {
  case LW_EXACT_OPTIMAL:
    snprintf(buf, n, "exact; heuristic %u", h);
    break;
  case LW_EXACT_TIMEOUT:
    if (stats->exact_row < h)
      snprintf(buf, n, "best found; heuristic %u; exact >= %u, time limit %g s",
               h, b, s);
    else
      snprintf(buf, n, "heuristic; exact >= %u, time limit %g s", b, s);
    break;
  case LW_EXACT_SKIPPED:
    snprintf(buf, n, "heuristic; exact skipped, over %u gates",
             p->exact_max_gates);
    break;
  default:
    snprintf(buf, n, "%s", "");
  }
  return buf;
}
