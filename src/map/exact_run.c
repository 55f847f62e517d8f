/* A netlist at its exact minimum row: the SAT search (exact.c) from the
 * heuristic's best execution order, then the plain mapping of the order it
 * finds (alloc.c). */
#include "map/alloc.h"
#include "map/exact.h"
#include "map/orders.h"

/* The heuristic's order: the least minimum row among the flow's orders,
 * the first on ties (as lw_map_run chooses). */
static lw_status heuristic_order(const lw_map_view *view,
                                 const lw_map_params *params, lw_u32s *order,
                                 lw_error *err) {
  lw_u32s orders[LW_MAP_MAX_ORDERS] = {{0}};
  int n = 0, best = 0;
  lw_status st = lw_map_orders(view, params, 0, orders, &n, err);
  lw_map_stats ms[LW_MAP_MAX_ORDERS];
  for (int v = 0; v < n && st == LW_OK; v++) {
    memset(&ms[v], 0, sizeof ms[v]);
    lw_map_min_row(view, &orders[v], &ms[v]);
    if (ms[v].min_row < ms[best].min_row)
      best = v;
  }
  if (st == LW_OK) {
    lw_vec_free(order);
    *order = orders[best];
    orders[best] = (lw_u32s){0};
  }
  for (int v = 0; v < LW_MAP_MAX_ORDERS; v++)
    lw_vec_free(&orders[v]);
  return st;
}

lw_status lw_map_exact_run(const lw_net *net, const lw_map_params *params,
                           double time_limit_s, lw_map_exact_stats *stats,
                           lw_program **prog, lw_error *err) {
  *prog = NULL;
  memset(stats, 0, sizeof *stats);
  lw_map_view view;
  lw_u32s order = {0};
  lw_status st = lw_map_view_build(net, &view, err);
  if (st == LW_OK)
    st = heuristic_order(&view, params, &order, err);
  if (st == LW_OK)
    st = lw_map_exact(&view, time_limit_s, &order, stats, err);
  if (st == LW_OK && stats->row < stats->heuristic_row) {
    *prog = lw_program_new(net->name, params->flow, stats->row);
    st =
        lw_map_alloc(&view, &order, params, NULL, stats->row, *prog, NULL, err);
    if (st == LW_ERR_ROW)
      st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "the exact order of '%s' does not fit its row %u",
                        net->name, stats->row);
    if (st == LW_OK)
      lw_program_compute_metrics(*prog);
  }
  if (st != LW_OK) {
    lw_program_free(*prog);
    *prog = NULL;
  }
  lw_vec_free(&order);
  lw_map_view_free(&view);
  return st;
}
