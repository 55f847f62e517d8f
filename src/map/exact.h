/* The exact minimum row of a netlist over every execution order, by SAT
 * (CaDiCaL): the same netlist and the same rules as lw_map_min_row (a
 * composite gate reuses its operand's cell after the operand's other
 * readers, outputs stay live), no recomputation. docs/exact.md. */
#ifndef LW_MAP_EXACT_H
#define LW_MAP_EXACT_H

#include "lowwear/flow.h"
#include "map/map.h"
#include "map/view.h"

typedef struct lw_map_exact_stats {
  lw_exact_status status; /* LW_EXACT_OPTIMAL or LW_EXACT_TIMEOUT */
  uint32_t heuristic_row; /* the row of the order given */
  uint32_t row;           /* the row of the order returned */
  uint32_t bound;         /* proven: no order needs fewer cells */
  uint32_t solves;        /* SAT calls */
  uint32_t vars, clauses; /* of the encoding */
  double seconds;
} lw_map_exact_stats;

/* order: in, a valid execution order (the heuristic's: the upper bound to
 * beat); out, an order of the least row found, checked with lw_map_min_row.
 * Within time_limit_s seconds of wall time (<= 0: none) the search either
 * proves it minimal (LW_EXACT_OPTIMAL) or stops with the best found and a
 * proven lower bound (LW_EXACT_TIMEOUT). */
lw_status lw_map_exact(const lw_map_view *view, double time_limit_s,
                       lw_u32s *order, lw_map_exact_stats *stats,
                       lw_error *err);

/* An execution order is valid: every executed gate once, each after its
 * children and a composite after the other readers of its operand. */
int lw_map_order_valid(const lw_map_view *view, const lw_u32s *order);

/* net at its exact minimum row: the flow's plain mapping (params, row
 * ignored) of the least-row order found from the best of params->schedules
 * orders. *prog: the program at stats->row when it is below the
 * heuristic's row, else NULL (the heuristic's program stands). */
lw_status lw_map_exact_run(const lw_net *net, const lw_map_params *params,
                           double time_limit_s, lw_map_exact_stats *stats,
                           lw_program **prog, lw_error *err);

#endif
