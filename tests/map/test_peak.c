/* The least-peak execution order (src/map/peak.c) on random NOT/NOR/OR
 * netlists rewritten with composite gates: it runs every executed gate
 * once, respects every constraint (checked here on the netlist itself),
 * never peaks above the depth-first orders, and on netlists of at most 8
 * gates reaches the least peak found by trying every valid order. */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>

#include "map/alloc.h"
#include "map/peak.h"
#include "map/view.h"
#include "rewrite/rewrite.h"

/* ---- random netlists ---------------------------------------------------- */

static uint32_t next(uint64_t *seed) {
  *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)(*seed >> 33);
}

/* npi inputs, ngates random NOT/NOR2/NOR3/OR2 gates over earlier nodes,
 * nout outputs among the last gates; then rewritten (composite gates). */
static lw_net *random_net(uint64_t *seed, uint32_t npi, uint32_t ngates,
                          uint32_t nout) {
  lw_net *in = lw_net_new("r");
  for (uint32_t i = 0; i < npi; i++) {
    char name[16];
    snprintf(name, sizeof name, "i%u", i);
    lw_net_add_pi(in, name);
  }
  static const lw_gate_type types[] = {LW_GATE_NOT, LW_GATE_NOR2, LW_GATE_OR2,
                                       LW_GATE_NOR3, LW_GATE_OR2};
  for (uint32_t i = 0; i < ngates; i++) {
    uint32_t n = lw_net_size(in), f[3];
    lw_gate_type t = types[next(seed) % 5];
    uint32_t k = t == LW_GATE_NOT ? 1 : t == LW_GATE_NOR3 ? 3 : 2;
    uint32_t span = 6 + n / 3 < n ? 6 + n / 3 : n; /* recent: deep cones */
    for (uint32_t j = 0; j < k; j++)
      f[j] = n - 1 - next(seed) % span;
    lw_net_add_node(in, t, k, f, NULL);
  }
  uint32_t n = lw_net_size(in);
  for (uint32_t i = 0; i < nout && i < ngates; i++) {
    char name[16];
    snprintf(name, sizeof name, "o%u", i);
    lw_net_add_po(in, n - 1 - (i ? next(seed) % ngates : 0), name);
  }
  lw_net *out = NULL;
  lw_error err = {0};
  assert_int_equal(lw_rewrite_run(in, NULL, NULL, &out, &err), LW_OK);
  lw_net_free(in);
  return out;
}

/* ---- the constraints, from the netlist alone ---------------------------- */

static uint32_t source(const lw_net *net, uint32_t id) {
  while (lw_net_type(net, id) == LW_GATE_BUF)
    id = lw_net_fanin(net, id, 0);
  return id;
}

static int is_executed(const lw_net *net, uint32_t id) {
  lw_gate_type t = lw_net_type(net, id);
  lw_fn fn = lw_gate(t)->fn;
  return t != LW_GATE_BUF && fn != LW_FN_PI && fn != LW_FN_CONST0 &&
         fn != LW_FN_CONST1 && lw_net_nfanin(net, id) > 0;
}

/* g reads x (through buffers). */
static int reads(const lw_net *net, uint32_t g, uint32_t x) {
  for (uint32_t k = 0; k < lw_net_nfanin(net, g); k++)
    if (source(net, lw_net_fanin(net, g, k)) == x)
      return 1;
  return 0;
}

/* g may run now: its executed operands ran, and a composite's operand has
 * no other reader left to run. */
static int may_run(const lw_net *net, uint32_t g, const uint8_t *ran) {
  for (uint32_t k = 0; k < lw_net_nfanin(net, g); k++) {
    uint32_t x = source(net, lw_net_fanin(net, g, k));
    if (is_executed(net, x) && !ran[x])
      return 0;
  }
  int over = lw_gate(lw_net_type(net, g))->over;
  if (over < 0)
    return 1;
  uint32_t y = source(net, lw_net_fanin(net, g, (uint32_t)over));
  for (uint32_t r = 0; r < lw_net_size(net); r++)
    if (r != g && is_executed(net, r) && !ran[r] && reads(net, r, y))
      return 0;
  return 1;
}

static uint32_t executed_count(const lw_net *net) {
  uint32_t n = 0;
  for (uint32_t id = 0; id < lw_net_size(net); id++)
    n += is_executed(net, id);
  return n;
}

/* Every executed gate exactly once, each when it may run. */
static void assert_valid(const lw_net *net, const lw_u32s *order) {
  uint8_t *ran = lw_alloc(lw_net_size(net) + 1);
  assert_int_equal(order->size, executed_count(net));
  lw_vec_foreach (order, i) {
    uint32_t g = order->data[i];
    assert_true(g < lw_net_size(net) && is_executed(net, g) && !ran[g]);
    assert_true(may_run(net, g, ran));
    ran[g] = 1;
  }
  lw_free(ran);
}

/* ---- peaks -------------------------------------------------------------- */

static uint32_t peak_of(const lw_map_view *view, const lw_u32s *order) {
  lw_map_stats ms = {0};
  lw_map_min_row(view, order, &ms);
  return ms.peak_live;
}

