/* The exact minimum row by SAT (src/map/exact.c): on small random netlists
 * with composite gates it equals a brute force over every valid execution
 * order, never exceeds the heuristic's, and its order is valid; at the exact
 * row the plain mapping fits and simulates correctly; with a tiny time limit
 * it returns the heuristic's order and a lower bound. */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>

#include "lowwear/verify.h"
#include "map/alloc.h"
#include "map/exact.h"
#include "map/view.h"

/* ---- random netlists ------------------------------------------------------
 */

static uint64_t next(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* pis inputs, `gates` gates of NOT, NOR, OR, IMP and ONOR over earlier
 * values; a composite overwrites a gate no later gate may read (so every
 * other reader runs first) and that is no output. Outputs: every gate
 * nobody reads, and now and then one more. */
static lw_net *random_net(uint64_t seed, uint32_t pis, uint32_t gates) {
  uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
  lw_net *net = lw_net_new("r");
  uint32_t *ids = lw_alloc((pis + gates) * sizeof(uint32_t));
  uint8_t *closed = lw_alloc(pis + gates); /* overwritten: read no more */
  uint8_t *read = lw_alloc(pis + gates);
  uint32_t n = 0;
  char name[32];
  for (uint32_t i = 0; i < pis; i++) {
    snprintf(name, sizeof name, "i%u", i);
    ids[n++] = lw_net_add_pi(net, name);
  }
  for (uint32_t g = 0; g < gates; g++) {
    uint32_t a, b, y;
    do
      a = (uint32_t)(next(&s) % n);
    while (closed[a]);
    do
      b = (uint32_t)(next(&s) % n);
    while (closed[b] || b == a);
    uint32_t recent = n - pis < 3 ? n - pis : 3; /* gates to overwrite */
    y = recent ? n - 1 - (uint32_t)(next(&s) % recent) : 0;
    uint32_t kind = (uint32_t)(next(&s) % 5), f[3] = {ids[a], ids[b], 0};
    int composite = kind >= 3 && y >= pis && !closed[y] && y != a && y != b;
    lw_gate_type t = kind == 0   ? LW_GATE_NOT
                     : kind == 2 ? LW_GATE_OR2
                                 : LW_GATE_NOR2;
    snprintf(name, sizeof name, "g%u", g);
    if (composite && kind == 3) {
      f[1] = ids[y];
      ids[n] = lw_net_add_node(net, LW_GATE_IMP, 2, f, name);
    } else if (composite) {
      f[2] = ids[y];
      ids[n] = lw_net_add_node(net, LW_GATE_ONOR2, 3, f, name);
    } else {
      ids[n] = lw_net_add_node(net, t, lw_gate(t)->arity, f, name);
    }
    read[a] = 1;
    if (t != LW_GATE_NOT || composite)
      read[b] = 1;
    if (composite) {
      read[y] = 1;
      closed[y] = 1;
    }
    n++;
  }
  for (uint32_t i = pis; i < n; i++)
    if (!read[i] || (!closed[i] && next(&s) % 7 == 0)) {
      snprintf(name, sizeof name, "o%u", i);
      lw_net_add_po(net, ids[i], name);
    }
  lw_free(ids);
  lw_free(closed);
  lw_free(read);
  return net;
}

/* ---- brute force ------------------------------------------------------------
 */

/* Gate v may run once the given ones have: its children and, composite,
 * the other readers of its operand. */
static int ready(const lw_map_view *view, uint32_t v, const uint8_t *done) {
  lw_view_foreach_child (view, v, k, c)
    if (!done[c])
      return 0;
  for (uint32_t k = view->after_off.data[v]; k < view->after_off.data[v + 1];
       k++)
    if (!done[view->after.data[k]])
      return 0;
  return 1;
}

typedef struct brute {
  const lw_map_view *view;
  lw_u32s order;
  uint8_t *done;
  uint32_t gates, best, orders;
} brute;

/* Every valid order, extended gate by gate; best: the least minimum row. */
static void extend(brute *b) {
  const lw_map_view *view = b->view;
  if (b->order.size == b->gates) {
    lw_map_stats ms = {0};
    lw_map_min_row(view, &b->order, &ms);
    if (ms.min_row < b->best)
      b->best = ms.min_row;
    b->orders++;
    return;
  }
  for (uint32_t v = 0; v < view->n; v++) {
    if (view->kind[v] != LW_VIEW_GATE || b->done[v] || !ready(view, v, b->done))
      continue;
    b->done[v] = 1;
    lw_vec_push(&b->order, v);
    extend(b);
    b->order.size--;
    b->done[v] = 0;
  }
}

static uint32_t brute_min_row(const lw_map_view *view, uint32_t *orders) {
  brute b = {.view = view, .best = UINT32_MAX};
  b.done = lw_alloc(view->n + 1);
  for (uint32_t v = 0; v < view->n; v++)
    b.gates += view->kind[v] == LW_VIEW_GATE;
  extend(&b);
  *orders = b.orders;
  lw_free(b.done);
  lw_vec_free(&b.order);
  return b.best;
}

/* The test's own check of an order: each gate once, each ready when it
 * runs. */
static int valid(const lw_map_view *view, const lw_u32s *order) {
  uint8_t *done = lw_alloc(view->n + 1);
  uint32_t gates = 0;
  int ok = 1;
  for (uint32_t v = 0; v < view->n; v++)
    gates += view->kind[v] == LW_VIEW_GATE;
  lw_vec_foreach (order, i) {
    uint32_t v = order->data[i];
    ok &= v < view->n && view->kind[v] == LW_VIEW_GATE && !done[v] &&
          ready(view, v, done);
    if (ok)
      done[v] = 1;
  }
  lw_free(done);
  return ok && order->size == gates;
}

/* ---- tests ----------------------------------------------------------------
 */

/* The exact row equals the brute force on 60 random netlists of 4 to 8
 * gates; SAT is asked at least once on some, and beats the heuristic on
 * some. */
static void test_exact_equals_brute_force(void **state) {
  (void)state;
  uint32_t improved = 0, solved = 0, composites = 0;
  for (uint64_t seed = 1; seed <= 200; seed++) {
    lw_net *net = random_net(seed, 2 + seed % 3, 4 + seed % 5);
    lw_map_view view;
    lw_error err = {0};
    assert_int_equal(lw_map_view_build(net, &view, &err), LW_OK);
    for (uint32_t v = 0; v < view.n; v++)
      composites += view.over[v] != LW_NONE;
    lw_u32s order = {0};
    assert_int_equal(lw_map_schedule(&view, &order, &err), LW_OK);
    lw_map_stats hs = {0};
    lw_map_min_row(&view, &order, &hs);
    uint32_t orders = 0, best = brute_min_row(&view, &orders);
    lw_map_exact_stats es;
    assert_int_equal(lw_map_exact(&view, 0, &order, &es, &err), LW_OK);
    assert_int_equal(es.status, LW_EXACT_OPTIMAL);
    assert_int_equal(es.heuristic_row, hs.min_row);
    if (es.row != best)
      fail_msg("seed %u: exact row %u, brute force %u over %u orders",
               (unsigned)seed, es.row, best, orders);
    assert_int_equal(es.bound, es.row);
    assert_true(es.row <= hs.min_row);
    assert_true(valid(&view, &order));
    lw_map_stats ms = {0};
    lw_map_min_row(&view, &order, &ms);
    assert_int_equal(ms.min_row, es.row);
    improved += es.row < hs.min_row;
    solved += es.solves > 0;
    lw_vec_free(&order);
    lw_map_view_free(&view);
    lw_net_free(net);
  }
  /* the cases above must exercise the solver, composites and a win */
  assert_true(solved > 0);
  assert_true(improved > 0);
  assert_true(composites > 0);
}

/* At the exact row the plain mapping fits and computes the netlist. */
static void test_exact_program_simulates(void **state) {
  (void)state;
  uint32_t mapped = 0;
  for (uint64_t seed = 100; seed < 140; seed++) {
    lw_net *net = random_net(seed, 4, 12 + seed % 9);
    lw_map_params mp = lw_map_params_default();
    mp.flow = "test";
    mp.reinit = LW_REINIT_DEMAND;
    /* SIMPLER's order alone as the heuristic: the least-peak search of the
     * low-wear flows is optimal on most nets this small, which would leave
     * no exact row below it to map */
    mp.schedules = 1;
    lw_map_exact_stats es;
    lw_program *prog = NULL;
    lw_error err = {0};
    assert_int_equal(lw_map_exact_run(net, &mp, 30, &es, &prog, &err), LW_OK);
    assert_int_equal(es.status, LW_EXACT_OPTIMAL);
    assert_true(es.row <= es.heuristic_row);
    assert_true((prog != NULL) == (es.row < es.heuristic_row));
    if (prog) {
      assert_int_equal(lw_program_row_size(prog), es.row);
      lw_verify_params vp = lw_verify_params_default();
      vp.cec = 0;
      lw_verify_report rep;
      assert_int_equal(lw_sim_verify(net, prog, &vp, &rep, &err), LW_OK);
      if (!rep.ok)
        fail_msg("seed %u: %s", (unsigned)seed, rep.first_error);
      lw_verify_report_free(&rep);
      mapped++;
    }
    lw_program_free(prog);
    lw_net_free(net);
  }
  assert_true(mapped > 0);
}

/* A time limit too short to solve: the heuristic's order comes back with
 * a lower bound no higher than its row. */
static void test_exact_time_limit(void **state) {
  (void)state;
  lw_net *net = random_net(7, 12, 220);
  lw_map_view view;
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(net, &view, &err), LW_OK);
  lw_u32s order = {0};
  assert_int_equal(lw_map_schedule(&view, &order, &err), LW_OK);
  lw_u32s given = {0};
  lw_vec_foreach (&order, i)
    lw_vec_push(&given, order.data[i]);
  lw_map_stats hs = {0};
  lw_map_min_row(&view, &order, &hs);
  lw_map_exact_stats es;
  assert_int_equal(lw_map_exact(&view, 1e-6, &order, &es, &err), LW_OK);
  assert_int_equal(es.status, LW_EXACT_TIMEOUT);
  assert_int_equal(es.row, hs.min_row);
  assert_true(es.bound >= 1 && es.bound <= es.row);
  assert_int_equal(order.size, given.size);
  assert_memory_equal(order.data, given.data, given.size * sizeof(uint32_t));
  lw_vec_free(&order);
  lw_vec_free(&given);
  lw_map_view_free(&view);
  lw_net_free(net);
}

/* An invalid order in is an error, not a search. */
static void test_exact_refuses_invalid_order(void **state) {
  (void)state;
  lw_net *net = random_net(3, 3, 6);
  lw_map_view view;
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(net, &view, &err), LW_OK);
  lw_u32s order = {0};
  assert_int_equal(lw_map_schedule(&view, &order, &err), LW_OK);
  uint32_t first = order.data[0];
  order.data[0] = order.data[order.size - 1];
  order.data[order.size - 1] = first;
  assert_false(lw_map_order_valid(&view, &order));
  lw_map_exact_stats es;
  assert_int_equal(lw_map_exact(&view, 0, &order, &es, &err), LW_ERR_INTERNAL);
  lw_vec_free(&order);
  lw_map_view_free(&view);
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_exact_equals_brute_force),
      cmocka_unit_test(test_exact_program_simulates),
      cmocka_unit_test(test_exact_time_limit),
      cmocka_unit_test(test_exact_refuses_invalid_order),
  };
  return lw_test_run(tests, NULL, NULL);
}
