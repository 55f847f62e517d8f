#include "map/alloc.h"

#include <stdlib.h>

/* ---- the minimum row ------------------------------------------------------
 */

/* Constant values that outputs need and no gate reads (bit 0: 0, bit 1: 1):
 * they take a free cell at the end of the program. */
static int end_constants(const lw_map_view *view) {
  int need = 0;
  lw_net_foreach_po(view->net, i, d) {
    uint32_t r = view->rep[d];
    if (view->kind[r] == LW_VIEW_CONST && !view->const_read[r])
      need |= lw_gate(lw_net_type(view->net, r))->fn == LW_FN_CONST1 ? 2 : 1;
  }
  return need;
}

static uint32_t fixed_cells(const lw_map_view *view) {
  uint32_t base = view->net->pis.size;
  for (uint32_t i = 0; i < view->n; i++)
    base += view->const_read[i];
  return base;
}

void lw_map_min_row(const lw_map_view *view, const lw_u32s *order,
                    lw_map_stats *stats) {
  uint32_t *left = lw_alloc(view->n * sizeof(uint32_t));
  memcpy(left, view->fanout, view->n * sizeof(uint32_t));
  uint32_t live = 0, peak = 0;
  lw_vec_foreach(order, i) {
    uint32_t v = order->data[i];
    uint32_t y = view->over[v];
    if (y == LW_NONE)
      live++; /* a composite gate reuses y's cell: no new live value */
    if (live > peak)
      peak = live;
    lw_view_foreach_child(view, v, k, c) if (--left[c] == 0 && c != y) live--;
  }
  int need = end_constants(view);
  uint32_t at_end = live + !!(need & 1) + !!(need & 2);
  stats->peak_live = peak;
  stats->base = fixed_cells(view);
  stats->min_row = stats->base + (at_end > peak ? at_end : peak);
  if (stats->min_row == 0)
    stats->min_row = 1;
  lw_free(left);
}

/* ---- the row --------------------------------------------------------------
 */

typedef struct row {
  const lw_map_view *view;
  const lw_map_params *params;
  lw_program *prog;
  uint32_t *cell;   /* per node */
  lw_u32s virgin;   /* never used; popped from the top (highest first) */
  lw_u32s avail[2]; /* initialised to 0 / 1, free */
  lw_u32s pending;  /* dead, in order of death */
  lw_u32s setup[2]; /* first values, written by setup */
  lw_u32s demand;   /* init value each step of the order needs, or 2 */
  uint32_t step;    /* index in the order */
  lw_u32s scratch;
} row;

/* How many cells the coming demand for value v needs before the current
 * free cells of the other value run out (LW_REINIT_DEMAND). */
static uint32_t coming_demand(const row *r, int v) {
  /* the demands the free cells can serve: every dead cell and every free
   * cell of the other value */
  uint32_t horizon = r->pending.size + r->avail[!v].size, want = 0, seen = 0;
  for (uint32_t s = r->step; s < r->demand.size && seen < horizon; s++) {
    uint32_t d = r->demand.data[s];
    if (d > 1)
      continue;
    seen++;
    want += d == (uint32_t)v;
  }
  return want ? want : 1;
}

/* Move k cells from the top of `from` into one INIT cycle of value v. */
static void reinit(row *r, lw_u32s *from, uint32_t k, int v) {
  lw_vec_clear(&r->scratch);
  for (uint32_t i = from->size - k; i < from->size; i++)
    lw_vec_push(&r->scratch, from->data[i]);
  from->size -= k;
  lw_program_add_init(r->prog, 0, v, r->scratch.data, r->scratch.size);
  lw_vec_foreach(&r->scratch, i) lw_vec_push(&r->avail[v], r->scratch.data[i]);
}

/* A free cell holding v, re-initialising by policy; LW_NONE if the row is
 * full. */
static uint32_t take_cell(row *r, int v) {
  if (r->avail[v].size)
    return lw_vec_pop(&r->avail[v]);
  if (r->virgin.size) {
    uint32_t c = lw_vec_pop(&r->virgin);
    lw_vec_push(&r->setup[v], c);
    return c;
  }
  int all = r->params->reinit == LW_REINIT_ALL;
  uint32_t want = all ? UINT32_MAX : coming_demand(r, v);
  if (r->pending.size) {
    /* SIMPLER: all dead cells, the most recently freed on top */
    reinit(r, &r->pending, want < r->pending.size ? want : r->pending.size, v);
  } else if (r->avail[!v].size) {
    /* the fallback two init values need: take free cells of the other
     * value (half of them at most under ALL, so as not to strand it) */
    uint32_t k = all ? (r->avail[!v].size + 1) / 2 : want;
    if (k > r->avail[!v].size)
      k = r->avail[!v].size;
    reinit(r, &r->avail[!v], k, v);
  } else {
    return LW_NONE;
  }
  return lw_vec_pop(&r->avail[v]);
}

