/* Merge rules (docs/method.md section 3, step 2) as options on a candidate:
 *   R1  o = OR(p, c), p = NORk(a..)     ->  o = ONORk(a..; c)
 *   R2  o = OR(p, c), p = NOT(a)        ->  o = IMP(a; c)
 *   R3  z = NOT(y), y = NOR(x, c), x = NORk(a..) or NOT(a)
 *                                        ->  z = ONORk(a..; c) or IMP(a; c)
 *       (z = !NOR(x, c) = x | c); y = NOT(z) is kept if y is still read.
 * Either input of the OR (of y for R3) may be the inner gate; the other one,
 * c, is overwritten, or a COPY of it when c may not be overwritten. Each
 * option is scored by what it saves under the criterion (the inner gate is
 * saved only when nothing else reads it), options are tried best first, and
 * the first legal one is made. Legality: PI/PO/constant protection, L1, L2,
 * then the order update (order.c) with the new edges. */
#include <stdlib.h>

#include "rewrite/merge.h"

#include "base/assert.h"

typedef enum reason {
  LEGAL,
  BLOCK_IO,
  BLOCK_L1,
  BLOCK_L2,
  BLOCK_CYCLE,
} reason;

typedef struct option {
  uint32_t top;         /* becomes the composite: the OR, or the NOT z of R3 */
  uint32_t mid;         /* R3: y; LW_NONE otherwise */
  uint32_t inner;       /* the gate absorbed: p, or x of R3 */
  uint32_t c;           /* overwritten operand (or the value copied) */
  uint32_t reader_of_c; /* the node that reads c before the merge */
  lw_gate_type type;
  int copy, mid_kept, slot;
  uint32_t c_readers;
  double gain[2]; /* under the criterion, then under the other one */
} option;

static double gates_of(lw_gate_type t) { return lw_gate_is_stateful(t); }

/* The composite that absorbs an inner gate of type t, or LW_GATE_COUNT. */
static lw_gate_type composite_for(lw_gate_type t, int max_ops) {
  lw_fn want;
  int k = lw_gate(t)->arity;
  if (lw_gate(t)->fn == LW_FN_NOT)
    want = LW_FN_IMP;
  else if (lw_gate(t)->fn == LW_FN_NOR && k <= max_ops)
    want = LW_FN_ONOR;
  else
    return LW_GATE_COUNT;
  for (int c = 0; c < LW_GATE_COUNT; c++)
    if (lw_gate(c)->fn == want && lw_gate(c)->arity == k + 1 &&
        lw_gate_is_stateful(c))
      return c;
  return LW_GATE_COUNT;
}

static int is_two_input(lw_gate_type t, lw_fn fn) {
  return lw_gate(t)->fn == fn && lw_gate(t)->arity == 2 &&
         lw_gate_is_stateful(t);
}

/* The inner gate's operands must be distinct and must not include c: no
 * gate reads the cell it writes, and no cell is read twice by one gate. */
static int operands_ok(const lw_rewrite_graph *g, uint32_t inner, uint32_t c) {
  const lw_rewrite_node *n = &g->nodes.data[inner];
  for (uint32_t i = 0; i < n->nfanin; i++) {
    if (n->fanin[i] == c)
      return 0;
    for (uint32_t j = 0; j < i; j++)
      if (n->fanin[i] == n->fanin[j])
        return 0;
  }
  return 1;
}

/* Fill the toggle and gate savings of an option; `removed` are the gates
 * the merge deletes besides the inner one, `added` the gates it creates
 * besides the composite. */
static void score(const lw_rewrite_graph *g, const lw_rewrite_params *params,
                  option *o, const lw_gate_type *removed, int nremoved,
                  double inner_dies) {
  double toggle = -lw_gate(o->type)->rate, gates = -gates_of(o->type);
  for (int i = 0; i < nremoved; i++) {
    toggle += lw_gate(removed[i])->rate;
    gates += gates_of(removed[i]);
  }
  lw_gate_type inner = g->nodes.data[o->inner].type;
  /* inner_dies is the share of the inner gate this merge removes: 1 when
   * nothing else reads it, 1/k when k ORs read it and merging each of them
   * removes it at the last one */
  toggle += inner_dies * lw_gate(inner)->rate;
  gates += inner_dies * gates_of(inner);
  if (o->mid_kept) {
    toggle -= lw_gate(LW_GATE_NOT)->rate;
    gates -= gates_of(LW_GATE_NOT);
  }
  if (o->copy) {
    toggle -= lw_gate(LW_GATE_COPY)->rate;
    gates -= gates_of(LW_GATE_COPY);
  }
  int by_gates = params->criterion == LW_MERGE_GATES;
  o->gain[0] = by_gates ? gates : toggle;
  o->gain[1] = by_gates ? toggle : gates;
}

