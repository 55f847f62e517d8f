/* The cycle check of the rewrite stage: a topological order of the working
 * graph kept valid while merges add edges, after Pearce and Kelly's dynamic
 * topological sort. Edges are data edges (fanin -> reader) and, for every
 * composite g overwriting y, ordering edges (other reader of y) -> g.
 *
 * Why this and not a search per merge: a merge only adds edges at the nodes
 * it rewires, and an edge u -> v needs work only when u comes after v in the
 * current order. Then only the nodes whose keys lie between v and u are
 * searched (forward from v, backward from u), and the two sets found swap
 * places within their own keys. Merges are local, so the region is small and
 * the stage stays near-linear; a region larger than g->budget nodes is given
 * up and the merge treated as if it closed a cycle (safe: the merge is not
 * made), so the worst case is bounded by budget work per merge attempt. */
#include <stdlib.h>

#include "rewrite/graph.h"

void lw_rewrite_order_init(lw_rewrite_graph *g, const lw_u32s *order) {
  lw_vec_clear(&g->pos);
  lw_vec_reserve(&g->pos, 2 * order->size + 2);
  for (uint32_t k = 0; k < 2 * order->size + 2; k++)
    lw_vec_push(&g->pos, LW_NONE);
  lw_vec_foreach (order, i) {
    uint32_t v = order->data[i];
    lw_rewrite_at(g, v)->key = 2 * i + 1;
    g->pos.data[2 * i + 1] = v;
  }
}

void lw_rewrite_order_place(lw_rewrite_graph *g, uint32_t v, uint32_t before) {
  uint32_t kb = lw_rewrite_at(g, before)->key;
  if (kb > 0 && g->pos.data[kb - 1] == LW_NONE) {
    lw_rewrite_set_key(g, v, kb - 1);
    return;
  }
  lw_vec_push(&g->pos, LW_NONE);
  lw_rewrite_set_key(g, v, g->pos.size - 1);
}

int lw_rewrite_order_hoist(lw_rewrite_graph *g, uint32_t z, uint32_t y) {
  uint32_t ky = lw_rewrite_at(g, y)->key;
  if (ky + 1 >= g->pos.size || g->pos.data[ky + 1] != LW_NONE ||
      lw_rewrite_at(g, z)->key < ky)
    return 0;
  lw_rewrite_set_key(g, y, ky + 1);
  lw_rewrite_set_key(g, z, ky);
  return 1;
}

/* Successors: readers, and the composites overwriting a value w reads. */
static void successors(const lw_rewrite_graph *g, uint32_t w, lw_u32s *out) {
  const lw_rewrite_node *n = &g->nodes.data[w];
  lw_vec_clear(out);
  lw_vec_foreach (&n->readers, i)
    lw_vec_push(out, n->readers.data[i]);
  for (uint32_t k = 0; k < n->nfanin; k++) {
    uint32_t by = g->nodes.data[n->fanin[k]].over_by;
    if (by != LW_NONE && by != w)
      lw_vec_push(out, by);
  }
}

/* Predecessors: fanins, and for a composite the other readers of y. */
static void predecessors(const lw_rewrite_graph *g, uint32_t w, lw_u32s *out) {
  const lw_rewrite_node *n = &g->nodes.data[w];
  lw_vec_clear(out);
  for (uint32_t k = 0; k < n->nfanin; k++)
    lw_vec_push(out, n->fanin[k]);
  int over = lw_gate(n->type)->over;
  if (over >= 0) {
    const lw_u32s *rd = &g->nodes.data[n->fanin[over]].readers;
    lw_vec_foreach (rd, i)
      if (rd->data[i] != w)
        lw_vec_push(out, rd->data[i]);
  }
}

