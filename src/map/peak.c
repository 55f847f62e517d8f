/* Greedy list scheduling for the least peak of live values. A gate is ready
 * when its children and, for a composite gate, the other readers of its
 * operand have run. Each step runs the ready gate that grows the live
 * values least (+1 for a new cell, -1 per value it reads for the last time),
 * ties broken by the gate's place in a base order: one of the depth-first
 * orders by cell usage (schedule.c), which finishes a cone before it starts
 * the next. So a gate that frees cells runs as soon as it can, wherever the
 * depth-first walk is. The restarts take each depth-first order as it is,
 * then with every gate's place moved by a pseudo-random amount within a
 * window (4, 16 or 64 places); the order with the least peak is kept, and a
 * restart stops as soon as its peak reaches the best one. */
#include "map/peak.h"

#include "map/alloc.h"

#include <string.h>

/* ---- the graph: the view plus the inverse edges ------------------------- */

typedef struct graph {
  const lw_map_view *view;
  lw_u32s gates;          /* executed gates, id order */
  lw_u32s rd_off, rd;     /* per node: gates that read it (once each) */
  lw_u32s wait_off, wait; /* per gate: composites that wait for it */
  uint32_t *need;         /* per gate: children entries + after entries */
} graph;

/* The gates lw_map_schedule_variant orders: the executed gates that read
 * something or are read. */
static int executed(const lw_map_view *view, uint32_t id) {
  return view->kind[id] == LW_VIEW_GATE &&
         (view->readers[id] || lw_net_nfanin(view->net, id));
}

/* c appears in g's children before position k (g reads it twice). */
static int seen_before(const lw_map_view *view, uint32_t g, uint32_t k,
                       uint32_t c) {
  for (uint32_t j = view->child_off.data[g]; j < k; j++)
    if (view->children.data[j] == c)
      return 1;
  return 0;
}

static uint32_t after_begin(const lw_map_view *view, uint32_t g) {
  return view->after_off.size ? view->after_off.data[g] : 0;
}

static uint32_t after_end(const lw_map_view *view, uint32_t g) {
  return view->after_off.size ? view->after_off.data[g + 1] : 0;
}

/* Offsets from the counts in off[1..n]; dst sized to hold them. */
static void prefix(lw_u32s *off, lw_u32s *dst, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    off->data[i + 1] += off->data[i];
  lw_vec_resize(dst, off->data[n]);
}

/* rd: for each node, its distinct readers; wait: for each gate r of a
 * composite's after list, that composite. */
static void invert_edges(graph *gr) {
  const lw_map_view *view = gr->view;
  uint32_t n = view->n;
  lw_u32s pos = {0};
  lw_vec_resize(&gr->rd_off, n + 1);
  lw_vec_resize(&gr->wait_off, n + 1);
  for (int fill = 0; fill < 2; fill++) {
    if (fill) {
      prefix(&gr->rd_off, &gr->rd, n);
      prefix(&gr->wait_off, &gr->wait, n);
      lw_vec_resize(&pos, 2 * n);
      memcpy(pos.data, gr->rd_off.data, n * sizeof(uint32_t));
      memcpy(pos.data + n, gr->wait_off.data, n * sizeof(uint32_t));
    }
    lw_vec_foreach (&gr->gates, i) {
      uint32_t g = gr->gates.data[i];
      lw_view_foreach_child (view, g, k, c)
        if (!seen_before(view, g, k, c)) {
          if (fill)
            gr->rd.data[pos.data[c]++] = g;
          else
            gr->rd_off.data[c + 1]++;
        }
      for (uint32_t k = after_begin(view, g); k < after_end(view, g); k++) {
        uint32_t r = view->after.data[k];
        if (fill)
          gr->wait.data[pos.data[n + r]++] = g;
        else
          gr->wait_off.data[r + 1]++;
      }
    }
  }
  lw_vec_free(&pos);
}

static void graph_build(const lw_map_view *view, graph *gr) {
  memset(gr, 0, sizeof *gr);
  gr->view = view;
  gr->need = lw_alloc((view->n + 1) * sizeof(uint32_t));
  for (uint32_t id = 0; id < view->n; id++)
    if (executed(view, id)) {
      lw_vec_push(&gr->gates, id);
      gr->need[id] = view->child_off.data[id + 1] - view->child_off.data[id] +
                     after_end(view, id) - after_begin(view, id);
    }
  invert_edges(gr);
}