static int better(const void *pa, const void *pb) {
  const option *a = pa, *b = pb;
  for (int k = 0; k < 2; k++)
    if (a->gain[k] != b->gain[k])
      return a->gain[k] > b->gain[k] ? -1 : 1;
  if (a->copy != b->copy)
    return a->copy - b->copy;
  if (a->c_readers != b->c_readers)
    return a->c_readers < b->c_readers ? -1 : 1;
  return a->slot - b->slot;
}

static reason precheck(const lw_rewrite_graph *g,
                       const lw_rewrite_params *params, const option *o) {
  const lw_rewrite_node *c = &g->nodes.data[o->c];
  if (!o->copy) {
    if (c->prot)
      return BLOCK_IO;
    if (c->over_by != LW_NONE)
      return BLOCK_L2;
    if (params->paper_rules &&
        lw_rewrite_other_readers(g, o->c, o->reader_of_c) > 0)
      return BLOCK_L1;
  } else if (params->paper_rules && c->over_by != LW_NONE) {
    return BLOCK_L2; /* the COPY would be a second reader of c */
  }
  if (params->paper_rules) {
    const lw_rewrite_node *in = &g->nodes.data[o->inner];
    for (uint32_t k = 0; k < in->nfanin; k++)
      if (g->nodes.data[in->fanin[k]].over_by != LW_NONE)
        return BLOCK_L2;
  }
  return LEGAL;
}

/* Rewire the group; judge the new edges by the order update. */
static lw_rewrite_order apply(lw_rewrite_graph *g, const option *o) {
  uint32_t mark = lw_rewrite_mark(g);
  uint32_t y = o->c;
  if (o->copy) {
    y = lw_rewrite_add_node(g, LW_GATE_COPY, LW_NONE);
    lw_rewrite_rewire(g, y, LW_GATE_COPY, 1, &o->c);
    lw_rewrite_order_place(g, y, o->top);
  }
  const lw_gate_info *info = lw_gate(o->type);
  uint32_t fan[LW_GATE_MAX_FANIN];
  const lw_rewrite_node *in = lw_rewrite_at(g, o->inner);
  for (int k = 0, j = 0; k < info->arity; k++)
    fan[k] = k == info->over ? y : in->fanin[j++];
  lw_rewrite_rewire(g, o->top, o->type, (uint32_t)info->arity, fan);
  lw_rewrite_set_over(g, y, o->top);
  if (o->mid != LW_NONE) {
    if (o->mid_kept) {
      lw_rewrite_rewire(g, o->mid, LW_GATE_NOT, 1, &o->top);
      lw_rewrite_order_hoist(g, o->top, o->mid);
    } else
      lw_rewrite_kill(g, o->mid);
  }
  const lw_rewrite_node *inner = lw_rewrite_at(g, o->inner);
  if (!inner->prot && inner->readers.size == 0)
    lw_rewrite_kill(g, o->inner);
  lw_rewrite_order st = lw_rewrite_order_check(g, o->top);
  if (st == LW_ORDER_OK && o->copy)
    st = lw_rewrite_order_check(g, y);
  if (st == LW_ORDER_OK && o->mid != LW_NONE && o->mid_kept)
    st = lw_rewrite_order_check(g, o->mid);
  if (st == LW_ORDER_OK)
    st = lw_rewrite_order_settle(g, mark);
  return st;
}

static void count(lw_rewrite_stats *s, const lw_rewrite_graph *g,
                  const option *o) {
  if (o->mid != LW_NONE) {
    s->r3++;
    s->r3_kept_not += o->mid_kept;
  } else if (lw_gate(g->nodes.data[o->inner].type)->fn == LW_FN_NOT) {
    s->r2++;
  } else {
    s->r1++;
  }
  s->copies += o->copy;
}

/* The whole graph after each merge attempt, on graphs small enough that
 * a walk per merge keeps Debug runs fast (rewrite.c checks every graph
 * after each pass). */
#define CHECK_EVERY_MERGE_BELOW 2048

static void check_small(const lw_rewrite_graph *g) {
  if (g->nodes.size < CHECK_EVERY_MERGE_BELOW)
    lw_rewrite_check(g);
}

