#include "map/map.h"

#include "base/proc.h"
#include "map/alloc.h"

lw_map_params lw_map_params_default(void) {
  lw_map_params p = {
      .row = 0, .reinit = LW_REINIT_ALL, .setup_all = 0, .flow = "lowwear"};
  return p;
}

lw_status lw_map_run(const lw_net *net, const lw_map_params *params,
                     lw_map_stats *stats, lw_program **prog, lw_error *err) {
  double start = lw_clock();
  lw_map_stats local;
  if (!stats)
    stats = &local;
  memset(stats, 0, sizeof *stats);
  *prog = NULL;
  lw_map_view view;
  lw_u32s order = {0};
  lw_status st = lw_map_view_build(net, &view, err);
  if (st == LW_OK)
    st = lw_map_schedule(&view, &order, err);
  if (st == LW_OK) {
    lw_map_min_row(&view, &order, stats);
    uint32_t size = params->row ? params->row : stats->min_row;
    if (size < stats->min_row) {
      st = lw_error_set(err, LW_ERR_ROW, NULL, 0,
                        "a row of %u cells is too small for '%s' (flow %s): "
                        "the minimum is %u",
                        size, net->name, params->flow, stats->min_row);
    } else {
      *prog = lw_program_new(net->name, params->flow, size);
      st = lw_map_alloc(&view, &order, params, size, *prog, err);
      if (st != LW_OK) {
        /* the minimum row is exact: failing above it is a bug */
        if (st == LW_ERR_ROW)
          st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                            "mapping failed at %u cells, above the computed "
                            "minimum %u",
                            size, stats->min_row);
        lw_program_free(*prog);
        *prog = NULL;
      } else {
        lw_program_compute_metrics(*prog);
      }
    }
  }
  lw_vec_free(&order);
  lw_map_view_free(&view);
  stats->seconds = lw_clock() - start;
  return st;
}
