/* Recomputation by greedy duplication: map plainly (execution order, live
 * values), look at the steps where the most values are alive, and among the
 * values alive there that no gate reads for a while pick the cheapest to
 * compute again (cycles and toggles added, fanins kept alive longer) for the
 * readers after the peak. A choice is kept when it lowers the minimum row or
 * the number of steps at the peak, and a smaller row only when its program
 * stays within the latency budget. */
#include "map/recompute.h"

#include <stdlib.h>
#include <string.h>

#include "map/alloc.h"
#include "map/orders.h"
#include "map/view.h"

#define DEFAULT_MAX_CONE 6
#define DEFAULT_TRIES 64
#define DEFAULT_WORK_PER_NODE 400
#define PEAK_STEPS 4 /* peak steps whose values are weighed per step */

/* ---- a copy of a netlist ------------------------------------------------- */

/* Nodes keep their ids; inputs their declaration order (ids may differ);
 * covers, which only synthesis reads, are left out. */
static lw_net *copy_net(const lw_net *net) {
  lw_net *out = lw_net_new(net->name);
  lw_net_foreach_node (net, id) {
    uint32_t n = lw_net_nfanin(net, id);
    lw_net_add_node(out, lw_net_type(net, id), n,
                    n ? &lw_net_fanin(net, id, 0) : NULL,
                    lw_net_node_name(net, id));
  }
  lw_vec_clear(&out->pis);
  lw_net_foreach_pi (net, i, id)
    lw_vec_push(&out->pis, id);
  lw_net_foreach_po (net, i, d)
    lw_net_add_po(out, d, lw_net_po_name(net, i));
  return out;
}

/* ---- one netlist under the mapper's rules -------------------------------- */

typedef struct eval {
  lw_map_view view;
  lw_u32s order;      /* the execution order of the least (row, peaks) */
  uint32_t min_row;   /* lw_map_min_row of that order */
  uint32_t peak;      /* most live values */
  lw_u32s peaks;      /* steps where `peak` values are alive; empty when
                         the outputs at the end decide the row */
  uint32_t *step;     /* per node: its index in order, UINT32_MAX if none */
  uint32_t *last;     /* per node: the last step that reads it */
  uint8_t *output;    /* per node: drives an output */
  lw_u32s rd_off, rd; /* per node: executed gates reading it */
} eval;

static void eval_free(eval *e) {
  lw_map_view_free(&e->view);
  lw_vec_free(&e->order);
  lw_vec_free(&e->peaks);
  lw_vec_free(&e->rd_off);
  lw_vec_free(&e->rd);
  lw_free(e->step);
  lw_free(e->last);
  lw_free(e->output);
  memset(e, 0, sizeof *e);
}

/* The steps at which `peak` values are live. */
static uint32_t count_peaks(const uint32_t *live_at, uint32_t n,
                            uint32_t peak) {
  uint32_t np = 0;
  for (uint32_t i = 0; i < n; i++)
    np += live_at[i] == peak;
  return np;
}

/* Steps, last reads, outputs and readers of the chosen order. */
static void index_order(eval *e, const uint32_t *live_at, int peak_decides) {
  const lw_map_view *v = &e->view;
  uint32_t n = v->n;
  e->step = lw_alloc((n + 1) * sizeof(uint32_t));
  e->last = lw_alloc((n + 1) * sizeof(uint32_t));
  e->output = lw_alloc(n + 1);
  for (uint32_t id = 0; id < n; id++)
    e->step[id] = UINT32_MAX;
  lw_vec_foreach (&e->order, i)
    e->step[e->order.data[i]] = i;
  lw_net_foreach_po (v->net, i, d)
    e->output[v->rep[d]] = 1;
  lw_vec_resize(&e->rd_off, n + 1);
  memset(e->rd_off.data, 0, (n + 1) * sizeof(uint32_t));
  for (int fill = 0; fill < 2; fill++) {
    if (fill) {
      for (uint32_t id = 0; id < n; id++)
        e->rd_off.data[id + 1] += e->rd_off.data[id];
      lw_vec_resize(&e->rd, e->rd_off.data[n]);
    }
    lw_vec_foreach (&e->order, i) {
      uint32_t r = e->order.data[i];
      lw_net_foreach_fanin (v->net, r, k, f) {
        uint32_t c = v->rep[f];
        if (fill)
          e->rd.data[e->rd_off.data[c]++] = r;
        else
          e->rd_off.data[c + 1]++;
        e->last[c] = i;
      }
    }
  }
  for (uint32_t id = n; id > 0; id--) /* the filling pass moved the offsets */
    e->rd_off.data[id] = e->rd_off.data[id - 1];
  e->rd_off.data[0] = 0;
  lw_vec_clear(&e->peaks);
  lw_vec_foreach (&e->order, i)
    if (peak_decides && live_at[i] == e->peak)
      lw_vec_push(&e->peaks, i);
}

