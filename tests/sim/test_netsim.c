/* The netlist walk on a hand-built net, against scalar evaluation. */
#include "lw_test.h"

#include "net/net.h"
#include "sim/sim.h"
#include "sim/vectors.h"

static void test_small_net(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  /* ids not in topological order on purpose: o is added before its fanin */
  uint32_t a = lw_net_add_pi(net, "a");
  uint32_t b = lw_net_add_pi(net, "b");
  uint32_t c = lw_net_add_pi(net, "c");
  uint32_t o = lw_net_add_node(net, LW_GATE_ONOR2, 3, NULL, "o");
  uint32_t n =
      lw_net_add_node(net, LW_GATE_NOR3, 3, (uint32_t[]){a, b, c}, "n");
  uint32_t w =
      lw_net_add_node(net, LW_GATE_AND, 5, (uint32_t[]){a, b, c, n, a}, "w");
  uint32_t one = lw_net_add_node(net, LW_GATE_CONST1, 0, NULL, "one");
  lw_net_set_fanin(net, o, 0, n);
  lw_net_set_fanin(net, o, 1, a);
  lw_net_set_fanin(net, o, 2, c);
  lw_u32s order = {0};
  lw_error err = {0};
  assert_int_equal(lw_net_topo(net, &order, &err), LW_OK);
  const uint32_t W = 2;
  uint64_t *sims = lw_alloc(sizeof(uint64_t) * W * lw_net_size(net));
  const uint64_t pat[3] = {0xaaaaaaaaaaaaaaaaull, 0xccccccccccccccccull,
                           0xf0f0f0f0f0f0f0f0ull};
  uint32_t pis[3] = {a, b, c};
  for (int i = 0; i < 3; i++) {
    sims[W * pis[i]] = pat[i];
    sims[W * pis[i] + 1] = ~pat[i];
  }
  lw_sim_net(net, &order, W, sims);
  for (uint32_t word = 0; word < W; word++)
    for (int lane = 0; lane < 64; lane++) {
      int x[3];
      for (int i = 0; i < 3; i++)
        x[i] = (int)((sims[W * pis[i] + word] >> lane) & 1);
      int nv = !(x[0] | x[1] | x[2]);
      int ov = (!(nv | x[0])) | x[2];
      assert_int_equal((sims[W * n + word] >> lane) & 1, nv);
      assert_int_equal((sims[W * o + word] >> lane) & 1, ov);
      assert_int_equal((sims[W * w + word] >> lane) & 1,
                       x[0] & x[1] & x[2] & nv);
      assert_int_equal((sims[W * one + word] >> lane) & 1, 1);
    }
  lw_free(sims);
  lw_vec_free(&order);
  lw_net_free(net);
}

/* Random inputs: each PI's words in turn from the seeded stream, every
 * other node from the walk. */
static void test_random_inputs(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a");
  uint32_t b = lw_net_add_pi(net, "b");
  uint32_t n = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "n");
  const uint32_t W = 3;
  uint64_t *sims = NULL;
  lw_error err = {0};
  assert_int_equal(lw_sim_net_random(net, W, 42, &sims, &err), LW_OK);
  uint64_t rng = 42;
  for (uint32_t w = 0; w < W; w++)
    assert_true(sims[W * a + w] == lw_sim_random_word(&rng));
  for (uint32_t w = 0; w < W; w++)
    assert_true(sims[W * b + w] == lw_sim_random_word(&rng));
  for (uint32_t w = 0; w < W; w++)
    assert_true(sims[W * n + w] == ~(sims[W * a + w] | sims[W * b + w]));
  lw_free(sims);
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_small_net),
                                     cmocka_unit_test(test_random_inputs)};
  return lw_test_run(tests, NULL, NULL);
}