static void graph_free(graph *gr) {
  lw_vec_free(&gr->gates);
  lw_vec_free(&gr->rd_off);
  lw_vec_free(&gr->rd);
  lw_vec_free(&gr->wait_off);
  lw_vec_free(&gr->wait);
  lw_free(gr->need);
}

/* ---- the ready heap ----------------------------------------------------- */

typedef struct entry {
  uint64_t key; /* lower first */
  uint32_t gate, stamp;
} entry;
LW_VEC_DEFINE(entries, entry);

static int entry_less(const entry *a, const entry *b) {
  return a->key != b->key ? a->key < b->key : a->gate < b->gate;
}

static void heap_push(entries *h, entry e) {
  lw_vec_push(h, e);
  for (uint32_t i = h->size - 1; i > 0;) {
    uint32_t up = (i - 1) / 2;
    if (!entry_less(&h->data[i], &h->data[up]))
      break;
    entry t = h->data[i];
    h->data[i] = h->data[up];
    h->data[up] = t;
    i = up;
  }
}

static entry heap_pop(entries *h) {
  entry top = h->data[0];
  h->data[0] = h->data[--h->size];
  for (uint32_t i = 0;;) {
    uint32_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < h->size && entry_less(&h->data[l], &h->data[m]))
      m = l;
    if (r < h->size && entry_less(&h->data[r], &h->data[m]))
      m = r;
    if (m == i)
      break;
    entry t = h->data[i];
    h->data[i] = h->data[m];
    h->data[m] = t;
    i = m;
  }
  return top;
}

/* ---- one greedy run ----------------------------------------------------- */

typedef struct run {
  const graph *gr;
  uint32_t *left;    /* per node: reads (and outputs) still to come */
  uint32_t *pending; /* per gate: children and after entries not run */
  uint32_t *stamp;   /* per gate: the key version in the heap */
  uint32_t *rank;    /* per gate: its place in the base order */
  uint8_t *done;
  entries heap;
  uint32_t live, peak;
  lw_u32s order;
} run;

static uint32_t multiplicity(const lw_map_view *view, uint32_t g, uint32_t c) {
  uint32_t m = 0;
  lw_view_foreach_child (view, g, k, x)
    m += x == c;
  return m;
}

/* The growth of the live values if g ran now: +1 for a new cell, -1 per
 * value it reads for the last time (a composite keeps its operand's cell). */
static int growth(const run *r, uint32_t g) {
  const lw_map_view *view = r->gr->view;
  int d = view->over[g] == LW_NONE;
  lw_view_foreach_child (view, g, k, c)
    if (c != view->over[g] && !seen_before(view, g, k, c) &&
        r->left[c] == multiplicity(view, g, c))
      d--;
  return d;
}

/* Ready gates by growth, then by place in the base order. */
static uint64_t key_of(const run *r, uint32_t g) {
  return (uint64_t)(growth(r, g) + 4) << 58 | r->rank[g];
}

static void offer(run *r, uint32_t g) {
  if (r->done[g] || r->pending[g])
    return;
  entry e = {.key = key_of(r, g), .gate = g, .stamp = ++r->stamp[g]};
  heap_push(&r->heap, e);
}

static void execute(run *r, uint32_t g) {
  const graph *gr = r->gr;
  const lw_map_view *view = gr->view;
  r->done[g] = 1;
  lw_vec_push(&r->order, g);
  if (view->over[g] == LW_NONE)
    r->live++;
  if (r->live > r->peak)
    r->peak = r->live;
  lw_view_foreach_child (view, g, k, c)
    if (--r->left[c] == 0 && c != view->over[g])
      r->live--;
  /* a value with few reads left: its readers may now free it */
  lw_view_foreach_child (view, g, k, c)
    if (!seen_before(view, g, k, c) && r->left[c] && r->left[c] <= 4)
      for (uint32_t j = gr->rd_off.data[c]; j < gr->rd_off.data[c + 1]; j++)
        offer(r, gr->rd.data[j]);
  for (uint32_t k = gr->rd_off.data[g]; k < gr->rd_off.data[g + 1]; k++) {
    uint32_t p = gr->rd.data[k];
    r->pending[p] -= multiplicity(view, p, g);
    offer(r, p);
  }
  for (uint32_t k = gr->wait_off.data[g]; k < gr->wait_off.data[g + 1]; k++) {
    r->pending[gr->wait.data[k]]--;
    offer(r, gr->wait.data[k]);
  }
}

