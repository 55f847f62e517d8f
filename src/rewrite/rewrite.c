/* The rewrite stage's driver: collapse buffers and NOT-NOT pairs (R4), build
 * the working graph of the live nodes, run the merge rules over the
 * candidates in topological order, and write the result as a new net whose
 * surviving nodes keep the input's relative id order (a composite takes the
 * id slot of the gate whose value it replaces, an inserted COPY the slot just
 * before its composite). */
#include "rewrite/rewrite.h"

#include "rewrite/graph.h"
#include "rewrite/merge.h"

/* A merge can enable another (a kept y = NOT(z) can become the inner gate of
 * an IMP; a NOR loses its last other reader), so passes repeat while they
 * merge; each pass is near-linear and the second rarely finds much. */
#define MAX_PASSES 4
/* Nodes one order update may visit before the merge is given up (order.c):
 * generous next to the regions real merges touch, small enough that a
 * 200k-gate netlist cannot go quadratic. */
#define ORDER_BUDGET 4096

lw_rewrite_params lw_rewrite_params_default(void) {
  lw_rewrite_params p = {
      .criterion = LW_MERGE_TOGGLE, .paper_rules = 0, .max_onor_operands = 2};
  return p;
}

static uint32_t count_gates(const lw_net *net) {
  uint32_t n = 0;
  lw_net_foreach_node (net, id)
    n += lw_gate_is_stateful(lw_net_type(net, id));
  return n;
}

static lw_status check_input(const lw_net *in, const lw_rewrite_params *p,
                             lw_error *err) {
  if (p->max_onor_operands < 2)
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "rewrite: max_onor_operands must be at least 2");
  lw_net_foreach_node (in, id) {
    lw_gate_type t = lw_net_type(in, id);
    const char *name = lw_net_node_name(in, id);
    if (lw_net_nfanin(in, id) > LW_GATE_MAX_FANIN)
      return lw_error_set(err, LW_ERR_CIRCUIT, NULL, 0,
                          "rewrite: signal '%s' has %u fanins; the netlist "
                          "must be mapped to the gate library first",
                          name ? name : "?", lw_net_nfanin(in, id));
    if (lw_gate(t)->over >= 0)
      return lw_error_set(err, LW_ERR_CIRCUIT, NULL, 0,
                          "rewrite: signal '%s' is already a composite %s",
                          name ? name : "?", lw_gate(t)->op);
  }
  return LW_OK;
}

/* R4 and buffers: rep[id] is the node whose value id carries. A BUF carries
 * its fanin's; NOT(NOT(a)) carries a's. Readers and outputs then read rep,
 * so the collapsed nodes die (the first NOT survives only if read). */
static void collapse(const lw_net *in, const lw_u32s *topo, uint32_t *rep,
                     lw_rewrite_stats *s) {
  lw_vec_foreach (topo, i) {
    uint32_t id = topo->data[i];
    lw_gate_type t = lw_net_type(in, id);
    rep[id] = id;
    if (t == LW_GATE_BUF) {
      rep[id] = rep[lw_net_fanin(in, id, 0)];
    } else if (lw_gate(t)->fn == LW_FN_NOT) {
      uint32_t f = rep[lw_net_fanin(in, id, 0)];
      if (lw_gate(lw_net_type(in, f))->fn == LW_FN_NOT) {
        rep[id] = rep[lw_net_fanin(in, f, 0)];
        s->r4++;
      }
    }
  }
}

/* Nodes the outputs need (through rep), plus every primary input. */
static uint8_t *live_nodes(const lw_net *in, const uint32_t *rep) {
  uint8_t *live = lw_alloc(lw_net_size(in));
  lw_u32s stack = {0};
  lw_net_foreach_pi (in, i, id)
    live[id] = 1;
  lw_net_foreach_po (in, i, d)
    lw_vec_push(&stack, rep[d]);
  while (stack.size) {
    uint32_t v = lw_vec_pop(&stack);
    if (live[v] == 2)
      continue;
    live[v] = 2;
    lw_net_foreach_fanin (in, v, k, f)
      lw_vec_push(&stack, rep[f]);
  }
  lw_vec_free(&stack);
  return live;
}

/* Working graph of the live nodes, in input id order; w[id] their ids. */
static void build(lw_rewrite_graph *g, const lw_net *in, const uint32_t *rep,
                  const uint8_t *live, uint32_t *w) {
  lw_net_foreach_node (in, id) {
    w[id] = LW_NONE;
    if (live[id])
      w[id] = lw_rewrite_add_node(g, lw_net_type(in, id), id);
  }
  lw_net_foreach_node (in, id)
    if (live[id]) {
      lw_rewrite_node *n = lw_rewrite_at(g, w[id]);
      lw_fn fn = lw_gate(n->type)->fn;
      n->nfanin = (uint8_t)lw_net_nfanin(in, id);
      n->prot = fn == LW_FN_PI || fn == LW_FN_CONST0 || fn == LW_FN_CONST1;
      lw_net_foreach_fanin (in, id, k, f) {
        n->fanin[k] = w[rep[f]];
        lw_vec_push(&lw_rewrite_at(g, n->fanin[k])->readers, w[id]);
      }
    }
  lw_net_foreach_po (in, i, d)
    lw_rewrite_at(g, w[rep[d]])->prot = 1;
  lw_rewrite_commit(g);
}

