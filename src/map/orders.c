#include "map/orders.h"

#include "map/peak.h"

lw_status lw_map_orders(const lw_map_view *view, const lw_map_params *params,
                        uint64_t peak_budget, lw_u32s orders[LW_MAP_MAX_ORDERS],
                        int *n, lw_error *err) {
  if (!peak_budget)
    peak_budget = LW_MAP_PEAK_BUDGET;
  int ndfs = params->schedules > 1 ? params->schedules : 1;
  if (ndfs > LW_SCHEDULE_COUNT)
    ndfs = LW_SCHEDULE_COUNT;
  *n = ndfs + (params->schedules > 1);
  lw_status st = LW_OK;
  for (int v = 0; v < *n && st == LW_OK; v++)
    st = v < ndfs ? lw_map_schedule_variant(view, (lw_schedule_variant)v,
                                            &orders[v], err)
                  : lw_map_order_least_peak(view, peak_budget, LW_MAP_PEAK_SEED,
                                            &orders[v], err);
  return st;
}