static void run_init(run *r, const graph *gr) {
  uint32_t n = gr->view->n;
  memset(r, 0, sizeof *r);
  r->gr = gr;
  r->left = lw_alloc((n + 1) * sizeof(uint32_t));
  r->pending = lw_alloc((n + 1) * sizeof(uint32_t));
  r->stamp = lw_alloc((n + 1) * sizeof(uint32_t));
  r->rank = lw_alloc((n + 1) * sizeof(uint32_t));
  r->done = lw_alloc(n + 1);
}

static void run_free(run *r) {
  lw_free(r->left);
  lw_free(r->pending);
  lw_free(r->stamp);
  lw_free(r->rank);
  lw_free(r->done);
  lw_vec_free(&r->heap);
  lw_vec_free(&r->order);
}

/* One greedy order over r->rank; stops early (returns 0) once its peak
 * reaches bound. */
static int run_greedy(run *r, uint32_t bound) {
  const graph *gr = r->gr;
  uint32_t n = gr->view->n;
  memcpy(r->left, gr->view->fanout, n * sizeof(uint32_t));
  memcpy(r->pending, gr->need, n * sizeof(uint32_t));
  memset(r->stamp, 0, n * sizeof(uint32_t));
  memset(r->done, 0, n);
  lw_vec_clear(&r->heap);
  lw_vec_clear(&r->order);
  r->live = r->peak = 0;
  lw_vec_foreach (&gr->gates, i)
    offer(r, gr->gates.data[i]);
  while (r->heap.size && r->peak < bound) {
    entry e = heap_pop(&r->heap);
    if (!r->done[e.gate] && e.stamp == r->stamp[e.gate])
      execute(r, e.gate);
  }
  return r->peak < bound;
}

/* ---- the search --------------------------------------------------------- */

/* A pseudo-random 64-bit value of x (a multiply-xorshift hash). */
static uint64_t mix(uint64_t x) {
  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 29;
  x *= 0x94d049bb133111ebull;
  return x ^ x >> 32;
}

/* Restart i's base: depth-first order i % 3, places moved by up to a window
 * from restart 3 on. */
static lw_status base_rank(const lw_map_view *view, uint64_t i, uint64_t seed,
                           lw_u32s *base, uint32_t *rank, lw_error *err) {
  lw_status st = lw_map_schedule_variant(
      view, (lw_schedule_variant)(i % LW_SCHEDULE_COUNT), base, err);
  uint64_t round = i / LW_SCHEDULE_COUNT;
  uint32_t window = round ? 4u << (2 * ((round - 1) % 3)) : 1;
  lw_vec_foreach (base, k) {
    uint32_t g = base->data[k];
    rank[g] = k + (uint32_t)(mix(seed ^ i << 32 ^ g) % window);
  }
  return st;
}

static uint64_t restarts_for(uint32_t gates, uint64_t budget) {
  uint64_t n = budget / (gates ? gates : 1);
  if (n < LW_MAP_PEAK_MIN_RESTARTS)
    n = LW_MAP_PEAK_MIN_RESTARTS;
  return n > LW_MAP_PEAK_MAX_RESTARTS ? LW_MAP_PEAK_MAX_RESTARTS : n;
}

/* A depth-first order itself is a candidate: never worse than them. */
static void keep_if_less(const lw_map_view *view, const lw_u32s *cand,
                         lw_u32s *order, uint32_t *best) {
  lw_map_stats ms = {0};
  lw_map_min_row(view, cand, &ms);
  if (ms.peak_live >= *best)
    return;
  *best = ms.peak_live;
  lw_vec_clear(order);
  lw_vec_foreach (cand, k)
    lw_vec_push(order, cand->data[k]);
}

lw_status lw_map_order_least_peak(const lw_map_view *view, uint64_t budget,
                                  uint64_t seed, lw_u32s *order,
                                  lw_error *err) {
  graph gr;
  graph_build(view, &gr);
  uint64_t restarts = restarts_for(gr.gates.size, budget);
  run r;
  run_init(&r, &gr);
  lw_u32s base = {0};
  lw_status st = LW_OK;
  uint32_t best = UINT32_MAX;
  lw_vec_clear(order);
  for (uint64_t i = 0; i < restarts && st == LW_OK; i++) {
    st = base_rank(view, i, seed, &base, r.rank, err);
    if (st == LW_OK && i < LW_SCHEDULE_COUNT)
      keep_if_less(view, &base, order, &best);
    if (st != LW_OK || !run_greedy(&r, best))
      continue;
    if (r.order.size != gr.gates.size)
      st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "no execution order: %u of %u gates can run",
                        r.order.size, gr.gates.size);
    keep_if_less(view, &r.order, order, &best);
  }
  lw_vec_free(&base);
  run_free(&r);
  graph_free(&gr);
  return st;
}
