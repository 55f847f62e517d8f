#include "map/alloc.h"

#include <stdlib.h>

#include "base/assert.h"

/* ---- the minimum row ----------------------------------------------------- */

/* Constant values that outputs need and no gate reads (bit 0: 0, bit 1: 1):
 * they take a free cell at the end of the program. */
static int end_constants(const lw_map_view *view) {
  int need = 0;
  lw_net_foreach_po (view->net, i, d) {
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

uint32_t lw_map_live_profile(const lw_map_view *view, const lw_u32s *order,
                             uint32_t *live_at, uint32_t *end_live) {
  uint32_t *left = lw_alloc((view->n + 1) * sizeof(uint32_t));
  memcpy(left, view->fanout, view->n * sizeof(uint32_t));
  uint32_t live = 0, peak = 0;
  lw_vec_foreach (order, i) {
    uint32_t v = order->data[i];
    uint32_t y = view->over[v];
    if (y == LW_NONE)
      live++; /* a composite gate reuses y's cell: no new live value */
    if (live_at)
      live_at[i] = live;
    if (live > peak)
      peak = live;
    lw_view_foreach_child (view, v, k, c)
      if (--left[c] == 0 && c != y)
        live--;
  }
  lw_free(left);
  if (end_live)
    *end_live = live;
  return peak;
}

void lw_map_min_row(const lw_map_view *view, const lw_u32s *order,
                    lw_map_stats *stats) {
  uint32_t live = 0;
  uint32_t peak = lw_map_live_profile(view, order, NULL, &live);
  int need = end_constants(view);
  uint32_t at_end = live + !!(need & 1) + !!(need & 2);
  stats->peak_live = peak;
  stats->base = fixed_cells(view);
  stats->min_row = stats->base + (at_end > peak ? at_end : peak);
  if (stats->min_row == 0)
    stats->min_row = 1;
}

/* ---- the row ------------------------------------------------------------- */

typedef struct row {
  const lw_map_view *view;
  const lw_map_params *params;
  lw_program *prog;
  uint32_t *cell;   /* per node */
  lw_u32s virgin;   /* never used; popped from the top (highest first) */
  lw_u32s avail[2]; /* initialised to 0 / 1, free */
  lw_u32s dead;     /* dead values' cells, in order of death */
  lw_u32s setup[2]; /* first values, written by setup */
  lw_u32s demand;   /* init value each step of the order needs, or 2 */
  uint32_t step;    /* index in the order */
  lw_u32s scratch;
  /* wear model, only with knobs (NULL: the plain mapping, untouched) */
  const lw_map_knobs *knobs;
  double *wear;     /* per cell: expected flips so far */
  double *held_p1;  /* per cell: probability that it holds 1 now */
  uint8_t *setup_v; /* per cell: value its setup writes */
  uint32_t *death;  /* per node: last step that reads it; UINT32_MAX for an
                       output */
  uint32_t node;    /* the node being placed */
  double *chain;    /* per node: flips of its write and of the composite
                       gates that later overwrite it in the same cell */
  double *end_p1;   /* per node: P(1) of the last value of that chain */
  double hottest;   /* most expected flips of any cell so far */
  /* invariant checks (LW_CHECKS): what each cell holds, from the ops
   * emitted so far (held_seen of them), and each node's unread uses */
  uint8_t *held;
  uint32_t held_seen;
  uint32_t *left; /* per node: uses not yet read */
  uint32_t fixed;
  uint32_t size; /* cells in the row */
} row;

static void add_wear(row *r, uint32_t c, double flips) {
  r->wear[c] += flips;
  if (r->wear[c] > r->hottest)
    r->hottest = r->wear[c];
}

/* How many cells the coming demand for value v needs before the current
 * free cells of the other value run out (LW_REINIT_DEMAND). */
static uint32_t coming_demand(const row *r, int v) {
  /* the demands the free cells can serve: every dead cell and every free
   * cell of the other value */
  uint32_t horizon = r->dead.size + r->avail[!v].size, want = 0, seen = 0;
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
static void reinit_top(row *r, lw_u32s *from, uint32_t k, int v) {
  lw_vec_clear(&r->scratch);
  for (uint32_t i = from->size - k; i < from->size; i++)
    lw_vec_push(&r->scratch, from->data[i]);
  from->size -= k;
  lw_program_add_init(r->prog, 0, v, r->scratch.data, r->scratch.size);
  lw_vec_foreach (&r->scratch, i)
    lw_vec_push(&r->avail[v], r->scratch.data[i]);
}

/* ---- the wear model (knobs) -----------------------------------------------
 * Expected flips per cell, from the probability of 1 of every value: a gate
 * adds the probability that its write flips the cell, an INIT of v the
 * probability that the cell holds !v. The plain mapping never comes here. */

static double init_cost(const row *r, uint32_t c, int v) {
  double p1 = r->held_p1[c];
  return v ? 1.0 - p1 : p1;
}

/* Lower is better to re-initialise to v. Wear-aware: the cell's flips after
 * the INIT; probability-aware: the INIT's own flips. With both off every
 * score ties and the plain choice (the most recently freed) is kept. */
static int parked(const row *r);

static double reinit_score(const row *r, uint32_t c, int v) {
  double s = 0;
  if (r->knobs->wear_aware && parked(r))
    return init_cost(r, c, v) - r->wear[c]; /* hot cells first */
  if (r->knobs->wear_aware)
    s += r->wear[c] + init_cost(r, c, v);
  if (r->knobs->prob_reinit)
    s += init_cost(r, c, v);
  return s;
}

typedef struct scored {
  double score;
  uint32_t pos;
} scored;

static int by_score(const void *a, const void *b) {
  const scored *x = a, *y = b;
  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return (x->pos < y->pos) - (x->pos > y->pos); /* ties: top of pool first */
}

/* One INIT of v over the k best-scored cells of `from` and, when `extra`,
 * every cell there that holds v with probability at least prob_keep (cheap
 * now, and one INIT fewer later). Cells keep their pool order. */
static void reinit_scored(row *r, lw_u32s *from, uint32_t k, int v, int extra) {
  uint32_t n = from->size;
  scored *s = lw_alloc((n + 1) * sizeof *s);
  uint8_t *take = lw_alloc(n + 1);
  for (uint32_t i = 0; i < n; i++)
    s[i] = (scored){.score = reinit_score(r, from->data[i], v), .pos = i};
  qsort(s, n, sizeof *s, by_score);
  for (uint32_t i = 0; i < k && i < n; i++)
    take[s[i].pos] = 1;
  if (extra && r->knobs->prob_reinit)
    for (uint32_t i = 0; i < n; i++)
      if (1.0 - init_cost(r, from->data[i], v) >= r->knobs->prob_keep)
        take[i] = 1;
  lw_vec_clear(&r->scratch);
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (take[i])
      lw_vec_push(&r->scratch, from->data[i]);
    else
      from->data[m++] = from->data[i];
  }
  from->size = m;
  lw_program_add_init(r->prog, 0, v, r->scratch.data, r->scratch.size);
  lw_vec_foreach (&r->scratch, i) {
    uint32_t c = r->scratch.data[i];
    add_wear(r, c, init_cost(r, c, v));
    r->held_p1[c] = v;
    lw_vec_push(&r->avail[v], c);
  }
  lw_free(s);
  lw_free(take);
}

/* Parking may raise the row's hottest cell by this many expected flips: a
 * hot cell that stops working now ends cooler than if it went on. */
#define PARK_ROOM 1.0

/* A value that stays in its cell to the end (an output) or for at least
 * park_steps steps is parked: it takes a hot cell, which it then keeps from
 * further wear, and leaves the cool cells to the short-lived values. */
static int parked(const row *r) {
  uint32_t d = r->death[r->node];
  return r->knobs->park_steps &&
         (d == UINT32_MAX ||
          (d >= r->step && d - r->step >= r->knobs->park_steps));
}

/* Expected flips a cell with `wear` and setup value sv has at the end of the
 * run if the value being placed stays there: its wear, this write and, for
 * an output, the next run's setup over it. */
static double final_wear(const row *r, double wear, int sv) {
  uint32_t x = r->node;
  double w = wear + r->chain[x];
  if (r->death[x] == UINT32_MAX)
    w += sv ? 1 - r->end_p1[x] : r->end_p1[x];
  return w;
}

/* Parking prefers cells that stay within PARK_ROOM of the row's hottest
 * (the hotter the better: they stop working), then the one that ends
 * coolest. */
static int park_better(const row *r, double fa, double wa, double fb,
                       double wb) {
  int ta = fa <= r->hottest + PARK_ROOM, tb = fb <= r->hottest + PARK_ROOM;
  if (ta != tb)
    return ta;
  return ta ? wa > wb : fa < fb;
}

/* Index in pool of the cell the value being placed should take: parked,
 * by park_better; wear-aware, the least-worn; else the top (plain order). */
static uint32_t pick(const row *r, const lw_u32s *pool) {
  uint32_t best = pool->size - 1;
  const double *w = r->wear;
  if (r->knobs->wear_aware && parked(r)) {
    for (uint32_t i = pool->size; i-- > 0;) {
      uint32_t a = pool->data[i], b = pool->data[best];
      if (park_better(r, final_wear(r, w[a], r->setup_v[a]), w[a],
                      final_wear(r, w[b], r->setup_v[b]), w[b]))
        best = i;
    }
  } else if (r->knobs->wear_aware) {
    for (uint32_t i = pool->size; i-- > 0;)
      if (w[pool->data[i]] < w[pool->data[best]])
        best = i;
  }
  return best;
}

/* Remove and return the cell pick() chooses; the rest keep their order. */
static uint32_t pop_picked(row *r, lw_u32s *pool) {
  uint32_t best = pick(r, pool);
  uint32_t c = pool->data[best];
  memmove(pool->data + best, pool->data + best + 1,
          (pool->size - best - 1) * sizeof *pool->data);
  pool->size--;
  return c;
}

/* Parked: a never-used cell (setup v, no wear) instead of the best free
 * one, when it ends better. */
static int park_in_virgin(const row *r, int v) {
  if (!r->virgin.size || !r->avail[v].size || !r->knobs->wear_aware ||
      !parked(r))
    return 0;
  uint32_t b = r->avail[v].data[pick(r, &r->avail[v])];
  return park_better(r, final_wear(r, 0, v), 0,
                     final_wear(r, r->wear[b], r->setup_v[b]), r->wear[b]);
}

/* The least expected wear of a cell of pool, after an INIT to v when
 * with_init. */
static double least_wear(const row *r, const lw_u32s *pool, int v,
                         int with_init) {
  double best = 1e300;
  lw_vec_foreach (pool, i) {
    uint32_t c = pool->data[i];
    double w = r->wear[c] + (with_init ? init_cost(r, c, v) : 0);
    best = w < best ? w : best;
  }
  return best;
}

/* take_cell under knobs: the same pools and fallbacks as the plain one. */
static uint32_t take_cell_modelled(row *r, int v) {
  const lw_map_knobs *k = r->knobs;
  int all = r->params->reinit == LW_REINIT_ALL;
  int park = parked(r);
  int virgin_now =
      r->virgin.size &&
      (!r->avail[v].size || (k->virgin_first && !park) || park_in_virgin(r, v));
  /* a dead cell much cooler than every free one is worth an INIT cycle */
  if (k->hot_margin > 0 && !virgin_now && !park && r->avail[v].size &&
      r->dead.size &&
      least_wear(r, &r->dead, v, 1) + k->hot_margin <
          least_wear(r, &r->avail[v], v, 0)) {
    uint32_t want = all ? UINT32_MAX : coming_demand(r, v);
    reinit_scored(r, &r->dead, want, v, 1);
  }
  if (virgin_now) {
    uint32_t c = lw_vec_pop(&r->virgin);
    lw_vec_push(&r->setup[v], c);
    r->held_p1[c] = v;
    r->setup_v[c] = (uint8_t)v;
    return c;
  }
  if (r->avail[v].size)
    return pop_picked(r, &r->avail[v]);
  uint32_t want = all ? UINT32_MAX : coming_demand(r, v);
  if (r->dead.size) {
    reinit_scored(r, &r->dead, want, v, 1);
  } else if (r->avail[!v].size) {
    uint32_t n = all ? (r->avail[!v].size + 1) / 2 : want;
    reinit_scored(r, &r->avail[!v], n, v, 0);
  } else {
    return LW_NONE;
  }
  return pop_picked(r, &r->avail[v]);
}

/* A free cell holding v, re-initialising by policy; LW_NONE if the row is
 * full. */
static uint32_t take_cell(row *r, int v) {
  if (r->knobs)
    return take_cell_modelled(r, v);
  if (r->avail[v].size)
    return lw_vec_pop(&r->avail[v]);
  if (r->virgin.size) {
    uint32_t c = lw_vec_pop(&r->virgin);
    lw_vec_push(&r->setup[v], c);
    return c;
  }
  int all = r->params->reinit == LW_REINIT_ALL;
  uint32_t want = all ? UINT32_MAX : coming_demand(r, v);
  if (r->dead.size) {
    /* SIMPLER: all dead cells, the most recently freed on top */
    reinit_top(r, &r->dead, want < r->dead.size ? want : r->dead.size, v);
  } else if (r->avail[!v].size) {
    /* the fallback two init values need: take free cells of the other
     * value (half of them at most under ALL, so as not to strand it) */
    uint32_t k = all ? (r->avail[!v].size + 1) / 2 : want;
    if (k > r->avail[!v].size)
      k = r->avail[!v].size;
    reinit_top(r, &r->avail[!v], k, v);
  } else {
    return LW_NONE;
  }
  return lw_vec_pop(&r->avail[v]);
}

/* ---- invariants ---------------------------------------------------------- */

void lw_map_check_cells(uint32_t size, uint32_t fixed,
                        const lw_u32s *const *pools, int npools,
                        const uint32_t *live, uint32_t nlive) {
  if (!LW_CHECKS_ON)
    return;
  uint8_t *seen = lw_alloc(size + 1);
  uint32_t total = fixed;
  LW_ASSERT(fixed <= size);
  for (uint32_t c = 0; c < fixed; c++)
    seen[c] = 1;
  for (int p = 0; p < npools; p++)
    lw_vec_foreach (pools[p], i) {
      uint32_t c = pools[p]->data[i];
      LW_ASSERT(c < size && !seen[c]); /* in one pool, once; not fixed */
      seen[c] = 1;
      total++;
    }
  for (uint32_t i = 0; i < nlive; i++) {
    LW_ASSERT(live[i] < size && !seen[live[i]]); /* not free, one value */
    seen[live[i]] = 1;
    total++;
  }
  LW_ASSERT(total == size);
  lw_free(seen);
}

/* Values whose cell is taken after `placed` steps: unread uses left, or
 * never read at all (a dangling gate keeps its cell); a composite's
 * operand is dead once the composite ran (its cell is the composite's). */
static void check_row(const row *r, const lw_u32s *order, uint32_t placed) {
  if (!LW_CHECKS_ON)
    return;
  lw_u32s live = {0};
  for (uint32_t i = 0; i < placed; i++) {
    uint32_t v = order->data[i];
    if (r->left[v] > 0 || r->view->fanout[v] == 0)
      lw_vec_push(&live, r->cell[v]);
  }
  const lw_u32s *pools[] = {&r->virgin, &r->avail[0], &r->avail[1], &r->dead};
  lw_map_check_cells(r->size, r->fixed, pools, 4, live.data, live.size);
  lw_vec_free(&live);
}

/* The whole row at every step of small orders; a walk per step is O(n) and
 * would make Debug runs on large netlists quadratic, so larger orders are
 * checked at 64 evenly spaced steps (and at the end). */
#define CHECK_EVERY_STEP_BELOW 1024

static void check_row_sampled(const row *r, const lw_u32s *order,
                              uint32_t placed) {
  uint32_t every = order->size < CHECK_EVERY_STEP_BELOW ? 1 : order->size / 64;
  if (placed % every == 0 || placed == order->size)
    check_row(r, order, placed);
}

enum { HELD_NOTHING = 2, HELD_VALUE = 3 }; /* else the INIT value, 0 or 1 */

/* Bring r->held up to date with the cycles emitted since the last call. */
static void note_ops(row *r) {
  const lw_program *prog = r->prog;
  for (; r->held_seen < prog->cycles.size; r->held_seen++) {
    const lw_op *op = &prog->cycles.data[r->held_seen];
    if (op->type != LW_OP_INIT) {
      r->held[op->out] = HELD_VALUE;
      continue;
    }
    for (uint32_t k = 0; k < op->ncells; k++)
      r->held[lw_op_cells(prog, op)[k]] = op->value;
  }
}

/* A gate about to write cell c: a fresh cell holds the gate's init value
 * (from an INIT, or first used, from the setup just given it); a composite
 * overwrites a value. */
static void check_gate_cell(row *r, lw_gate_type t, uint32_t c) {
  if (!LW_CHECKS_ON)
    return;
  note_ops(r);
  int init = lw_gate(t)->init;
  if (lw_gate(t)->over >= 0) {
    LW_ASSERT(r->held[c] == HELD_VALUE);
    return;
  }
  LW_ASSERT(init == 0 || init == 1);
  const lw_u32s *setup = &r->setup[init];
  LW_ASSERT(r->held[c] == init || (r->held[c] == HELD_NOTHING && setup->size &&
                                   setup->data[setup->size - 1] == c));
}

static int ascending(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static uint32_t operand_cell(const row *r, uint32_t f) {
  return r->cell[r->view->rep[f]];
}

static lw_status too_small(const row *r, lw_error *err) {
  return lw_error_set(err, LW_ERR_ROW, NULL, 0,
                      "a row of %u cells is too small for '%s' (flow %s)",
                      r->size, r->view->net->name, r->params->flow);
}

static void free_row(row *r) {
  lw_free(r->cell);
  lw_vec_free(&r->virgin);
  lw_vec_free(&r->avail[0]);
  lw_vec_free(&r->avail[1]);
  lw_vec_free(&r->dead);
  lw_vec_free(&r->setup[0]);
  lw_vec_free(&r->setup[1]);
  lw_vec_free(&r->demand);
  lw_vec_free(&r->scratch);
  lw_free(r->wear);
  lw_free(r->held_p1);
  lw_free(r->setup_v);
  lw_free(r->chain);
  lw_free(r->end_p1);
  lw_free(r->death);
  lw_free(r->held);
  lw_free(r->left);
}

/* Cells for the constant outputs, after the last gate. */
static lw_status place_end_constants(row *r, lw_error *err) {
  int need = end_constants(r->view);
  for (int v = 0; v < 2; v++) {
    if (!(need & (1 << v)))
      continue;
    lw_net_foreach_node (r->view->net, id)
      if (r->view->kind[id] == LW_VIEW_CONST && !r->view->const_read[id] &&
          (lw_gate(lw_net_type(r->view->net, id))->fn == LW_FN_CONST1) == v)
        r->node = id;
    uint32_t c = take_cell(r, v);
    if (c == LW_NONE)
      return too_small(r, err);
    lw_net_foreach_node (r->view->net, id)
      if (r->view->kind[id] == LW_VIEW_CONST && !r->view->const_read[id]) {
        int value = lw_gate(lw_net_type(r->view->net, id))->fn == LW_FN_CONST1;
        if (value == v)
          r->cell[id] = c;
      }
  }
  return LW_OK;
}

/* The wear model's per-node figures: the last step that reads each value
 * (UINT32_MAX for an output) and, as a composite gate keeps its operand's
 * cell, the flips of the whole chain of values written into that cell and
 * the probability of 1 of its last value. */
static void start_wear_model(row *r, const lw_u32s *order) {
  const lw_map_view *view = r->view;
  const lw_map_knobs *knobs = r->knobs;
  r->wear = lw_alloc((r->size + 1) * sizeof(double));
  r->held_p1 = lw_alloc((r->size + 1) * sizeof(double));
  r->setup_v = lw_alloc(r->size + 1);
  r->death = lw_alloc((view->n + 1) * sizeof(uint32_t));
  lw_vec_foreach (order, i)
    lw_view_foreach_child (view, order->data[i], k, c)
      r->death[c] = i;
  lw_net_foreach_po (view->net, i, d)
    r->death[view->rep[d]] = UINT32_MAX;
  r->chain = lw_alloc((view->n + 1) * sizeof(double));
  r->end_p1 = lw_alloc((view->n + 1) * sizeof(double));
  for (uint32_t id = 0; id < view->n; id++) {
    r->chain[id] = knobs->flip[id];
    r->end_p1[id] = knobs->p1[id];
  }
  for (uint32_t i = order->size; i-- > 0;) {
    uint32_t v = order->data[i], y = view->over[v];
    if (y == LW_NONE)
      continue;
    if (r->death[v] > r->death[y])
      r->death[y] = r->death[v];
    r->chain[y] += r->chain[v];
    r->end_p1[y] = r->end_p1[v];
  }
}

/* The fixed cells from 0 up: the inputs, then the constants gates read
 * (set by setup); the cells above them are never used yet. LW_ERR_ROW if
 * the fixed cells alone do not fit. */
static lw_status place_fixed_cells(row *r, lw_error *err) {
  const lw_net *net = r->view->net;
  uint32_t next = 0;
  lw_net_foreach_pi (net, i, id) {
    r->cell[id] = next;
    lw_program_add_input(r->prog, lw_net_node_name(net, id), next++);
  }
  for (uint32_t id = 0; id < r->view->n; id++)
    if (r->view->const_read[id]) {
      int v = lw_gate(lw_net_type(net, id))->fn == LW_FN_CONST1;
      r->cell[id] = next;
      lw_vec_push(&r->setup[v], next++);
    }
  if (next > r->size)
    return too_small(r, err);
  for (uint32_t c = next; c < r->size; c++)
    lw_vec_push(&r->virgin, c); /* popped from the top: cell size-1 first */
  r->fixed = next;
  return LW_OK;
}

/* The init value each step of the order needs; 2 for a composite gate,
 * which needs none. */
static void list_demand(row *r, const lw_u32s *order) {
  lw_vec_foreach (order, i) {
    uint32_t v = order->data[i];
    lw_vec_push(&r->demand,
                r->view->over[v] == LW_NONE
                    ? (uint32_t)lw_gate(lw_net_type(r->view->net, v))->init
                    : 2u);
  }
}

/* Step i of the order: the gate's cell (its operand's for a composite, else
 * a free cell holding its init value) and its op; a value whose last reader
 * this is becomes dead. LW_ERR_ROW if no cell is free. */
static lw_status place_gate(row *r, const lw_u32s *order, uint32_t i,
                            lw_error *err) {
  const lw_map_view *view = r->view;
  uint32_t v = order->data[i];
  lw_gate_type t = lw_net_type(view->net, v);
  uint32_t y = view->over[v];
  uint32_t in[LW_GATE_MAX_FANIN], nin = 0;
  r->step = i;
  r->node = v;
  if (y != LW_NONE) {
    r->cell[v] = r->cell[y];
  } else {
    r->cell[v] = take_cell(r, lw_gate(t)->init);
    if (r->cell[v] == LW_NONE)
      return too_small(r, err);
  }
  lw_net_foreach_fanin (view->net, v, k, f)
    if ((int)k != lw_gate(t)->over)
      in[nin++] = operand_cell(r, f);
  check_gate_cell(r, t, r->cell[v]);
  lw_program_add_gate(r->prog, t, in, nin, r->cell[v]);
  if (r->knobs) {
    add_wear(r, r->cell[v], r->knobs->flip[v]);
    r->held_p1[r->cell[v]] = r->knobs->p1[v];
  }
  lw_view_foreach_child (view, v, k, c)
    if (--r->left[c] == 0 && c != y)
      lw_vec_push(&r->dead, r->cell[c]);
  check_row_sampled(r, order, i + 1);
  return LW_OK;
}

/* The setup: the first value of every cell used (SIMPLER MAGIC: 0 in every
 * other cell of the row too). With the wear model, the steady state: the
 * next run's setup is written over the final row. */
static void add_setup(row *r) {
  if (r->params->setup_all)
    lw_vec_foreach (&r->virgin, i)
      lw_vec_push(&r->setup[0], r->virgin.data[i]);
  for (int v = 0; v < 2; v++) {
    lw_u32s *cells = &r->setup[v];
    if (!cells->size)
      continue;
    qsort(cells->data, cells->size, sizeof *cells->data, ascending);
    lw_program_add_init(r->prog, 1, v, cells->data, cells->size);
    lw_vec_foreach (cells, i)
      if (r->knobs)
        r->wear[cells->data[i]] += init_cost(r, cells->data[i], v);
  }
}

static void predict(const row *r, lw_map_prediction *predicted) {
  memset(predicted, 0, sizeof *predicted);
  for (uint32_t c = 0; c < r->size; c++) {
    predicted->total += r->wear[c];
    if (r->wear[c] > predicted->hottest)
      predicted->hottest = r->wear[c];
  }
}

lw_status lw_map_alloc(const lw_map_view *view, const lw_u32s *order,
                       const lw_map_params *params, const lw_map_knobs *knobs,
                       uint32_t size, lw_program *prog,
                       lw_map_prediction *predicted, lw_error *err) {
  row r = {.view = view,
           .params = params,
           .prog = prog,
           .knobs = knobs,
           .size = size};
  r.cell = lw_alloc(view->n * sizeof(uint32_t));
  if (knobs)
    start_wear_model(&r, order);
  r.left = lw_alloc(view->n * sizeof(uint32_t));
  memcpy(r.left, view->fanout, view->n * sizeof(uint32_t));
  lw_status st = place_fixed_cells(&r, err);
  if (st == LW_OK && LW_CHECKS_ON) {
    r.held = lw_alloc(size + 1);
    memset(r.held, HELD_NOTHING, size + 1);
  }
  if (st == LW_OK)
    list_demand(&r, order);
  for (uint32_t i = 0; i < order->size && st == LW_OK; i++)
    st = place_gate(&r, order, i, err);
  if (st == LW_OK) {
    r.step = order->size;
    st = place_end_constants(&r, err);
  }
  if (st == LW_OK) {
    lw_net_foreach_po (view->net, i, d)
      lw_program_add_output(prog, lw_net_po_name(view->net, i),
                            operand_cell(&r, d));
    add_setup(&r);
    if (knobs && predicted)
      predict(&r, predicted);
  }
  free_row(&r);
  return st;
}
