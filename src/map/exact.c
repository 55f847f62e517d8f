/* The exact minimum row by SAT (docs/exact.md). Steps t = 0..m-1 for m
 * executed gates; d(v,t): "gate v has run by step t", monotone in t. A gate
 * runs after its children and a composite after the other readers of its
 * operand (strictly earlier steps). Several gates may start at one step:
 * any serial order of them is valid and needs no more cells, so the
 * optimum is the same as with one gate per step.
 *
 * Cells are counted as lw_map_min_row counts them: a non-composite gate
 * (a chain head) takes a cell that the composite gates overwriting it in
 * turn keep (its chain); the cell is free again once every reader of the
 * chain's last value has run, never for an output or an unread value. At
 * step t the count is every head run by t whose chain is not dead by t-1:
 * live(h,t) <- d(h,t) & !d(r,t-1) for a reader r of the chain's end. A
 * sequential counter per step bounds the count by K; K decreases with
 * incremental solving until UNSAT (optimal) or the time limit. */
#include "map/exact.h"

#include <ccadical.h>
#include <stdlib.h>

#include "base/proc.h"
#include "map/alloc.h"

typedef struct enc {
  const lw_map_view *view;
  CCaDiCaL *sat;
  int nvars;
  uint32_t nclauses;
  uint32_t m;          /* executed gates */
  uint32_t *gate;      /* index -> node, in the given order */
  uint32_t *gi;        /* node -> index (LW_NONE: not executed) */
  uint32_t *level;     /* per index: earliest step (ancestors) */
  uint32_t *rlevel;    /* per index: steps that must follow it (descendants) */
  uint32_t *term;      /* per index of a chain head: the chain's last node */
  lw_u32s *readers;    /* per index: distinct reading gates (indices) */
  uint32_t width;      /* counter outputs per step: at least 1..width */
  int *top;            /* per step, width entries: "at least j+1" (0: never) */
  uint32_t never_free; /* heads whose cell stays taken to the end */
} enc;

static int new_var(enc *e) { return ++e->nvars; }

static void clause(enc *e, const int *lits, int n) {
  for (int i = 0; i < n; i++)
    ccadical_add(e->sat, lits[i]);
  ccadical_add(e->sat, 0);
  e->nclauses++;
}

#define CLAUSE(e, ...)                                                         \
  clause(e, (const int[]){__VA_ARGS__},                                        \
         (int)(sizeof((const int[]){__VA_ARGS__}) / sizeof(int)))

static int d(const enc *e, uint32_t i, uint32_t t) {
  return (int)(1 + (size_t)i * e->m + t);
}

/* ---- the netlist's structure ----------------------------------------------
 */

/* Gates in the given order, their indices, and the distinct readers of
 * each. */
static void index_gates(enc *e, const lw_u32s *order) {
  const lw_map_view *view = e->view;
  e->m = order->size;
  e->gate = lw_alloc((e->m + 1) * sizeof(uint32_t));
  e->gi = lw_alloc((view->n + 1) * sizeof(uint32_t));
  e->readers = lw_alloc((e->m + 1) * sizeof(lw_u32s));
  for (uint32_t id = 0; id < view->n; id++)
    e->gi[id] = LW_NONE;
  lw_vec_foreach (order, i) {
    e->gate[i] = order->data[i];
    e->gi[order->data[i]] = i;
  }
  for (uint32_t i = 0; i < e->m; i++)
    lw_view_foreach_child (view, e->gate[i], k, c) {
      lw_u32s *r = &e->readers[e->gi[c]];
      if (!r->size || r->data[r->size - 1] != i)
        lw_vec_push(r, i);
    }
}

#define AFTER_FOREACH(view, v, k, r)                                           \
  for (uint32_t k = (view)->after_off.data[v], r;                              \
       k < (view)->after_off.data[(v) + 1] &&                                  \
       ((r = (view)->after.data[k]), 1);                                       \
       k++)

/* The gates that must run before gate i (its children and, composite,
 * the other readers of its operand), as indices. */
#define PRED_FOREACH(e, i, body)                                               \
  do {                                                                         \
    uint32_t v_ = (e)->gate[i];                                                \
    lw_view_foreach_child ((e)->view, v_, k_, c_) {                            \
      uint32_t p = (e)->gi[c_];                                                \
      body;                                                                    \
    }                                                                          \
    AFTER_FOREACH((e)->view, v_, k_, r_) {                                     \
      uint32_t p = (e)->gi[r_];                                                \
      body;                                                                    \
    }                                                                          \
  } while (0)

