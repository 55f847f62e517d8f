/* Execution orders (src/map/schedule.c) on hand-built nets: children by
 * cell usage, a composite gate after the other readers of the value it
 * overwrites, the root orders of the variants, the error when no order
 * exists, and a chain too deep for a recursive walk. */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>

#include "map/view.h"

/* The order variant `variant` gives net, as a list of ids (SIMPLER MAGIC's
 * is also lw_map_schedule's). */
static lw_status schedule(const lw_net *net, lw_schedule_variant variant,
                          lw_u32s *order, lw_error *err) {
  lw_map_view view;
  assert_int_equal(lw_map_view_build(net, &view, err), LW_OK);
  lw_status st = lw_map_schedule_variant(&view, variant, order, err);
  lw_u32s plain = {0};
  if (st == LW_OK && variant == LW_SCHEDULE_SIMPLER) {
    assert_int_equal(lw_map_schedule(&view, &plain, err), LW_OK);
    assert_int_equal(plain.size, order->size);
    assert_memory_equal(plain.data, order->data, plain.size * sizeof(uint32_t));
  }
  lw_vec_free(&plain);
  lw_map_view_free(&view);
  return st;
}

/* a, b; y = NOR(a, b); o = ONOR(a, b) overwriting y. */
static lw_net *overwrite_net(uint32_t *y, uint32_t *o) {
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  *y = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "y");
  *o = lw_net_add_node(net, LW_GATE_ONOR2, 3, (uint32_t[]){a, b, *y}, "o");
  return net;
}

static void assert_order(const lw_u32s *order, const uint32_t *ids,
                         uint32_t n) {
  assert_int_equal(order->size, n);
  for (uint32_t i = 0; i < n; i++)
    assert_int_equal(order->data[i], ids[i]);
}

/* g = NOR(y, x): x = NOR(a, b) has cell usage 1, y = NOR(NOT a, NOT b) 2,
 * so y's sub-graph runs first although x is g's last pin (children are
 * otherwise visited in reverse pin order, as y's equal ones are). */
static void test_cell_usage_first(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  uint32_t x = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "x");
  uint32_t p = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "p");
  uint32_t q = lw_net_add_node(net, LW_GATE_NOT, 1, &b, "q");
  uint32_t y = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){p, q}, "y");
  uint32_t g = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){y, x}, "g");
  lw_net_add_po(net, g, "g");
  lw_u32s order = {0};
  lw_error err = {0};
  assert_int_equal(schedule(net, LW_SCHEDULE_SIMPLER, &order, &err), LW_OK);
  assert_order(&order, (uint32_t[]){q, p, y, x, g}, 5);
  lw_vec_free(&order);
  lw_net_free(net);
}

/* y = NOR(a, b); r = NOT(y); o = ONOR(a, b) overwriting y; outputs o, r.
 * Whichever root comes first, r reads y before o overwrites it. */
static void test_composite_last(void **state) {
  (void)state;
  uint32_t y, o;
  lw_net *net = overwrite_net(&y, &o);
  uint32_t r = lw_net_add_node(net, LW_GATE_NOT, 1, &y, "r");
  lw_net_add_po(net, o, "o");
  lw_net_add_po(net, r, "r");
  lw_error err = {0};
  for (int v = 0; v < LW_SCHEDULE_COUNT; v++) {
    lw_u32s order = {0};
    assert_int_equal(schedule(net, (lw_schedule_variant)v, &order, &err),
                     LW_OK);
    assert_order(&order, (uint32_t[]){y, r, o}, 3);
    lw_vec_free(&order);
  }
  lw_net_free(net);
}

/* Roots u = NOT(a) (cell usage 1) and w = NOR(NOT b, NOT a) (2): id order,
 * its reverse, and larger cell usage first. */
static void test_root_orders(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  uint32_t u = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "u");
  uint32_t p = lw_net_add_node(net, LW_GATE_NOT, 1, &b, "p");
  uint32_t q = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "q");
  uint32_t w = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){p, q}, "w");
  uint32_t v = lw_net_add_node(net, LW_GATE_NOT, 1, &b, "v");
  lw_net_add_po(net, u, "u");
  lw_net_add_po(net, w, "w");
  lw_net_add_po(net, v, "v");
  const uint32_t want[LW_SCHEDULE_COUNT][5] = {
      [LW_SCHEDULE_SIMPLER] = {u, q, p, w, v},
      [LW_SCHEDULE_REVERSE] = {v, q, p, w, u},
      [LW_SCHEDULE_CU] = {q, p, w, u, v},
  };
  lw_error err = {0};
  for (int i = 0; i < LW_SCHEDULE_COUNT; i++) {
    lw_u32s order = {0};
    assert_int_equal(schedule(net, (lw_schedule_variant)i, &order, &err),
                     LW_OK);
    assert_order(&order, want[i], 5);
    lw_vec_free(&order);
  }
  lw_net_free(net);
}

/* o overwrites y, and r reads both y and o: r must run before o (it reads
 * y) and after it (it reads o). */
static void test_no_order(void **state) {
  (void)state;
  uint32_t y, o;
  lw_net *net = overwrite_net(&y, &o);
  uint32_t r = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){y, o}, "r");
  lw_net_add_po(net, r, "r");
  lw_u32s order = {0};
  lw_error err = {0};
  assert_int_equal(schedule(net, LW_SCHEDULE_SIMPLER, &order, &err),
                   LW_ERR_INTERNAL);
  char want[128];
  snprintf(want, sizeof want, "node %u must run both before and after node %u",
           r, o);
  assert_non_null(strstr(err.msg, want));
  lw_vec_free(&order);
  lw_net_free(net);
}

/* 200000 NOTs in a chain: every gate once, in chain order. */
static void test_deep_chain(void **state) {
  (void)state;
  const uint32_t n = 200000;
  lw_net *net = lw_net_new("t");
  uint32_t prev = lw_net_add_pi(net, "a"), first = prev + 1;
  for (uint32_t i = 0; i < n; i++)
    prev = lw_net_add_node(net, LW_GATE_NOT, 1, &prev, NULL);
  lw_net_add_po(net, prev, "o");
  lw_u32s order = {0};
  lw_error err = {0};
  assert_int_equal(schedule(net, LW_SCHEDULE_SIMPLER, &order, &err), LW_OK);
  assert_int_equal(order.size, n);
  for (uint32_t i = 0; i < n; i++)
    assert_int_equal(order.data[i], first + i);
  lw_vec_free(&order);
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cell_usage_first),
      cmocka_unit_test(test_composite_last),
      cmocka_unit_test(test_root_orders),
      cmocka_unit_test(test_no_order),
      cmocka_unit_test(test_deep_chain),
  };
  return lw_test_run(tests, NULL, NULL);
}
