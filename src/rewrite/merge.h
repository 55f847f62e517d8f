/* The merge rules R1-R3 on the working graph (merge.c): each tries the
 * candidate group rooted at one node and makes the best legal merge that
 * lowers the total under the criterion. */
#ifndef LW_REWRITE_MERGE_H
#define LW_REWRITE_MERGE_H

#include "rewrite/graph.h"
#include "rewrite/rewrite.h"

/* R1/R2 at o = OR2(p, c) with p = NORk or NOT. Returns 1 if merged. */
int lw_rewrite_merge_or(lw_rewrite_graph *g, const lw_rewrite_params *params,
                        uint32_t o, lw_rewrite_stats *stats);
/* R3 at z = NOT(y), y = NOR2(x, c), x = NORk (ONOR) or NOT (IMP). */
int lw_rewrite_merge_not(lw_rewrite_graph *g, const lw_rewrite_params *params,
                         uint32_t z, lw_rewrite_stats *stats);

#endif
