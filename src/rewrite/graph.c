/* Journaled edits of the rewrite stage's working graph. A merge is applied
 * first and judged after (legality, then the order update); when it fails,
 * lw_rewrite_undo replays the journal backwards. Reader lists may come back
 * in another order: nothing depends on the order inside a list. */
#include "rewrite/graph.h"

#include "base/assert.h"

enum {
  EDIT_FANIN, /* node.fanin[slot] was old */
  EDIT_SHAPE, /* node.type | nfanin << 8 was old */
  EDIT_KILL,  /* node was alive */
  EDIT_OVER,  /* node.over_by was old */
  EDIT_KEY,   /* node.key was old */
  EDIT_NEW,   /* node was appended */
  EDIT_KINDS
};

static void journal(lw_rewrite_graph *g, int kind, uint32_t node, int slot,
                    uint32_t old) {
  lw_rewrite_edit e = {(uint8_t)kind, (uint8_t)slot, node, old};
  lw_vec_push(&g->journal, e);
}

static void add_reader(lw_rewrite_graph *g, uint32_t v, uint32_t r) {
  lw_vec_push(&lw_rewrite_at(g, v)->readers, r);
}

/* Remove one entry r from v's readers (swap with the last one). */
static void remove_reader(lw_rewrite_graph *g, uint32_t v, uint32_t r) {
  lw_u32s *rd = &lw_rewrite_at(g, v)->readers;
  for (uint32_t i = 0; i < rd->size; i++)
    if (rd->data[i] == r) {
      rd->data[i] = rd->data[rd->size - 1];
      rd->size--;
      return;
    }
}

void lw_rewrite_graph_free(lw_rewrite_graph *g) {
  lw_vec_foreach (&g->nodes, i)
    lw_vec_free(&g->nodes.data[i].readers);
  lw_vec_free(&g->nodes);
  lw_vec_free(&g->pos);
  lw_vec_free(&g->journal);
  lw_vec_free(&g->stamp);
  lw_vec_free(&g->stack);
  lw_vec_free(&g->near);
  lw_vec_free(&g->fwd);
  lw_vec_free(&g->bwd);
  lw_vec_free(&g->sorted);
}

uint32_t lw_rewrite_add_node(lw_rewrite_graph *g, lw_gate_type type,
                             uint32_t src) {
  lw_rewrite_node node = {
      .type = (uint8_t)type, .over_by = LW_NONE, .key = LW_NONE, .src = src};
  for (int k = 0; k < LW_GATE_MAX_FANIN; k++)
    node.fanin[k] = LW_NONE;
  uint32_t id = g->nodes.size;
  lw_vec_push(&g->nodes, node);
  lw_vec_push(&g->stamp, 0);
  journal(g, EDIT_NEW, id, 0, 0);
  return id;
}

static void set_fanin(lw_rewrite_graph *g, uint32_t v, int k, uint32_t f) {
  lw_rewrite_node *n = lw_rewrite_at(g, v);
  uint32_t old = n->fanin[k];
  journal(g, EDIT_FANIN, v, k, old);
  n->fanin[k] = f;
  if (old != LW_NONE)
    remove_reader(g, old, v);
  if (f != LW_NONE)
    add_reader(g, f, v);
}

void lw_rewrite_rewire(lw_rewrite_graph *g, uint32_t v, lw_gate_type type,
                       uint32_t n, const uint32_t *fanins) {
  lw_rewrite_node *node = lw_rewrite_at(g, v);
  for (int k = 0; k < LW_GATE_MAX_FANIN; k++)
    if (node->fanin[k] != LW_NONE)
      set_fanin(g, v, k, LW_NONE);
  journal(g, EDIT_SHAPE, v, 0, node->type | (uint32_t)node->nfanin << 8);
  node->type = (uint8_t)type;
  node->nfanin = (uint8_t)n;
  for (uint32_t k = 0; k < n; k++)
    set_fanin(g, v, (int)k, fanins[k]);
}

