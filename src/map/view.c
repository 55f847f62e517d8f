#include "map/view.h"

#include "base/assert.h"

static uint32_t resolve(const lw_net *net, uint32_t id) {
  /* a buffer chain is at most as long as the netlist */
  for (uint32_t steps = 0;
       lw_net_type(net, id) == LW_GATE_BUF && steps < lw_net_size(net); steps++)
    id = lw_net_fanin(net, id, 0);
  return id;
}

static lw_view_kind kind_of(lw_gate_type t) {
  switch (lw_gate(t)->fn) {
  case LW_FN_PI:
    return LW_VIEW_PI;
  case LW_FN_CONST0:
  case LW_FN_CONST1:
    return LW_VIEW_CONST;
  default:
    return t == LW_GATE_BUF ? LW_VIEW_BUF : LW_VIEW_GATE;
  }
}

/* Every node's kind; an executed gate must have a stateful form. */
static lw_status classify(lw_map_view *view, lw_error *err) {
  const lw_net *net = view->net;
  lw_net_foreach_node (net, id) {
    lw_gate_type t = lw_net_type(net, id);
    view->kind[id] = (uint8_t)kind_of(t);
    if (view->kind[id] == LW_VIEW_GATE && !lw_gate_is_stateful(t))
      return lw_error_set(err, LW_ERR_CIRCUIT, NULL, 0,
                          "gate %s (%s) has no stateful form; the netlist "
                          "must be mapped to the gate library first",
                          lw_net_node_name(net, id) ? lw_net_node_name(net, id)
                                                    : "?",
                          lw_gate(t)->op);
  }
  return LW_OK;
}

/* Through resolved buffers: each executed gate's overwritten operand and
 * children (reverse pin order), the reads of every value and the constants
 * read; then fanout = reads + outputs driven. */
static void link_fanins(lw_map_view *view) {
  const lw_net *net = view->net;
  lw_net_foreach_node (net, id)
    view->rep[id] = resolve(net, id);
  lw_vec_push(&view->child_off, 0);
  lw_net_foreach_node (net, id) {
    view->over[id] = LW_NONE;
    if (view->kind[id] == LW_VIEW_GATE) {
      int over = lw_gate(lw_net_type(net, id))->over;
      if (over >= 0)
        view->over[id] = view->rep[lw_net_fanin(net, id, (uint32_t)over)];
      for (uint32_t k = lw_net_nfanin(net, id); k-- > 0;) {
        uint32_t c = view->rep[lw_net_fanin(net, id, k)];
        view->readers[c]++;
        if (view->kind[c] == LW_VIEW_CONST)
          view->const_read[c] = 1;
        if (view->kind[c] == LW_VIEW_GATE)
          lw_vec_push(&view->children, c);
      }
    }
    lw_vec_push(&view->child_off, view->children.size);
  }
  memcpy(view->fanout, view->readers, view->n * sizeof(uint32_t));
  lw_net_foreach_po (net, i, d)
    view->fanout[view->rep[d]]++;
}

/* owner[y]: the composite gate that overwrites y, or LW_NONE. An error if
 * y must survive it (an input, output or constant) or two gates overwrite
 * it. */
static lw_status find_overwriters(const lw_map_view *view, uint32_t *owner,
                                  lw_error *err) {
  for (uint32_t i = 0; i < view->n; i++)
    owner[i] = LW_NONE;
  lw_net_foreach_node (view->net, id)
    if (view->over[id] != LW_NONE) {
      uint32_t y = view->over[id];
      if (view->kind[y] != LW_VIEW_GATE ||
          view->fanout[y] != view->readers[y] || owner[y] != LW_NONE)
        return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                            "composite gate %u overwrites a value that must "
                            "survive (input, output, constant or overwritten "
                            "twice)",
                            id);
      owner[y] = id;
    }
  return LW_OK;
}

/* Readers of y other than its overwriting gate, filed under that gate
 * (counting pass, then filling pass: linear in the netlist). A reader that
 * reads y twice is filed once. */
static void file_after_lists(lw_map_view *view, const uint32_t *owner) {
  uint32_t n = view->n;
  lw_u32s count = {0};
  lw_vec_resize(&count, n);
  for (int fill = 0; fill < 2; fill++) {
    if (fill) {
      lw_vec_resize(&view->after_off, n + 1);
      for (uint32_t i = 0; i < n; i++)
        view->after_off.data[i + 1] = view->after_off.data[i] + count.data[i];
      lw_vec_resize(&view->after, view->after_off.data[n]);
      memset(count.data, 0, n * sizeof(uint32_t));
    }
    lw_net_foreach_node (view->net, r) {
      uint32_t first = view->child_off.data[r];
      lw_view_foreach_child (view, r, k, c) {
        uint32_t g = owner[c];
        int dup = 0;
        for (uint32_t j = first; j < k; j++)
          dup |= view->children.data[j] == c;
        if (g == LW_NONE || g == r || dup)
          continue;
        if (fill)
          view->after.data[view->after_off.data[g] + count.data[g]] = r;
        count.data[g]++;
      }
    }
  }
  lw_vec_free(&count);
}