static int try_options(lw_rewrite_graph *g, const lw_rewrite_params *params,
                       option *opts, int n, lw_rewrite_stats *stats) {
  qsort(opts, (size_t)n, sizeof *opts, better);
  reason first = LEGAL;
  for (int i = 0; i < n && opts[i].gain[0] > 0; i++) {
    reason why = precheck(g, params, &opts[i]);
    if (why == LEGAL) {
      uint32_t mark = lw_rewrite_mark(g), nodes = g->nodes.size;
      /* count from the pre-merge graph: apply() retypes the inner gate's
       * reader */
      lw_rewrite_stats delta = {0};
      count(&delta, g, &opts[i]);
      lw_rewrite_order ok = apply(g, &opts[i]);
      lw_rewrite_check_journal(g);
      if (ok == LW_ORDER_OK) {
        lw_rewrite_commit(g);
        check_small(g);
        stats->r1 += delta.r1;
        stats->r2 += delta.r2;
        stats->r3 += delta.r3;
        stats->r3_kept_not += delta.r3_kept_not;
        stats->copies += delta.copies;
        return 1;
      }
      lw_rewrite_undo(g, mark);
      LW_ASSERT(g->journal.size == mark && g->nodes.size == nodes);
      check_small(g);
      why = BLOCK_CYCLE;
    }
    if (first == LEGAL)
      first = why;
  }
  stats->blocked_io += first == BLOCK_IO;
  stats->blocked_l1 += first == BLOCK_L1;
  stats->blocked_l2 += first == BLOCK_L2;
  stats->blocked_cycle += first == BLOCK_CYCLE;
  return 0;
}

/* Add the direct option and its COPY variant. */
static int add_pair(const lw_rewrite_graph *g, const lw_rewrite_params *params,
                    option *opts, int n, option o, const lw_gate_type *removed,
                    int nremoved, double inner_dies) {
  for (int copy = 0; copy < 2; copy++) {
    o.copy = copy;
    score(g, params, &o, removed, nremoved, inner_dies);
    opts[n++] = o;
  }
  return n;
}

/* The share of p that one merge into a reading OR removes: 1 when that OR
 * is its only reader; 1/k when all k readers are two-input ORs, each of
 * which can absorb it (group merge, one reader at a time); else 0. */
static double inner_share(const lw_rewrite_graph *g, uint32_t p) {
  const lw_rewrite_node *pn = &g->nodes.data[p];
  if (pn->prot || pn->readers.size == 0)
    return 0;
  lw_vec_foreach (&pn->readers, i) {
    if (!is_two_input(g->nodes.data[pn->readers.data[i]].type, LW_FN_OR))
      return 0;
  }
  return 1.0 / pn->readers.size;
}

int lw_rewrite_merge_or(lw_rewrite_graph *g, const lw_rewrite_params *params,
                        uint32_t o, lw_rewrite_stats *stats) {
  const lw_rewrite_node *top = &g->nodes.data[o];
  if (top->dead || !is_two_input(top->type, LW_FN_OR))
    return 0;
  option opts[4];
  int n = 0;
  for (int s = 0; s < 2; s++) {
    uint32_t p = top->fanin[s], c = top->fanin[1 - s];
    const lw_rewrite_node *pn = &g->nodes.data[p];
    lw_gate_type t = composite_for(pn->type, params->max_onor_operands);
    if (p == c || t == LW_GATE_COUNT || !operands_ok(g, p, c))
      continue;
    option opt = {.top = o,
                  .mid = LW_NONE,
                  .inner = p,
                  .c = c,
                  .reader_of_c = o,
                  .type = t,
                  .slot = s,
                  .c_readers = g->nodes.data[c].readers.size};
    double dies = inner_share(g, p);
    lw_gate_type removed = top->type;
    n = add_pair(g, params, opts, n, opt, &removed, 1, dies);
  }
  return n ? try_options(g, params, opts, n, stats) : 0;
}

int lw_rewrite_merge_not(lw_rewrite_graph *g, const lw_rewrite_params *params,
                         uint32_t z, lw_rewrite_stats *stats) {
  const lw_rewrite_node *top = &g->nodes.data[z];
  if (top->dead || lw_gate(top->type)->fn != LW_FN_NOT)
    return 0;
  uint32_t y = top->fanin[0];
  const lw_rewrite_node *yn = &g->nodes.data[y];
  if (!is_two_input(yn->type, LW_FN_NOR))
    return 0;
  option opts[4];
  int n = 0;
  for (int s = 0; s < 2; s++) {
    uint32_t x = yn->fanin[s], c = yn->fanin[1 - s];
    const lw_rewrite_node *xn = &g->nodes.data[x];
    lw_gate_type t = composite_for(xn->type, params->max_onor_operands);
    if (x == c || t == LW_GATE_COUNT || !operands_ok(g, x, c))
      continue;
    option opt = {.top = z,
                  .mid = y,
                  .inner = x,
                  .c = c,
                  .reader_of_c = y,
                  .type = t,
                  .slot = s,
                  .c_readers = g->nodes.data[c].readers.size};
    opt.mid_kept = yn->prot || lw_rewrite_other_readers(g, y, z) > 0;
    /* y stops reading x either way (it dies or becomes NOT(z)) */
    int dies = !xn->prot && lw_rewrite_other_readers(g, x, y) == 0;
    lw_gate_type removed[2] = {top->type, yn->type};
    n = add_pair(g, params, opts, n, opt, removed, 2, dies);
  }
  return n ? try_options(g, params, opts, n, stats) : 0;
}