void lw_rewrite_kill(lw_rewrite_graph *g, uint32_t v) {
  lw_rewrite_node *n = lw_rewrite_at(g, v);
  journal(g, EDIT_KILL, v, 0, 0);
  n->dead = 1;
  for (uint32_t k = 0; k < n->nfanin; k++)
    if (n->fanin[k] != LW_NONE)
      remove_reader(g, n->fanin[k], v);
}

void lw_rewrite_set_over(lw_rewrite_graph *g, uint32_t y, uint32_t by) {
  journal(g, EDIT_OVER, y, 0, lw_rewrite_at(g, y)->over_by);
  lw_rewrite_at(g, y)->over_by = by;
}

void lw_rewrite_set_key(lw_rewrite_graph *g, uint32_t v, uint32_t key) {
  lw_rewrite_node *n = lw_rewrite_at(g, v);
  journal(g, EDIT_KEY, v, 0, n->key);
  if (n->key != LW_NONE && g->pos.data[n->key] == v)
    g->pos.data[n->key] = LW_NONE;
  n->key = key;
  g->pos.data[key] = v;
}

uint32_t lw_rewrite_other_readers(const lw_rewrite_graph *g, uint32_t v,
                                  uint32_t except) {
  const lw_u32s *rd = &g->nodes.data[v].readers;
  uint32_t n = 0;
  for (uint32_t i = 0; i < rd->size; i++)
    n += rd->data[i] != except;
  return n;
}

void lw_rewrite_undo(lw_rewrite_graph *g, uint32_t mark) {
  while (g->journal.size > mark) {
    lw_rewrite_edit e = lw_vec_pop(&g->journal);
    lw_rewrite_node *n = lw_rewrite_at(g, e.node);
    switch (e.kind) {
    case EDIT_FANIN:
      if (n->fanin[e.slot] != LW_NONE)
        remove_reader(g, n->fanin[e.slot], e.node);
      if (e.old != LW_NONE)
        add_reader(g, e.old, e.node);
      n->fanin[e.slot] = e.old;
      break;
    case EDIT_SHAPE:
      n->type = (uint8_t)(e.old & 0xff);
      n->nfanin = (uint8_t)(e.old >> 8);
      break;
    case EDIT_KILL:
      n->dead = 0;
      for (uint32_t k = 0; k < n->nfanin; k++)
        if (n->fanin[k] != LW_NONE)
          add_reader(g, n->fanin[k], e.node);
      break;
    case EDIT_OVER:
      n->over_by = e.old;
      break;
    case EDIT_KEY:
      /* keys move within one pool of keys: restoring every journaled key,
       * newest first, gives each key back to its first owner */
      if (n->key != LW_NONE && g->pos.data[n->key] == e.node)
        g->pos.data[n->key] = LW_NONE;
      n->key = e.old;
      if (e.old != LW_NONE)
        g->pos.data[e.old] = e.node;
      break;
    case EDIT_NEW:
      /* the newest node: everything journaled after it is undone already */
      lw_vec_free(&n->readers);
      g->nodes.size--;
      g->stamp.size--;
      break;
    }
  }
}

void lw_rewrite_check_journal(const lw_rewrite_graph *g) {
  if (!LW_CHECKS_ON)
    return;
  lw_vec_foreach (&g->journal, i) {
    const lw_rewrite_edit *e = &g->journal.data[i];
    LW_ASSERT(e->kind < EDIT_KINDS);
    LW_ASSERT(e->node < g->nodes.size);
    LW_ASSERT(e->slot < LW_GATE_MAX_FANIN);
    /* an appended node is undone first: nothing older may name it */
    if (e->kind == EDIT_NEW)
      for (uint32_t j = 0; j < i; j++)
        LW_ASSERT(g->journal.data[j].node != e->node);
  }
}
