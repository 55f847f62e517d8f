#include "flow/recompute.h"

#include <math.h>

#include "map/recompute.h"

/* The candidate whose recomputed netlist reaches the smallest row (then the
 * lower latency); *best holds that netlist. */
static lw_status search_all(const lw_net *const *nets, int n,
                            const lw_map_params *plain,
                            const lw_recompute_params *rp, lw_net **best,
                            lw_recompute_stats *bs, int *which, lw_error *err) {
  lw_status st = LW_OK;
  *best = NULL;
  for (int i = 0; i < n && st == LW_OK; i++) {
    lw_recompute_stats rs;
    lw_net *out = NULL;
    st = lw_map_recompute(nets[i], plain, rp, &rs, &out, err);
    if (st == LW_OK && (!*best || rs.row < bs->row ||
                        (rs.row == bs->row && rs.latency < bs->latency))) {
      lw_net_free(*best);
      *best = out;
      *bs = rs;
      *which = i;
    } else {
      lw_net_free(out);
    }
  }
  return st;
}

lw_status lw_flow_recompute(const lw_net *const *nets, int n,
                            const lw_map_params *plain, uint32_t row,
                            double factor, lw_program **prog, int *chosen,
                            lw_net **net, lw_flow_stats *stats, lw_error *err) {
  uint32_t base = lw_program_latency(*prog);
  if (factor <= 0)
    factor = LW_FLOW_DEFAULT_LATENCY_BUDGET;
  lw_recompute_params rp = {.target_row = row,
                            .latency_budget =
                                (uint32_t)floor(base * factor + 1e-9)};
  lw_recompute_stats bs = {0};
  lw_net *best = NULL;
  int which = 0;
  lw_status st = search_all(nets, n, plain, &rp, &best, &bs, &which, err);
  stats->plain_latency = base;
  stats->recompute_row = bs.row;
  uint32_t size = row ? row : bs.row;
  if (st == LW_OK && size < bs.row)
    st = lw_error_set(err, LW_ERR_ROW, NULL, 0,
                      "a row of %u cells is too small for '%s' (flow %s): "
                      "the minimum is %u; the smallest row reached with "
                      "recomputation within latency budget %g is %u",
                      size, nets[0]->name, plain->flow, plain->row, factor,
                      bs.row);
  lw_program *cand = NULL;
  if (st == LW_OK && size < plain->row) {
    lw_map_params mp = *plain;
    mp.row = size;
    st = lw_map_run(best, &mp, NULL, &cand, err);
  }
  if (st == LW_OK && cand && lw_program_latency(cand) > rp.latency_budget)
    st = lw_error_set(err, LW_ERR_ROW, NULL, 0,
                      "a row of %u cells is too small for '%s' (flow %s): "
                      "with recomputation its program takes %u cycles, "
                      "over the latency budget %g x %u",
                      size, nets[0]->name, plain->flow,
                      lw_program_latency(cand), factor, base);
  if (st == LW_OK && cand) {
    lw_program_free(*prog);
    *prog = cand;
    cand = NULL;
    *chosen = which;
    *net = best;
    best = NULL;
    stats->recomputed = 1;
    stats->recompute_copies = bs.copies;
  }
  lw_program_free(cand);
  lw_net_free(best);
  return st;
}
