/* The rewrite graph's invariants, walked in full (LW_CHECKS builds only).
 * rewrite.c calls this after every pass and, on small graphs, after every
 * merge attempt (merge.c): a walk per merge would make Debug runs on large
 * netlists quadratic. */
#include "base/assert.h"
#include "rewrite/graph.h"

static int live(const lw_rewrite_graph *g, uint32_t v) {
  return v < g->nodes.size && !g->nodes.data[v].dead;
}

static uint32_t key_of(const lw_rewrite_graph *g, uint32_t v) {
  return g->nodes.data[v].key;
}

/* v's fanins are live, earlier in the order, and list v as a reader as
 * often as v reads them; unused slots are empty. */
static void check_fanins(const lw_rewrite_graph *g, uint32_t v) {
  const lw_rewrite_node *n = &g->nodes.data[v];
  LW_ASSERT(n->nfanin <= LW_GATE_MAX_FANIN);
  for (uint32_t k = 0; k < LW_GATE_MAX_FANIN; k++) {
    uint32_t f = n->fanin[k];
    if (k >= n->nfanin) {
      LW_ASSERT(f == LW_NONE);
      continue;
    }
    LW_ASSERT(live(g, f));
    LW_ASSERT(key_of(g, f) < n->key);
    uint32_t reads = 0, listed = 0;
    for (uint32_t j = 0; j < n->nfanin; j++)
      reads += n->fanin[j] == f;
    lw_vec_foreach (&g->nodes.data[f].readers, i)
      listed += g->nodes.data[f].readers.data[i] == v;
    LW_ASSERT(reads == listed);
  }
}

/* A composite overwrites its operand y, which names it in over_by, after
 * every other reader of y. */
static void check_composite(const lw_rewrite_graph *g, uint32_t v) {
  const lw_rewrite_node *n = &g->nodes.data[v];
  int over = lw_gate(n->type)->over;
  if (over < 0)
    return;
  uint32_t y = n->fanin[over];
  LW_ASSERT(g->nodes.data[y].over_by == v);
  LW_ASSERT(!g->nodes.data[y].prot);
  const lw_u32s *rd = &g->nodes.data[y].readers;
  lw_vec_foreach (rd, i)
    if (rd->data[i] != v)
      LW_ASSERT(key_of(g, rd->data[i]) < n->key);
}

void lw_rewrite_check(const lw_rewrite_graph *g) {
  if (!LW_CHECKS_ON)
    return;
  lw_rewrite_check_journal(g);
  LW_ASSERT(g->stamp.size == g->nodes.size);
  uint32_t edges = 0, entries = 0;
  lw_vec_foreach (&g->nodes, v) {
    const lw_rewrite_node *n = &g->nodes.data[v];
    if (n->dead)
      continue;
    LW_ASSERT(n->key < g->pos.size && g->pos.data[n->key] == v);
    check_fanins(g, v);
    check_composite(g, v);
    if (n->over_by != LW_NONE) {
      LW_ASSERT(live(g, n->over_by));
      const lw_rewrite_node *by = &g->nodes.data[n->over_by];
      LW_ASSERT(lw_gate(by->type)->over >= 0);
      LW_ASSERT(by->fanin[lw_gate(by->type)->over] == v);
    }
    edges += n->nfanin;
    lw_vec_foreach (&n->readers, i)
      LW_ASSERT(live(g, n->readers.data[i]));
    entries += n->readers.size;
  }
  /* every reader entry stands for one fanin slot of a live node */
  LW_ASSERT(edges == entries);
  lw_vec_foreach (&g->pos, k)
    if (g->pos.data[k] != LW_NONE)
      LW_ASSERT(g->pos.data[k] < g->nodes.size);
}