static uint32_t run_passes(lw_rewrite_graph *g, const lw_rewrite_params *p,
                           const lw_u32s *order, lw_rewrite_stats *s) {
  uint32_t total = 0;
  for (int pass = 0; pass < MAX_PASSES; pass++) {
    uint32_t merged = 0;
    /* blocked counts describe the last pass: the state the net ends in */
    s->blocked_io = s->blocked_l1 = s->blocked_l2 = s->blocked_cycle = 0;
    lw_vec_foreach (order, i) {
      uint32_t v = order->data[i];
      if (lw_rewrite_at(g, v)->dead)
        continue;
      lw_fn fn = lw_gate(lw_rewrite_at(g, v)->type)->fn;
      if (fn == LW_FN_OR)
        merged += (uint32_t)lw_rewrite_merge_or(g, p, v, s);
      else if (fn == LW_FN_NOT)
        merged += (uint32_t)lw_rewrite_merge_not(g, p, v, s);
    }
    lw_rewrite_check(g);
    total += merged;
    if (!merged)
      break;
  }
  return total;
}

/* The new net: working nodes in input id order, each COPY just before the
 * composite that overwrites it. */
static lw_net *emit(const lw_rewrite_graph *g, const lw_net *in,
                    const uint32_t *rep, const uint32_t *w) {
  uint32_t n = g->nodes.size;
  lw_u32s seq = {0};
  uint32_t *newid = lw_alloc(n * sizeof(uint32_t));
  for (uint32_t v = 0; v < n; v++)
    newid[v] = LW_NONE;
  for (uint32_t v = 0; v < n; v++) {
    const lw_rewrite_node *node = &g->nodes.data[v];
    if (node->dead || node->src == LW_NONE)
      continue;
    int over = lw_gate(node->type)->over;
    if (over >= 0 && g->nodes.data[node->fanin[over]].src == LW_NONE) {
      newid[node->fanin[over]] = seq.size;
      lw_vec_push(&seq, node->fanin[over]);
    }
    newid[v] = seq.size;
    lw_vec_push(&seq, v);
  }
  lw_net *out = lw_net_new(in->name);
  lw_vec_foreach (&seq, i) {
    const lw_rewrite_node *node = &g->nodes.data[seq.data[i]];
    const char *name =
        node->src == LW_NONE ? NULL : lw_net_node_name(in, node->src);
    lw_net_add_node(out, node->type, node->nfanin, NULL, name);
  }
  lw_vec_foreach (&seq, i) {
    const lw_rewrite_node *node = &g->nodes.data[seq.data[i]];
    for (uint32_t k = 0; k < node->nfanin; k++)
      lw_net_set_fanin(out, i, k, newid[node->fanin[k]]);
  }
  lw_net_foreach_po (in, i, d)
    lw_net_add_po(out, newid[w[rep[d]]], lw_net_po_name(in, i));
  lw_vec_free(&seq);
  lw_free(newid);
  return out;
}

lw_status lw_rewrite_run(const lw_net *in, const lw_rewrite_params *params,
                         lw_rewrite_stats *stats, lw_net **out, lw_error *err) {
  lw_rewrite_params def = lw_rewrite_params_default();
  const lw_rewrite_params *p = params ? params : &def;
  lw_rewrite_stats s = {0};
  lw_u32s topo = {0};
  *out = NULL;
  lw_status st = check_input(in, p, err);
  if (st == LW_OK)
    st = lw_net_topo(in, &topo, err);
  if (st != LW_OK) {
    lw_vec_free(&topo);
    return st;
  }
  uint32_t n = lw_net_size(in);
  uint32_t *rep = lw_alloc((n ? n : 1) * sizeof(uint32_t));
  uint32_t *w = lw_alloc((n ? n : 1) * sizeof(uint32_t));
  collapse(in, &topo, rep, &s);
  uint8_t *live = live_nodes(in, rep);
  lw_rewrite_graph g = {.budget = ORDER_BUDGET};
  build(&g, in, rep, live, w);
  /* the input's topological order restricted to live nodes stays one: rep
   * only points further up */
  lw_u32s order = {0};
  lw_vec_foreach (&topo, i)
    if (live[topo.data[i]])
      lw_vec_push(&order, w[topo.data[i]]);
  lw_rewrite_order_init(&g, &order);
  lw_rewrite_check(&g);
  run_passes(&g, p, &order, &s);
  *out = emit(&g, in, rep, w);
  s.toggle_before = lw_net_toggle_sum(in);
  s.toggle_after = lw_net_toggle_sum(*out);
  s.gates_before = count_gates(in);
  s.gates_after = count_gates(*out);
  if (stats)
    *stats = s;
  lw_vec_free(&order);
  lw_rewrite_graph_free(&g);
  lw_free(live);
  lw_free(w);
  lw_free(rep);
  lw_vec_free(&topo);
  return LW_OK;
}