static uint32_t popcount(const uint64_t *set, uint32_t words) {
  uint32_t n = 0;
  for (uint32_t w = 0; w < words; w++)
    n += (uint32_t)__builtin_popcountll(set[w]);
  return n;
}

/* Earliest and latest step of each gate in a serial order: after all its
 * ancestors, before all its descendants (bit sets of indices). A solution
 * with several gates per step serialises into one that keeps them. */
static void find_windows(enc *e) {
  uint32_t m = e->m, words = (m + 63) / 64;
  uint64_t *anc = lw_alloc(((size_t)m * words + 1) * sizeof(uint64_t));
  uint64_t *desc = lw_alloc(((size_t)m * words + 1) * sizeof(uint64_t));
  e->level = lw_alloc((m + 1) * sizeof(uint32_t));
  e->rlevel = lw_alloc((m + 1) * sizeof(uint32_t));
  for (uint32_t i = 0; i < m; i++) {
    uint64_t *a = anc + (size_t)i * words;
    PRED_FOREACH(e, i, {
      const uint64_t *b = anc + (size_t)p * words;
      for (uint32_t w = 0; w < words; w++)
        a[w] |= b[w];
      a[p / 64] |= 1ull << (p % 64);
    });
    e->level[i] = popcount(a, words);
  }
  for (uint32_t i = m; i-- > 0;) {
    const uint64_t *a = desc + (size_t)i * words;
    PRED_FOREACH(e, i, {
      uint64_t *b = desc + (size_t)p * words;
      for (uint32_t w = 0; w < words; w++)
        b[w] |= a[w];
      b[i / 64] |= 1ull << (i % 64);
    });
  }
  for (uint32_t i = 0; i < m; i++)
    e->rlevel[i] = popcount(desc + (size_t)i * words, words);
  lw_free(anc);
  lw_free(desc);
}

/* Each chain head's last node: follow the composite gates that overwrite
 * it in turn (view.c allows one per value). */
static void find_chains(enc *e) {
  const lw_map_view *view = e->view;
  uint32_t *owner = lw_alloc((e->m + 1) * sizeof(uint32_t));
  e->term = lw_alloc((e->m + 1) * sizeof(uint32_t));
  for (uint32_t i = 0; i < e->m; i++)
    owner[i] = LW_NONE;
  for (uint32_t i = 0; i < e->m; i++)
    if (view->over[e->gate[i]] != LW_NONE)
      owner[e->gi[view->over[e->gate[i]]]] = i;
  for (uint32_t i = 0; i < e->m; i++) {
    uint32_t z = i;
    while (owner[z] != LW_NONE)
      z = owner[z];
    e->term[i] = z;
  }
  lw_free(owner);
}

static int is_head(const enc *e, uint32_t i) {
  return e->view->over[e->gate[i]] == LW_NONE;
}

/* A chain's cell is never freed: its last value is an output or unread. */
static int never_freed(const enc *e, uint32_t i) {
  uint32_t z = e->gate[e->term[i]];
  return e->view->fanout[z] == 0 || e->view->fanout[z] != e->view->readers[z];
}

/* ---- clauses ----------------------------------------------------------------
 */

/* d(v,t) for every gate and step: monotone, all run by the last step, none
 * before its level, none later than its reverse level allows, and each
 * after its children and (composite) the other readers of its operand. */
static void encode_order(enc *e) {
  const lw_map_view *view = e->view;
  e->nvars = (int)(e->m * e->m);
  for (uint32_t i = 0; i < e->m; i++) {
    uint32_t v = e->gate[i];
    for (uint32_t t = 0; t < e->m; t++) {
      if (t + 1 < e->m)
        CLAUSE(e, -d(e, i, t), d(e, i, t + 1));
      if (t < e->level[i])
        CLAUSE(e, -d(e, i, t));
      if (t + 1 + e->rlevel[i] >= e->m)
        CLAUSE(e, d(e, i, t));
      if (t == 0)
        continue;
      lw_view_foreach_child (view, v, k, c)
        CLAUSE(e, -d(e, i, t), d(e, e->gi[c], t - 1));
      AFTER_FOREACH(view, v, k, r)
      CLAUSE(e, -d(e, i, t), d(e, e->gi[r], t - 1));
    }
  }
}

/* live(h,t) is forced when head h has run by t and some reader of its
 * chain's end has not run by t-1 (always, for a cell never freed). */
