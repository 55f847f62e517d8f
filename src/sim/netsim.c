/* The netlist walk: topological order, one gate-table dispatch per word. */
#include "sim/sim.h"
#include "sim/vectors.h"

void lw_sim_net(const lw_net *net, const lw_u32s *order, uint32_t W,
                uint64_t *sims) {
  /* fanin words of one gate for one word index; circuit-level AND/OR may
   * have any number of fanins */
  uint32_t widest = 1;
  lw_net_foreach_node (net, id)
    if (lw_net_nfanin(net, id) > widest)
      widest = lw_net_nfanin(net, id);
  uint64_t *in = lw_alloc(sizeof(uint64_t) * widest);
  lw_vec_foreach (order, i) {
    uint32_t id = order->data[i];
    lw_gate_type t = lw_net_type(net, id);
    if (t == LW_GATE_PI)
      continue;
    uint32_t n = lw_net_nfanin(net, id);
    uint64_t *out = sims + (size_t)W * id;
    for (uint32_t w = 0; w < W; w++) {
      for (uint32_t k = 0; k < n; k++)
        in[k] = sims[(size_t)W * lw_net_fanin(net, id, k) + w];
      out[w] = lw_gate_eval(t, in, n);
    }
  }
  lw_free(in);
}

lw_status lw_sim_net_random(const lw_net *net, uint32_t W, uint64_t seed,
                            uint64_t **sims, lw_error *err) {
  *sims = NULL;
  lw_u32s topo = {0};
  lw_status st = lw_net_topo(net, &topo, err);
  if (st != LW_OK)
    return st;
  *sims = lw_alloc(sizeof(uint64_t) * W * (lw_net_size(net) + 1));
  uint64_t rng = seed;
  lw_net_foreach_pi (net, i, id)
    for (uint32_t w = 0; w < W; w++)
      (*sims)[(size_t)W * id + w] = lw_sim_random_word(&rng);
  lw_sim_net(net, &topo, W, *sims);
  lw_vec_free(&topo);
  return LW_OK;
}