static uint32_t dfs_peak(const lw_map_view *view) {
  uint32_t best = UINT32_MAX;
  lw_error err = {0};
  for (int v = 0; v < LW_SCHEDULE_COUNT; v++) {
    lw_u32s order = {0};
    assert_int_equal(
        lw_map_schedule_variant(view, (lw_schedule_variant)v, &order, &err),
        LW_OK);
    uint32_t p = peak_of(view, &order);
    best = p < best ? p : best;
    lw_vec_free(&order);
  }
  return best;
}

/* The least peak over every valid order, by trying them all. */
typedef struct brute {
  const lw_net *net;
  const lw_map_view *view;
  uint8_t *ran;
  lw_u32s order;
  uint32_t total, best, tried;
} brute;

static void try_all(brute *b) {
  if (b->order.size == b->total) {
    uint32_t p = peak_of(b->view, &b->order);
    b->best = p < b->best ? p : b->best;
    b->tried++;
    return;
  }
  for (uint32_t g = 0; g < lw_net_size(b->net); g++)
    if (is_executed(b->net, g) && !b->ran[g] && may_run(b->net, g, b->ran)) {
      b->ran[g] = 1;
      lw_vec_push(&b->order, g);
      try_all(b);
      b->order.size--;
      b->ran[g] = 0;
    }
}

static uint32_t least_peak(const lw_net *net, const lw_map_view *view) {
  brute b = {.net = net, .view = view, .best = UINT32_MAX};
  b.ran = lw_alloc(lw_net_size(net) + 1);
  b.total = executed_count(net);
  try_all(&b);
  assert_true(b.tried > 0);
  lw_free(b.ran);
  lw_vec_free(&b.order);
  return b.best;
}

static int has_composite(const lw_net *net) {
  for (uint32_t id = 0; id < lw_net_size(net); id++)
    if (lw_gate(lw_net_type(net, id))->over >= 0)
      return 1;
  return 0;
}

/* The search's order for net: checked valid; *peak its peak. */
static void search(const lw_net *net, lw_map_view *view, uint32_t *peak) {
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(net, view, &err), LW_OK);
  lw_u32s order = {0};
  assert_int_equal(lw_map_order_least_peak(view, LW_MAP_PEAK_BUDGET,
                                           LW_MAP_PEAK_SEED, &order, &err),
                   LW_OK);
  assert_valid(net, &order);
  *peak = peak_of(view, &order);
  /* deterministic: the same order again */
  lw_u32s again = {0};
  assert_int_equal(lw_map_order_least_peak(view, LW_MAP_PEAK_BUDGET,
                                           LW_MAP_PEAK_SEED, &again, &err),
                   LW_OK);
  assert_int_equal(again.size, order.size);
  assert_memory_equal(again.data, order.data, order.size * sizeof(uint32_t));
  lw_vec_free(&again);
  lw_vec_free(&order);
}

/* ---- the tests ---------------------------------------------------------- */

/* Netlists of up to 8 executed gates: the least peak over all orders. */
static void test_small_nets_optimal(void **state) {
  (void)state;
  uint64_t seed = 2026;
  uint32_t checked = 0, composite = 0;
  for (int round = 0; round < 400; round++) {
    lw_net *net =
        random_net(&seed, 2 + round % 3, 4 + round % 9, 1 + round % 3);
    if (executed_count(net) <= 8) {
      lw_map_view view;
      uint32_t peak;
      search(net, &view, &peak);
      assert_int_equal(peak, least_peak(net, &view));
      assert_true(peak <= dfs_peak(&view));
      checked++;
      composite += has_composite(net);
      lw_map_view_free(&view);
    }
    lw_net_free(net);
  }
  /* the generator must give enough small nets, some with composites */
  assert_true(checked > 300);
  assert_true(composite > 40);
}

/* lw_map_run's minimum row with `schedules` orders. */
static uint32_t run_min_row(const lw_net *net, int schedules) {
  lw_map_params mp = lw_map_params_default();
  mp.flow = "test";
  mp.schedules = schedules;
  lw_map_stats ms = {0};
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_map_run(net, &mp, &ms, &prog, &err), LW_OK);
  assert_non_null(prog);
  lw_program_free(prog);
  return ms.min_row;
}

/* Larger netlists: valid, deterministic, never above the depth-first
 * orders; below them on some. The low-wear flows' mapping (several orders)
 * reaches the search's row; SIMPLER's alone keeps the depth-first one. */
static void test_large_nets_no_worse(void **state) {
  (void)state;
  uint64_t seed = 15;
  uint32_t below = 0;
  for (int round = 0; round < 40; round++) {
    lw_net *net =
        random_net(&seed, 8 + round % 9, 100 + 25 * round, 4 + round % 11);
    lw_map_view view;
    uint32_t peak;
    search(net, &view, &peak);
    uint32_t dfs = dfs_peak(&view);
    assert_true(peak <= dfs);
    below += peak < dfs;
    lw_map_stats simpler = {0};
    lw_u32s order = {0};
    lw_error err = {0};
    assert_int_equal(lw_map_schedule(&view, &order, &err), LW_OK);
    lw_map_min_row(&view, &order, &simpler);
    lw_vec_free(&order);
    assert_int_equal(run_min_row(net, 1), simpler.min_row);
    assert_int_equal(run_min_row(net, LW_SCHEDULE_COUNT), simpler.base + peak);
    lw_map_view_free(&view);
    lw_net_free(net);
  }
  assert_true(below > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_small_nets_optimal),
      cmocka_unit_test(test_large_nets_no_worse),
  };
  return lw_test_run(tests, NULL, NULL);
}