static int encode_live(enc *e, uint32_t h, uint32_t t) {
  int live = new_var(e);
  if (never_freed(e, h) || t == 0) {
    CLAUSE(e, -d(e, h, t), live);
    return live;
  }
  const lw_u32s *rd = &e->readers[e->term[h]];
  lw_vec_foreach (rd, k)
    CLAUSE(e, -d(e, h, t), d(e, rd->data[k], t - 1), live);
  return live;
}

/* Sequential counter over step t's live literals; e->top[t] receives the
 * last row: top[j] true when at least j+1 are live. */
static void encode_step(enc *e, uint32_t t, int *prev, int *cur) {
  uint32_t W = e->width, inputs = 0;
  for (uint32_t j = 0; j < W; j++)
    prev[j] = 0;
  for (uint32_t h = 0; h < e->m; h++) {
    if (!is_head(e, h) || e->level[h] > t)
      continue;
    int x = encode_live(e, h, t);
    inputs++;
    for (uint32_t j = 0; j < W; j++) {
      cur[j] = j < inputs ? new_var(e) : 0;
      if (!cur[j])
        continue;
      if (j == 0)
        CLAUSE(e, -x, cur[0]);
      if (prev[j])
        CLAUSE(e, -prev[j], cur[j]);
      if (j > 0 && prev[j - 1])
        CLAUSE(e, -x, -prev[j - 1], cur[j]);
    }
    memcpy(prev, cur, W * sizeof(int));
  }
  memcpy(e->top + (size_t)t * W, prev, W * sizeof(int));
}

static void encode(enc *e, uint32_t peak) {
  encode_order(e);
  e->width = peak + 1;
  e->top = lw_alloc(((size_t)e->m * e->width + 1) * sizeof(int));
  int *prev = lw_alloc((e->width + 1) * sizeof(int));
  int *cur = lw_alloc((e->width + 1) * sizeof(int));
  for (uint32_t t = 0; t < e->m; t++)
    encode_step(e, t, prev, cur);
  lw_free(prev);
  lw_free(cur);
}

/* At most k live cells at every step (k < width); permanent, as k only
 * decreases. */
static void bound_live(enc *e, uint32_t k) {
  for (uint32_t t = 0; t < e->m; t++) {
    int at_least = e->top[(size_t)t * e->width + k];
    if (at_least)
      CLAUSE(e, -at_least);
  }
}

/* ---- lower bound, decoding, checks ----------------------------------------
 */

/* No order needs fewer live cells than a gate and its operands at its step
 * (operands are distinct chains), or than the cells never freed. */
static uint32_t trivial_peak(const enc *e) {
  uint32_t lb = 0;
  for (uint32_t i = 0; i < e->m; i++) {
    uint32_t v = e->gate[i], need = is_head(e, i);
    lw_view_foreach_child (e->view, v, k, c) {
      int dup = 0;
      for (uint32_t j = e->view->child_off.data[v]; j < k; j++)
        dup |= e->view->children.data[j] == c;
      need += !dup;
    }
    lb = need > lb ? need : lb;
  }
  uint32_t never = 0;
  for (uint32_t i = 0; i < e->m; i++)
    never += is_head(e, i) && never_freed(e, i);
  return never > lb ? never : lb;
}

typedef struct keyed {
  uint64_t key;
  uint32_t node;
} keyed;

static int by_key(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  return (x->key > y->key) - (x->key < y->key);
}

/* The model's order: by the step each gate starts at, then the given
 * order. */
static void decode(const enc *e, lw_u32s *order) {
  keyed *k = lw_alloc((e->m + 1) * sizeof(keyed));
  for (uint32_t i = 0; i < e->m; i++) {
    uint32_t t = 0;
    while (t < e->m && ccadical_val(e->sat, d(e, i, t)) < 0)
      t++;
    k[i] = (keyed){(uint64_t)t * e->m + i, e->gate[i]};
  }
  qsort(k, e->m, sizeof *k, by_key);
  lw_vec_clear(order);
  for (uint32_t i = 0; i < e->m; i++)
    lw_vec_push(order, k[i].node);
  lw_free(k);
}

int lw_map_order_valid(const lw_map_view *view, const lw_u32s *order) {
  uint32_t *pos = lw_alloc((view->n + 1) * sizeof(uint32_t));
  uint32_t gates = 0;
  int ok = 1;
  for (uint32_t id = 0; id < view->n; id++) {
    pos[id] = LW_NONE;
    gates += view->kind[id] == LW_VIEW_GATE;
  }
  lw_vec_foreach (order, i) {
    uint32_t v = order->data[i];
    ok &= v < view->n && view->kind[v] == LW_VIEW_GATE && pos[v] == LW_NONE;
    if (ok)
      pos[v] = i;
  }
  ok &= order->size == gates;
  for (uint32_t i = 0; ok && i < order->size; i++) {
    uint32_t v = order->data[i];
    lw_view_foreach_child (view, v, k, c)
      ok &= pos[c] < i;
    AFTER_FOREACH(view, v, k, r)
    ok &= pos[r] < i;
  }
  lw_free(pos);
  return ok;
}

