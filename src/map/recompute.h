/* Recomputation (the pebbling trade-off): a value kept alive across a long
 * gap between its readers holds a cell all that time; running its gate (or
 * a small cone of gates) again just before the later readers frees the cell
 * over the gap, at the price of cycles and toggles. lw_map_recompute
 * duplicates gates of a netlist, one choice at a time, while the minimum
 * row drops and the program's latency stays within a budget. */
#ifndef LW_MAP_RECOMPUTE_H
#define LW_MAP_RECOMPUTE_H

#include "map/map.h"

typedef struct lw_recompute_params {
  uint32_t target_row;     /* stop once the minimum row is at most this;
                              0 = as small as the budget allows */
  uint32_t latency_budget; /* most cycles the program at the row reached
                              may take (at that row) */
  uint32_t max_cone;       /* gates recomputed for one value; 0 = 3 */
  uint32_t tries;          /* choices tried per step; 0 = 16 */
  uint64_t work;           /* work limit in node visits (deterministic,
                              no clock); 0 = 400 x the netlist's size x
                              the execution orders tried */
} lw_recompute_params;

typedef struct lw_recompute_stats {
  uint32_t plain_row;    /* minimum row of the netlist as given */
  uint32_t row;          /* minimum row of the netlist returned */
  uint32_t latency;      /* its program's latency at that row */
  uint32_t copies;       /* gates added (recomputed) */
  uint32_t steps, tried; /* choices accepted, choices evaluated */
  uint64_t work;         /* node visits spent */
  int budget_stopped;    /* some smaller row exceeded the latency budget */
} lw_recompute_stats;

/* A netlist computing the same function as net whose minimum row under
 * params (lw_map_run's rules, plain mapping) is as small as the search
 * reached, never larger than net's, with its program at that row within
 * rp->latency_budget cycles. *out is a new netlist (a copy of net when
 * nothing helped). Composite gates are never duplicated; a composite that
 * overwrites a value read later overwrites its copy instead. */
lw_status lw_map_recompute(const lw_net *net, const lw_map_params *params,
                           const lw_recompute_params *rp,
                           lw_recompute_stats *stats, lw_net **out,
                           lw_error *err);

#endif
