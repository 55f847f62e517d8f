/* Post-processing (docs/method.md section 3, step 2): merge groups of simple
 * gates of a mapped NOT/NOR/OR netlist into the composite gates IMP and ONOR,
 * with COPY where an overwrite would otherwise be illegal. Used by the flow
 * layer.
 *
 * Contract of the output net, for every composite g with y = fanin[over]:
 *  (a) y is no primary input, no constant and drives no primary output;
 *  (b) no other composite overwrites y;
 *  (c) the netlist plus the edges (other reader of y) -> g is acyclic;
 *  (d) it computes the same outputs, PIs and POs in the same order.
 * NOT-NOT pairs and buffers are collapsed (R4): a primary output may then be
 * driven directly by a primary input or a constant. */
#ifndef LW_REWRITE_REWRITE_H
#define LW_REWRITE_REWRITE_H

#include <stdint.h>

#include "net/net.h"

typedef enum lw_merge_criterion {
  LW_MERGE_TOGGLE, /* lowwear: lower total toggle rate */
  LW_MERGE_GATES   /* losss: fewer gates (latency) */
} lw_merge_criterion;

typedef struct lw_rewrite_params {
  lw_merge_criterion criterion;
  /* 1: L1 exactly as the paper (the overwritten input has no other reader)
   * and L2 as its mirror (no composite reads a value another overwrites) */
  int paper_rules;
  int max_onor_operands; /* 2, or 3 with wide gates */
} lw_rewrite_params;

/* A candidate that would lower the criterion but was not made (in the last
 * pass over the net) counts once in blocked_*, under the reason that stopped
 * its best option: io (the operand is an input, constant or output), l1
 * (strict: the operand has other readers), l2 (the operand is already
 * overwritten by another composite, or strict: an operand of the new gate is
 * overwritten), cycle (the ordering constraints would form a loop, or the
 * bounded search gave up). */
typedef struct lw_rewrite_stats {
  uint32_t r1, r2, r3, r3_kept_not, r4, copies, blocked_l1, blocked_l2,
      blocked_io, blocked_cycle;
  double toggle_before, toggle_after;
  uint32_t gates_before, gates_after;
} lw_rewrite_stats;

/* toggle criterion, paper_rules 0, max_onor_operands 2 */
lw_rewrite_params lw_rewrite_params_default(void);
lw_status lw_rewrite_run(const lw_net *in, const lw_rewrite_params *params,
                         lw_rewrite_stats *stats /* may be NULL */,
                         lw_net **out, lw_error *err);

#endif