/* ---- the search -------------------------------------------------------------
 */

static int past_deadline(void *state) {
  const double *deadline = state;
  return *deadline > 0 && lw_clock() > *deadline;
}

static void free_enc(enc *e) {
  if (e->sat)
    ccadical_release(e->sat);
  for (uint32_t i = 0; e->readers && i < e->m; i++)
    lw_vec_free(&e->readers[i]);
  lw_free(e->readers);
  lw_free(e->gate);
  lw_free(e->gi);
  lw_free(e->level);
  lw_free(e->rlevel);
  lw_free(e->term);
  lw_free(e->top);
}

/* The model's order, checked: valid, and within k live cells. */
static lw_status take_model(const enc *e, uint32_t k, lw_u32s *found,
                            lw_map_stats *ms, lw_error *err) {
  decode(e, found);
  memset(ms, 0, sizeof *ms);
  if (lw_map_order_valid(e->view, found))
    lw_map_min_row(e->view, found, ms);
  if (!lw_map_order_valid(e->view, found) || ms->peak_live > k)
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "the exact search's order for '%s' is invalid or "
                        "needs %u live cells, above its bound %u",
                        e->view->net->name, ms->peak_live, k);
  return LW_OK;
}

/* Lower the bound from the best order's peak until UNSAT, the floor, or the
 * deadline. order holds the best order found. */
static lw_status search(enc *e, lw_u32s *order, lw_map_stats *best,
                        lw_map_exact_stats *stats, lw_error *err) {
  uint32_t floor_peak = trivial_peak(e);
  lw_u32s found = {0};
  lw_status st = LW_OK;
  stats->status = LW_EXACT_OPTIMAL;
  /* a row above base + peak is the end's (outputs, constants): a floor */
  while (best->min_row == best->base + best->peak_live &&
         best->peak_live > floor_peak && st == LW_OK) {
    uint32_t k = best->peak_live - 1;
    bound_live(e, k);
    stats->solves++;
    int res = ccadical_solve(e->sat);
    if (res == 20)
      break; /* no order within k: best is optimal */
    if (res != 10) {
      stats->status = LW_EXACT_TIMEOUT;
      break;
    }
    lw_map_stats ms;
    st = take_model(e, k, &found, &ms, err);
    if (st == LW_OK && ms.min_row >= best->min_row)
      break; /* fewer live cells, same row: the end's cells set it */
    if (st == LW_OK) {
      *best = ms;
      lw_vec_clear(order);
      lw_vec_foreach (&found, i)
        lw_vec_push(order, found.data[i]);
    }
  }
  stats->row = best->min_row;
  stats->bound = stats->status == LW_EXACT_OPTIMAL ? best->min_row
                                                   : best->base + floor_peak;
  if (stats->bound == 0)
    stats->bound = 1;
  lw_vec_free(&found);
  return st;
}

lw_status lw_map_exact(const lw_map_view *view, double time_limit_s,
                       lw_u32s *order, lw_map_exact_stats *stats,
                       lw_error *err) {
  double start = lw_clock();
  double deadline = time_limit_s > 0 ? start + time_limit_s : 0;
  memset(stats, 0, sizeof *stats);
  if (!lw_map_order_valid(view, order))
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "lw_map_exact needs a valid execution order");
  lw_map_stats best;
  memset(&best, 0, sizeof best);
  lw_map_min_row(view, order, &best);
  stats->heuristic_row = best.min_row;
  enc e = {.view = view};
  index_gates(&e, order);
  find_windows(&e);
  find_chains(&e);
  e.sat = ccadical_init();
  /* the solver writes nothing: stdout may be the program (-o -) */
  ccadical_set_option(e.sat, "quiet", 1);
  ccadical_set_terminate(e.sat, &deadline, past_deadline);
  encode(&e, best.peak_live);
  stats->vars = (uint32_t)e.nvars;
  stats->clauses = e.nclauses;
  lw_status st = search(&e, order, &best, stats, err);
  free_enc(&e);
  stats->seconds = lw_clock() - start;
  return st;
}