static int nvariants(const lw_map_params *params) {
  int nvar = params->schedules > 1 ? params->schedules : 1;
  return nvar > LW_SCHEDULE_COUNT ? LW_SCHEDULE_COUNT : nvar;
}

/* The view of net and, among the flow's execution orders, the one with the
 * smallest minimum row, then the fewest steps at the peak. */
static lw_status evaluate(const lw_net *net, const lw_map_params *params,
                          eval *e, uint64_t *work, lw_error *err) {
  memset(e, 0, sizeof *e);
  lw_status st = lw_map_view_build(net, &e->view, err);
  uint32_t best_np = 0, best_base = 0;
  lw_u32s orders[LW_MAP_MAX_ORDERS] = {{0}};
  int nvar = 0;
  uint32_t *live_at = lw_alloc((e->view.n + 1) * sizeof(uint32_t));
  /* the flow's orders, the least-peak search at its smallest budget: the
   * search evaluates many netlists */
  if (st == LW_OK)
    st = lw_map_orders(&e->view, params, 1, orders, &nvar, err);
  for (int var = 0; var < nvar && st == LW_OK; var++) {
    const lw_u32s *order = &orders[var];
    lw_map_stats ms;
    memset(&ms, 0, sizeof ms);
    lw_map_min_row(&e->view, order, &ms);
    uint32_t peak = lw_map_live_profile(&e->view, order, live_at, NULL);
    uint32_t np = count_peaks(live_at, order->size, peak);
    if (!var || ms.min_row < e->min_row ||
        (ms.min_row == e->min_row && np < best_np)) {
      e->min_row = ms.min_row;
      e->peak = peak;
      best_np = np;
      best_base = ms.base;
      lw_vec_clear(&e->order);
      lw_vec_foreach (order, i)
        lw_vec_push(&e->order, order->data[i]);
    }
  }
  *work += (uint64_t)e->view.n * (uint64_t)(nvar + 2);
  if (st == LW_OK) {
    lw_map_live_profile(&e->view, &e->order, live_at, NULL);
    index_order(e, live_at, e->min_row <= best_base + e->peak);
  }
  for (int var = 0; var < LW_MAP_MAX_ORDERS; var++)
    lw_vec_free(&orders[var]);
  lw_free(live_at);
  return st;
}

/* (row, steps at the peak) of a is smaller than b's. */
static int better(const eval *a, const eval *b) {
  if (a->min_row != b->min_row)
    return a->min_row < b->min_row;
  return a->peaks.size < b->peaks.size;
}

/* ---- the choices at a peak ----------------------------------------------- */

typedef struct choice {
  uint32_t node; /* the value computed again */
  uint32_t at;   /* the peak step: readers after it read the copy */
  uint32_t gap;  /* steps without a reader around the peak */
  double cost;   /* cycles + toggles added, + 2 per fanin kept longer */
} choice;
LW_VEC_DEFINE(choices, choice);

static int in_list(const lw_u32s *list, uint32_t x) {
  lw_vec_foreach (list, i)
    if (list->data[i] == x)
      return 1;
  return 0;
}

/* The gates to run again for x before step s1, fanins first, into cone
 * (x last): a fanin gate that is no longer alive at s1 joins while the
 * cone has room and is no composite; otherwise its life is extended
 * (*extended). *taken counts the gates decided so far. */
static void grow_cone(const eval *e, uint32_t x, uint32_t s1, uint32_t max,
                      uint32_t *taken, lw_u32s *cone, uint32_t *extended) {
  const lw_map_view *v = &e->view;
  lw_net_foreach_fanin (v->net, x, k, f0) {
    uint32_t f = v->rep[f0];
    if (v->kind[f] != LW_VIEW_GATE || in_list(cone, f))
      continue;
    if (e->output[f] || e->last[f] >= s1)
      continue; /* alive there anyway */
    if (*taken < max && v->over[f] == LW_NONE) {
      ++*taken;
      grow_cone(e, f, s1, max, taken, cone, extended);
    } else {
      ++*extended;
    }
  }
  lw_vec_push(cone, x);
}

