/* The working graph of the rewrite stage: a mutable copy of the mapped net
 * with reader lists, the composite overwriting each value, and a topological
 * order kept valid under the ordering constraints of composites. Every edit
 * is journaled so that a merge can be tried and taken back. */
#ifndef LW_REWRITE_GRAPH_H
#define LW_REWRITE_GRAPH_H

#include <stdint.h>

#include "base/vec.h"
#include "net/gate.h"
#include "net/net.h"

typedef struct lw_rewrite_node {
  uint8_t type; /* lw_gate_type */
  uint8_t nfanin;
  uint8_t dead; /* removed by a merge */
  uint8_t prot; /* primary input, constant or output driver: never
                   overwritten (docs/method.md section 3, "our rule") */
  uint32_t fanin[LW_GATE_MAX_FANIN];
  uint32_t over_by; /* composite that overwrites this value, or LW_NONE */
  uint32_t key;     /* position in the current topological order */
  uint32_t src;     /* id in the input net; LW_NONE for an inserted COPY */
  lw_u32s readers;  /* one entry per fanin slot that reads this value */
} lw_rewrite_node;
LW_VEC_DEFINE(lw_rewrite_nodes, lw_rewrite_node);

typedef struct lw_rewrite_edit {
  uint8_t kind, slot;
  uint32_t node, old;
} lw_rewrite_edit;
LW_VEC_DEFINE(lw_rewrite_edits, lw_rewrite_edit);

typedef struct lw_rewrite_graph {
  lw_rewrite_nodes nodes;
  lw_u32s pos;              /* key -> node, LW_NONE where unused */
  lw_rewrite_edits journal; /* edits since the last commit */
  uint32_t budget;          /* nodes one order update may visit */
  /* scratch of the order search */
  lw_u32s stamp, stack, near, fwd, bwd;
  lw_words sorted;
  uint32_t epoch;
} lw_rewrite_graph;

#define lw_rewrite_at(g, v) (&(g)->nodes.data[v])

/* ---- graph.c: structure and journal ------------------------------------ */

void lw_rewrite_graph_free(lw_rewrite_graph *g);
/* Append a node with no fanins; returns its id (journaled). */
uint32_t lw_rewrite_add_node(lw_rewrite_graph *g, lw_gate_type type,
                             uint32_t src);
/* Give v a new gate type and fanins, keeping reader lists exact. */
void lw_rewrite_rewire(lw_rewrite_graph *g, uint32_t v, lw_gate_type type,
                       uint32_t n, const uint32_t *fanins);
/* Remove v: it stops reading its fanins. */
void lw_rewrite_kill(lw_rewrite_graph *g, uint32_t v);
void lw_rewrite_set_over(lw_rewrite_graph *g, uint32_t y, uint32_t by);
/* Readers of v that are not `except` (slot entries). */
uint32_t lw_rewrite_other_readers(const lw_rewrite_graph *g, uint32_t v,
                                  uint32_t except);
/* Journal position; undo back to it; forget the journal. */
#define lw_rewrite_mark(g) ((g)->journal.size)
void lw_rewrite_undo(lw_rewrite_graph *g, uint32_t mark);
#define lw_rewrite_commit(g) lw_vec_clear(&(g)->journal)
/* Journal one key change (used by order.c). */
void lw_rewrite_set_key(lw_rewrite_graph *g, uint32_t v, uint32_t key);

/* ---- invariants (LW_ASSERT, base/assert.h; nothing without LW_CHECKS) --- */

/* graph.c: every journal entry names an existing node, a known edit and a
 * fanin slot. O(journal). */
void lw_rewrite_check_journal(const lw_rewrite_graph *g);
/* check.c: the whole graph: keys are a topological order of the live nodes
 * (data edges and composites' ordering edges run from a lower key to a
 * higher one, pos is the inverse of key), reader lists match the fanins,
 * over_by matches the composites. O(nodes + edges). */
void lw_rewrite_check(const lw_rewrite_graph *g);

/* ---- order.c: dynamic topological order ---------------------------------- */

typedef enum lw_rewrite_order {
  LW_ORDER_OK,
  LW_ORDER_CYCLE,
  LW_ORDER_BUDGET, /* the search gave up: treated as a cycle */
} lw_rewrite_order;

/* Keys from a topological order of the live nodes (order[i] gets 2i+1: the
 * even keys stay free for COPY nodes placed just before their reader). */
void lw_rewrite_order_init(lw_rewrite_graph *g, const lw_u32s *order);
/* Give the new node v a key just before `before` when one is free, else at
 * the end (lw_rewrite_order_check then moves it). */
void lw_rewrite_order_place(lw_rewrite_graph *g, uint32_t v, uint32_t before);
/* R3 with y kept as NOT(z): z takes y's key and y the free key after it,
 * when there is one, so that only z's ordering edges are left to fix (the
 * plain update would move everything between y and z). Returns 1 if done. */
int lw_rewrite_order_hoist(lw_rewrite_graph *g, uint32_t z, uint32_t y);
/* Restore a valid order after v's edges changed: every predecessor of v
 * (fanins; for a composite, the other readers of its overwritten value) and
 * every successor (readers; composites overwriting a value v reads). */
lw_rewrite_order lw_rewrite_order_check(lw_rewrite_graph *g, uint32_t v);
/* After the checks of one merge (journaled since `mark`): make sure every
 * edge at a node the merge touched (rewired, retyped, overwritten, moved)
 * runs from a lower key to a higher one. The per-edge updates assume every
 * other edge is in order, which does not hold while a merge's new edges are
 * fixed one by one (EPFL mem_ctrl and square closed a cycle that way);
 * edges found out of order are updated again, a few rounds at most, else
 * the merge is refused (LW_ORDER_BUDGET). With every edge in key order the
 * keys are a topological order: the graph stays acyclic. */
lw_rewrite_order lw_rewrite_order_settle(lw_rewrite_graph *g, uint32_t mark);

#endif