static int by_key(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

static void collect(const lw_rewrite_graph *g, const lw_u32s *set,
                    lw_words *out) {
  uint32_t first = out->size;
  lw_vec_foreach (set, i) {
    uint32_t v = set->data[i];
    lw_vec_push(out, (uint64_t)g->nodes.data[v].key << 32 | v);
  }
  qsort(out->data + first, out->size - first, sizeof *out->data, by_key);
}

/* Make room for the edge u -> v. */
static lw_rewrite_order add_edge(lw_rewrite_graph *g, uint32_t u, uint32_t v) {
  uint32_t ku = lw_rewrite_at(g, u)->key, kv = lw_rewrite_at(g, v)->key;
  if (ku < kv)
    return LW_ORDER_OK;
  if (u == v)
    return LW_ORDER_CYCLE;
  if (g->epoch > UINT32_MAX - 4) {
    lw_vec_foreach (&g->stamp, i)
      g->stamp.data[i] = 0;
    g->epoch = 0;
  }
  uint32_t fmark = g->epoch + 1, bmark = g->epoch + 2, visits = 0;
  g->epoch += 2;
  /* forward from v through keys below ku: meeting u closes a cycle */
  lw_vec_clear(&g->fwd);
  lw_vec_clear(&g->stack);
  lw_vec_push(&g->stack, v);
  g->stamp.data[v] = fmark;
  while (g->stack.size) {
    uint32_t w = lw_vec_pop(&g->stack);
    lw_vec_push(&g->fwd, w);
    successors(g, w, &g->near);
    lw_vec_foreach (&g->near, i) {
      uint32_t s = g->near.data[i];
      if (s == u)
        return LW_ORDER_CYCLE;
      if (g->nodes.data[s].key < ku && g->stamp.data[s] != fmark) {
        if (++visits > g->budget)
          return LW_ORDER_BUDGET;
        g->stamp.data[s] = fmark;
        lw_vec_push(&g->stack, s);
      }
    }
  }
  /* backward from u through keys above kv */
  lw_vec_clear(&g->bwd);
  lw_vec_push(&g->stack, u);
  g->stamp.data[u] = bmark;
  while (g->stack.size) {
    uint32_t w = lw_vec_pop(&g->stack);
    lw_vec_push(&g->bwd, w);
    predecessors(g, w, &g->near);
    lw_vec_foreach (&g->near, i) {
      uint32_t q = g->near.data[i];
      if (g->nodes.data[q].key > kv && g->stamp.data[q] != bmark) {
        if (++visits > g->budget)
          return LW_ORDER_BUDGET;
        g->stamp.data[q] = bmark;
        lw_vec_push(&g->stack, q);
      }
    }
  }
  /* the backward set, then the forward set, each in its old order, take
   * the pool of their keys in increasing order */
  lw_vec_clear(&g->sorted);
  collect(g, &g->bwd, &g->sorted);
  collect(g, &g->fwd, &g->sorted);
  lw_words pool = {0};
  lw_vec_foreach (&g->sorted, i)
    lw_vec_push(&pool, g->sorted.data[i] >> 32);
  qsort(pool.data, pool.size, sizeof *pool.data, by_key);
  lw_vec_foreach (&g->sorted, i) {
    uint32_t w = (uint32_t)g->sorted.data[i];
    if (g->nodes.data[w].key != (uint32_t)pool.data[i])
      lw_rewrite_set_key(g, w, (uint32_t)pool.data[i]);
  }
  lw_vec_free(&pool);
  return LW_ORDER_OK;
}

/* Edges out of key order at the nodes journaled since mark, as pairs. */
static void out_of_order(lw_rewrite_graph *g, uint32_t mark, lw_u32s *bad) {
  lw_vec_clear(bad);
  uint32_t epoch = ++g->epoch;
  lw_u32s near = {0};
  for (uint32_t i = mark; i < g->journal.size; i++) {
    uint32_t w = g->journal.data[i].node;
    if (w >= g->nodes.size || g->stamp.data[w] == epoch)
      continue;
    g->stamp.data[w] = epoch;
    if (g->nodes.data[w].dead)
      continue;
    uint32_t kw = g->nodes.data[w].key;
    predecessors(g, w, &near);
    lw_vec_foreach (&near, j)
      if (g->nodes.data[near.data[j]].key >= kw) {
        lw_vec_push(bad, near.data[j]);
        lw_vec_push(bad, w);
      }
    successors(g, w, &near);
    lw_vec_foreach (&near, j)
      if (g->nodes.data[near.data[j]].key <= kw) {
        lw_vec_push(bad, w);
        lw_vec_push(bad, near.data[j]);
      }
  }
  lw_vec_free(&near);
}

lw_rewrite_order lw_rewrite_order_settle(lw_rewrite_graph *g, uint32_t mark) {
  lw_u32s bad = {0};
  lw_rewrite_order st = LW_ORDER_OK;
  for (int round = 0; st == LW_ORDER_OK; round++) {
    if (g->epoch > UINT32_MAX - 4) {
      lw_vec_foreach (&g->stamp, i)
        g->stamp.data[i] = 0;
      g->epoch = 0;
    }
    out_of_order(g, mark, &bad);
    if (!bad.size)
      break;
    if (round == 4) {
      st = LW_ORDER_BUDGET;
      break;
    }
    for (uint32_t i = 0; i + 1 < bad.size && st == LW_ORDER_OK; i += 2)
      st = add_edge(g, bad.data[i], bad.data[i + 1]);
  }
  lw_vec_free(&bad);
  return st;
}

lw_rewrite_order lw_rewrite_order_check(lw_rewrite_graph *g, uint32_t v) {
  lw_u32s ends = {0};
  lw_rewrite_order st = LW_ORDER_OK;
  predecessors(g, v, &ends);
  lw_vec_foreach (&ends, i)
    if (st == LW_ORDER_OK)
      st = add_edge(g, ends.data[i], v);
  if (st == LW_ORDER_OK) {
    successors(g, v, &ends);
    lw_vec_foreach (&ends, i)
      if (st == LW_ORDER_OK)
        st = add_edge(g, v, ends.data[i]);
  }
  lw_vec_free(&ends);
  return st;
}