/* The first step after `at` that reads u (order size: only outputs). */
static uint32_t first_later_read(const eval *e, uint32_t u, uint32_t at,
                                 uint32_t *last_early) {
  uint32_t s1 = e->order.size;
  *last_early = e->step[u];
  for (uint32_t j = e->rd_off.data[u]; j < e->rd_off.data[u + 1]; j++) {
    uint32_t s = e->step[e->rd.data[j]];
    if (s > at && s < s1)
      s1 = s;
    if (s < at && s > *last_early)
      *last_early = s;
  }
  return s1;
}

/* A value alive at step `at`, not read there, read before it (else moving
 * it is the order's business) and needed after it (a reader or an output),
 * that no composite gate makes: a choice, with its cost. */
static int weigh(const eval *e, uint32_t u, uint32_t at, uint32_t max_cone,
                 lw_u32s *cone, choice *c) {
  const lw_map_view *v = &e->view;
  uint32_t s = e->step[u];
  if (v->kind[u] != LW_VIEW_GATE || v->over[u] != LW_NONE || s >= at)
    return 0;
  if (!e->output[u] && e->last[u] <= at)
    return 0;
  uint32_t last_early = 0;
  uint32_t s1 = first_later_read(e, u, at, &last_early);
  if (last_early == s) /* no reader before the peak */
    return 0;
  lw_view_foreach_child (v, e->order.data[at], k, ch)
    if (ch == u)
      return 0; /* read at the peak */
  uint32_t taken = 1, extended = 0;
  lw_vec_clear(cone);
  grow_cone(e, u, s1, max_cone, &taken, cone, &extended);
  double toggles = 0;
  lw_vec_foreach (cone, i)
    toggles += lw_gate(lw_net_type(v->net, cone->data[i]))->rate;
  *c = (choice){.node = u,
                .at = at,
                .gap = s1 - last_early,
                .cost = cone->size + toggles + 2.0 * extended};
  return 1;
}

static int by_cost(const void *a, const void *b) {
  const choice *x = a, *y = b;
  if (x->cost != y->cost)
    return x->cost < y->cost ? -1 : 1;
  if (x->gap != y->gap)
    return x->gap > y->gap ? -1 : 1;
  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return (x->node > y->node) - (x->node < y->node);
}

/* The choices at the first peak steps, cheapest first. */
static void gather(const eval *e, uint32_t max_cone, choices *out,
                   uint64_t *work) {
  lw_u32s cone = {0};
  lw_vec_clear(out);
  for (uint32_t p = 0; p < e->peaks.size && p < PEAK_STEPS; p++) {
    uint32_t at = e->peaks.data[p];
    for (uint32_t u = 0; u < e->view.n; u++) {
      choice c;
      if (weigh(e, u, at, max_cone, &cone, &c))
        lw_vec_push(out, c);
    }
    *work += e->view.n;
  }
  if (out->size)
    qsort(out->data, out->size, sizeof *out->data, by_cost);
  lw_vec_free(&cone);
}

/* net with c applied: the cone copied (fanins inside the cone read the
 * copies), the readers after c->at and the outputs of c->node rewired to
 * its copy. */
static lw_net *apply(const eval *e, const lw_net *net, const choice *c,
                     uint32_t max_cone) {
  const lw_map_view *v = &e->view;
  lw_u32s cone = {0}, copy = {0};
  uint32_t last_early = 0, taken = 1, extended = 0;
  uint32_t s1 = first_later_read(e, c->node, c->at, &last_early);
  grow_cone(e, c->node, s1, max_cone, &taken, &cone, &extended);
  lw_net *out = copy_net(net);
  uint32_t fan[LW_GATE_MAX_FANIN];
  lw_vec_foreach (&cone, i) {
    uint32_t x = cone.data[i], n = lw_net_nfanin(net, x);
    for (uint32_t k = 0; k < n && k < LW_GATE_MAX_FANIN; k++) {
      uint32_t f0 = lw_net_fanin(net, x, k);
      fan[k] = f0;
      for (uint32_t j = 0; j < i; j++)
        if (cone.data[j] == v->rep[f0])
          fan[k] = copy.data[j];
    }
    lw_vec_push(&copy, lw_net_add_node(out, lw_net_type(net, x), n, fan, NULL));
  }
  uint32_t u = c->node, u2 = lw_vec_last(&copy);
  for (uint32_t j = e->rd_off.data[u]; j < e->rd_off.data[u + 1]; j++) {
    uint32_t r = e->rd.data[j];
    if (e->step[r] > c->at)
      lw_net_foreach_fanin (net, r, k, f)
        if (v->rep[f] == u)
          lw_net_set_fanin(out, r, k, u2);
  }
  lw_net_foreach_po (net, i, d)
    if (v->rep[d] == u)
      out->pos.data[i] = u2;
  lw_vec_free(&cone);
  lw_vec_free(&copy);
  return out;
}