static int ascending(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static uint32_t operand_cell(const row *r, uint32_t f) {
  return r->cell[r->view->rep[f]];
}

static lw_status too_small(const row *r, uint32_t size, lw_error *err) {
  return lw_error_set(err, LW_ERR_ROW, NULL, 0,
                      "a row of %u cells is too small for '%s' (flow %s)", size,
                      r->view->net->name, r->params->flow);
}

static void free_row(row *r) {
  lw_free(r->cell);
  lw_vec_free(&r->virgin);
  lw_vec_free(&r->avail[0]);
  lw_vec_free(&r->avail[1]);
  lw_vec_free(&r->pending);
  lw_vec_free(&r->setup[0]);
  lw_vec_free(&r->setup[1]);
  lw_vec_free(&r->demand);
  lw_vec_free(&r->scratch);
}

/* Cells for the constant outputs, after the last gate. */
static lw_status place_end_constants(row *r, uint32_t size, lw_error *err) {
  int need = end_constants(r->view);
  for (int v = 0; v < 2; v++) {
    if (!(need & (1 << v)))
      continue;
    uint32_t c = take_cell(r, v);
    if (c == LW_NONE)
      return too_small(r, size, err);
    lw_net_foreach_node(r->view->net,
                        id) if (r->view->kind[id] == LW_VIEW_CONST &&
                                !r->view->const_read[id]) {
      int value = lw_gate(lw_net_type(r->view->net, id))->fn == LW_FN_CONST1;
      if (value == v)
        r->cell[id] = c;
    }
  }
  return LW_OK;
}

lw_status lw_map_alloc(const lw_map_view *view, const lw_u32s *order,
                       const lw_map_params *params, uint32_t size,
                       lw_program *prog, lw_error *err) {
  const lw_net *net = view->net;
  row r = {.view = view, .params = params, .prog = prog};
  r.cell = lw_alloc(view->n * sizeof(uint32_t));
  uint32_t *left = lw_alloc(view->n * sizeof(uint32_t));
  memcpy(left, view->fanout, view->n * sizeof(uint32_t));
  lw_status st = LW_OK;
  uint32_t next = 0;
  lw_net_foreach_pi(net, i, id) {
    r.cell[id] = next;
    lw_program_add_input(prog, lw_net_node_name(net, id), next++);
  }
  /* constants read by gates: fixed cells set by setup */
  for (uint32_t id = 0; id < view->n; id++)
    if (view->const_read[id]) {
      int v = lw_gate(lw_net_type(net, id))->fn == LW_FN_CONST1;
      r.cell[id] = next;
      lw_vec_push(&r.setup[v], next++);
    }
  if (next > size) {
    st = too_small(&r, size, err);
    goto done;
  }
  for (uint32_t c = next; c < size; c++)
    lw_vec_push(&r.virgin, c); /* popped from the top: cell size-1 first */
  lw_vec_foreach(order, i) {
    uint32_t v = order->data[i];
    lw_vec_push(&r.demand, view->over[v] == LW_NONE
                               ? (uint32_t)lw_gate(lw_net_type(net, v))->init
                               : 2u);
  }
  lw_vec_foreach(order, i) {
    uint32_t v = order->data[i];
    lw_gate_type t = lw_net_type(net, v);
    uint32_t y = view->over[v];
    uint32_t in[LW_GATE_MAX_FANIN], nin = 0;
    r.step = i;
    if (y != LW_NONE) {
      r.cell[v] = r.cell[y];
    } else {
      r.cell[v] = take_cell(&r, lw_gate(t)->init);
      if (r.cell[v] == LW_NONE) {
        st = too_small(&r, size, err);
        goto done;
      }
    }
    lw_net_foreach_fanin(net, v, k, f) if ((int)k != lw_gate(t)->over)
        in[nin++] = operand_cell(&r, f);
    lw_program_add_gate(prog, t, in, nin, r.cell[v]);
    lw_view_foreach_child(view, v, k, c) if (--left[c] == 0 && c != y)
        lw_vec_push(&r.pending, r.cell[c]);
  }
  r.step = order->size;
  st = place_end_constants(&r, size, err);
  if (st != LW_OK)
    goto done;
  lw_net_foreach_po(net, i, d)
      lw_program_add_output(prog, lw_net_po_name(net, i), operand_cell(&r, d));
  /* setup: the first value of every cell used; SIMPLER MAGIC initialises
   * every cell of the row */
  if (params->setup_all)
    lw_vec_foreach(&r.virgin, i) lw_vec_push(&r.setup[0], r.virgin.data[i]);
  for (int v = 0; v < 2; v++) {
    lw_u32s *cells = &r.setup[v];
    if (!cells->size)
      continue;
    qsort(cells->data, cells->size, sizeof *cells->data, ascending);
    lw_program_add_init(prog, 1, v, cells->data, cells->size);
  }
done:
  lw_free(left);
  free_row(&r);
  return st;
}
