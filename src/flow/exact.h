/* map --exact in the flows (docs/exact.md): the chosen netlist at its exact
 * minimum row, and how the summary line tells it. */
#ifndef LW_FLOW_EXACT_H
#define LW_FLOW_EXACT_H

#include <stddef.h>

#include "lowwear/flow.h"
#include "map/map.h"

/* The exact search on net (the heuristic chose it at its minimum row;
 * *prog is the heuristic's program at that row). *prog is replaced by the
 * plain mapping at the exact row when the search finds a smaller row;
 * stats (may be NULL) receives exact_*, map_seconds the search's time. A
 * netlist of more than p->exact_max_gates gates is skipped. */
lw_status lw_flow_exact(const lw_net *net, const lw_map_params *plain,
                        const lw_flow_params *p, lw_flow_stats *stats,
                        double *map_seconds, lw_program **prog, lw_error *err);

/* The summary line's row note, e.g. "exact; heuristic 15" or "heuristic;
 * exact >= 13, time limit 60 s"; "" without --exact. Returns buf. */
char *lw_flow_exact_note(const lw_flow_params *p, const lw_flow_stats *stats,
                         char *buf, size_t n);

#endif