/* ---- the search ---------------------------------------------------------- */

/* The plain program's latency of net at `row` cells (0: at its minimum
 * row, which *used receives; lw_map_run's orders include the least-peak
 * search, which the search's own evaluations leave out for speed). */
static lw_status latency_at(const lw_net *net, const lw_map_params *params,
                            uint32_t row, uint32_t *latency, uint32_t *used,
                            uint64_t *work, lw_error *err) {
  lw_map_params mp = *params;
  mp.row = row;
  mp.wear_aware = mp.prob_reinit = 0;
  lw_program *prog = NULL;
  lw_status st = lw_map_run(net, &mp, NULL, &prog, err);
  *latency = st == LW_OK ? (uint32_t)prog->cycles.size : UINT32_MAX;
  if (used)
    *used = st == LW_OK ? prog->row_size : UINT32_MAX;
  *work += (uint64_t)lw_net_size(net) * 4u * (uint64_t)nvariants(params);
  lw_program_free(prog);
  return st;
}

typedef struct search {
  const lw_map_params *params;
  const lw_recompute_params *rp;
  uint32_t max_cone, tries;
  uint64_t limit;
  lw_recompute_stats *stats;
  lw_net *cur, *best;
  eval e;
} search;

/* Try the cheapest choices at the current peaks; the first that lowers
 * (row, peaks) within the latency budget becomes current (and best, when
 * its row is smaller). 1 when one did. */
static int step_once(search *s, lw_error *err) {
  choices cs = {0};
  gather(&s->e, s->max_cone, &cs, &s->stats->work);
  int moved = 0;
  for (uint32_t i = 0; i < cs.size && i < s->tries && !moved; i++) {
    if (s->stats->work >= s->limit)
      break;
    lw_net *cand = apply(&s->e, s->cur, &cs.data[i], s->max_cone);
    eval ce;
    lw_error local = {0};
    s->stats->tried++;
    lw_status st = evaluate(cand, s->params, &ce, &s->stats->work, &local);
    int keep = st == LW_OK && better(&ce, &s->e);
    uint32_t latency = 0;
    if (keep && ce.min_row < s->stats->row) {
      st = latency_at(cand, s->params, ce.min_row, &latency, NULL,
                      &s->stats->work, &local);
      keep = st == LW_OK && latency <= s->rp->latency_budget;
      s->stats->budget_stopped |= st == LW_OK && !keep;
      if (keep) {
        lw_net_free(s->best);
        s->best = copy_net(cand);
        s->stats->row = ce.min_row;
        s->stats->latency = latency;
      }
    }
    if (keep) {
      eval_free(&s->e);
      s->e = ce;
      lw_net_free(s->cur);
      s->cur = cand;
      s->stats->steps++;
      moved = 1;
    } else {
      eval_free(&ce);
      lw_net_free(cand);
    }
  }
  (void)err;
  lw_vec_free(&cs);
  return moved;
}

lw_status lw_map_recompute(const lw_net *net, const lw_map_params *params,
                           const lw_recompute_params *rp,
                           lw_recompute_stats *stats, lw_net **out,
                           lw_error *err) {
  lw_recompute_stats local;
  search s = {.params = params, .rp = rp, .stats = stats ? stats : &local};
  memset(s.stats, 0, sizeof *s.stats);
  *out = NULL;
  s.max_cone = rp->max_cone ? rp->max_cone : DEFAULT_MAX_CONE;
  s.tries = rp->tries ? rp->tries : DEFAULT_TRIES;
  s.limit = rp->work ? rp->work
                     : (uint64_t)DEFAULT_WORK_PER_NODE * lw_net_size(net) *
                           (uint64_t)(nvariants(params) + 2);
  s.cur = copy_net(net);
  lw_status st = evaluate(s.cur, params, &s.e, &s.stats->work, err);
  if (st == LW_OK)
    st = latency_at(s.cur, params, 0, &s.stats->latency, &s.stats->row,
                    &s.stats->work, err);
  if (st == LW_OK) {
    s.stats->plain_row = s.stats->row;
    s.best = copy_net(s.cur);
    while (s.stats->work < s.limit && s.e.peaks.size &&
           (!rp->target_row || s.stats->row > rp->target_row) &&
           s.e.order.size <= rp->latency_budget && step_once(&s, err))
      ;
    s.stats->copies = (uint32_t)(lw_net_size(s.best) - lw_net_size(net));
    *out = s.best;
    s.best = NULL;
  }
  eval_free(&s.e);
  lw_net_free(s.cur);
  lw_net_free(s.best);
  return st;
}