lw_status lw_map_view_build(const lw_net *net, lw_map_view *view,
                            lw_error *err) {
  uint32_t n = lw_net_size(net);
  memset(view, 0, sizeof *view);
  view->net = net;
  view->n = n;
  view->kind = lw_alloc(n);
  view->rep = lw_alloc(n * sizeof(uint32_t));
  view->readers = lw_alloc(n * sizeof(uint32_t));
  view->fanout = lw_alloc(n * sizeof(uint32_t));
  view->over = lw_alloc(n * sizeof(uint32_t));
  view->const_read = lw_alloc(n);
  lw_status st = classify(view, err);
  if (st != LW_OK)
    return st;
  link_fanins(view);
  uint32_t *owner = lw_alloc(n * sizeof(uint32_t));
  st = find_overwriters(view, owner, err);
  if (st == LW_OK)
    file_after_lists(view, owner);
  lw_free(owner);
  return st;
}

void lw_map_view_free(lw_map_view *view) {
  lw_free(view->kind);
  lw_free(view->rep);
  lw_free(view->readers);
  lw_free(view->fanout);
  lw_free(view->over);
  lw_free(view->const_read);
  lw_vec_free(&view->child_off);
  lw_vec_free(&view->children);
  lw_vec_free(&view->after_off);
  lw_vec_free(&view->after);
}

/* ---- invariants ---------------------------------------------------------- */

static void check_rep(const lw_map_view *v) {
  for (uint32_t id = 0; id < v->n; id++) {
    uint32_t r = v->rep[id];
    LW_ASSERT(r < v->n && v->rep[r] == r && v->kind[r] != LW_VIEW_BUF);
    LW_ASSERT(v->kind[id] == LW_VIEW_BUF || r == id);
    LW_ASSERT(v->kind[id] == kind_of(lw_net_type(v->net, id)));
  }
}

/* child_off frames children; only executed gates have children, and they
 * are executed gates. */
static void check_children(const lw_map_view *v) {
  LW_ASSERT(v->child_off.size == v->n + 1 && v->child_off.data[0] == 0);
  LW_ASSERT(v->child_off.data[v->n] == v->children.size);
  for (uint32_t id = 0; id < v->n; id++) {
    LW_ASSERT(v->child_off.data[id] <= v->child_off.data[id + 1]);
    LW_ASSERT(v->kind[id] == LW_VIEW_GATE ||
              v->child_off.data[id] == v->child_off.data[id + 1]);
    lw_view_foreach_child (v, id, k, c)
      LW_ASSERT(c < v->n && v->kind[c] == LW_VIEW_GATE);
  }
}

/* readers and fanout recounted from the netlist. */
static void check_counts(const lw_map_view *v) {
  uint32_t *reads = lw_alloc((v->n + 1) * sizeof(uint32_t));
  uint32_t *outs = lw_alloc((v->n + 1) * sizeof(uint32_t));
  for (uint32_t id = 0; id < v->n; id++)
    if (v->kind[id] == LW_VIEW_GATE)
      lw_net_foreach_fanin (v->net, id, k, f)
        reads[v->rep[f]]++;
  lw_net_foreach_po (v->net, i, d)
    outs[v->rep[d]]++;
  for (uint32_t id = 0; id < v->n; id++) {
    LW_ASSERT(v->readers[id] == reads[id]);
    LW_ASSERT(v->fanout[id] == reads[id] + outs[id]);
    LW_ASSERT(!v->const_read[id] ||
              (v->kind[id] == LW_VIEW_CONST && v->readers[id] > 0));
  }
  lw_free(reads);
  lw_free(outs);
}

static int reads(const lw_map_view *v, uint32_t r, uint32_t y) {
  lw_view_foreach_child (v, r, k, c)
    if (c == y)
      return 1;
  return 0;
}

/* over: a composite's operand, an executed gate that is no output; after:
 * other readers of that operand. */
static void check_over(const lw_map_view *v) {
  LW_ASSERT(v->after_off.size == v->n + 1);
  for (uint32_t id = 0; id < v->n; id++) {
    uint32_t y = v->over[id];
    LW_ASSERT(v->after_off.data[id] <= v->after_off.data[id + 1]);
    if (y == LW_NONE) {
      LW_ASSERT(v->kind[id] != LW_VIEW_GATE ||
                lw_gate(lw_net_type(v->net, id))->over < 0);
      LW_ASSERT(v->after_off.data[id] == v->after_off.data[id + 1]);
      continue;
    }
    int over = lw_gate(lw_net_type(v->net, id))->over;
    LW_ASSERT(v->kind[id] == LW_VIEW_GATE && over >= 0);
    LW_ASSERT(y == v->rep[lw_net_fanin(v->net, id, (uint32_t)over)]);
    LW_ASSERT(v->kind[y] == LW_VIEW_GATE && v->fanout[y] == v->readers[y]);
    for (uint32_t i = v->after_off.data[id]; i < v->after_off.data[id + 1]; i++)
      LW_ASSERT(v->after.data[i] != id && reads(v, v->after.data[i], y));
  }
}

void lw_map_view_check(const lw_map_view *view) {
  if (!LW_CHECKS_ON)
    return;
  LW_ASSERT(view->n == lw_net_size(view->net));
  check_rep(view);
  check_children(view);
  check_counts(view);
  check_over(view);
}
