/* The gate table: every stateful row agrees with its own truth table. */
#include "lw_test.h"

#include "net/gate.h"
#include "net/net.h"

/* The toggle rate of a stateful gate is the probability, over all input
 * combinations (and y for composites), that the output cell changes: a
 * simple gate's cell starts at its init value, a composite's holds y. */
static void test_rates_match_truth_tables(void **state) {
  (void)state;
  for (int t = 0; t < LW_GATE_COUNT; t++) {
    if (!lw_gate_is_stateful(t))
      continue;
    const lw_gate_info *g = lw_gate(t);
    int n = g->arity, flips = 0;
    for (int m = 0; m < (1 << n); m++) {
      uint64_t in[LW_GATE_MAX_FANIN];
      for (int k = 0; k < n; k++)
        in[k] = (m >> k) & 1 ? ~(uint64_t)0 : 0;
      int out = (int)(lw_gate_eval(t, in, n) & 1);
      int before = g->over >= 0 ? (int)(in[g->over] & 1) : g->init;
      flips += out != before;
    }
    assert_float_equal(g->rate, (double)flips / (1 << n), 1e-12);
  }
}

static void test_find_by_op_and_width(void **state) {
  (void)state;
  assert_int_equal(lw_gate_find_op("NOR", 2), LW_GATE_NOR2);
  assert_int_equal(lw_gate_find_op("NOR", 4), LW_GATE_NOR4);
  assert_int_equal(lw_gate_find_op("ONOR", 3), LW_GATE_ONOR3);
  assert_int_equal(lw_gate_find_op("IMP", 1), LW_GATE_IMP);
  assert_int_equal(lw_gate_find_op("NOR", 5), LW_GATE_COUNT);
  assert_int_equal(lw_gate_find_op("AND", 2), LW_GATE_COUNT);
  assert_int_equal(lw_gate_find_genlib("inv1"), LW_GATE_NOT);
  assert_int_equal(lw_gate_find_genlib("nosuch"), LW_GATE_COUNT);
}

static void test_topo_finds_loop(void **state) {
  (void)state;
  lw_net *net = lw_net_new("loop");
  uint32_t a = lw_net_add_pi(net, "a");
  uint32_t x = lw_net_add_node(net, LW_GATE_NOR2, 2, NULL, "x");
  uint32_t y = lw_net_add_node(net, LW_GATE_NOT, 1, NULL, "y");
  lw_net_set_fanin(net, x, 0, a);
  lw_net_set_fanin(net, x, 1, y);
  lw_net_set_fanin(net, y, 0, x);
  lw_net_add_po(net, y, "y");
  lw_u32s order = {0};
  lw_error err = {0};
  assert_int_equal(lw_net_topo(net, &order, &err), LW_ERR_CIRCUIT);
  assert_non_null(strstr(err.msg, "loop"));
  lw_net_set_fanin(net, x, 1, a);
  assert_int_equal(lw_net_topo(net, &order, &err), LW_OK);
  assert_int_equal(order.size, 3);
  assert_int_equal(order.data[2], y);
  lw_vec_free(&order);
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rates_match_truth_tables),
      cmocka_unit_test(test_find_by_op_and_width),
      cmocka_unit_test(test_topo_finds_loop),
  };
  return lw_test_run(tests, NULL, NULL);
}
