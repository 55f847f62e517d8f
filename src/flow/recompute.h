/* The flow-level use of recomputation (map/recompute.c): over a flow's
 * candidate netlists, the smallest row within the latency budget, and the
 * program there. Only flow/flow.c calls it. */
#ifndef LW_FLOW_RECOMPUTE_H
#define LW_FLOW_RECOMPUTE_H

#include "lowwear/flow.h"
#include "map/map.h"
#include "net/net.h"
#include "net/program.h"

/* *prog: the flow's plain program at its minimum row plain->row (its
 * latency is the budget's base). row 0: the smallest row recomputation
 * reaches within factor x that latency replaces *prog when it is smaller;
 * row below plain->row: the program at row, or LW_ERR_ROW naming the
 * smallest row reached. When *prog is replaced, *net holds the netlist it
 * comes from (the caller frees it) and *chosen the candidate it was made
 * from. Fills stats' recomputation fields. */
lw_status lw_flow_recompute(const lw_net *const *nets, int n,
                            const lw_map_params *plain, uint32_t row,
                            double factor, lw_program **prog, int *chosen,
                            lw_net **net, lw_flow_stats *stats, lw_error *err);

#endif
