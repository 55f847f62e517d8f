/* The execution orders a flow tries (lw_map_params.schedules): SIMPLER
 * MAGIC's depth-first order alone, or for the low-wear flows also its root
 * variants and the least-peak search's order (peak.c). lw_map_run maps
 * them all; the exact search starts from the best of them. */
#ifndef LW_MAP_ORDERS_H
#define LW_MAP_ORDERS_H

#include "map/map.h"
#include "map/view.h"

#define LW_MAP_MAX_ORDERS (LW_SCHEDULE_COUNT + 1)

/* Fill orders[0..*n) (each an empty or reusable vector). peak_budget: the
 * least-peak search's work (0 = LW_MAP_PEAK_BUDGET, as lw_map_run). */
lw_status lw_map_orders(const lw_map_view *view, const lw_map_params *params,
                        uint64_t peak_budget, lw_u32s orders[LW_MAP_MAX_ORDERS],
                        int *n, lw_error *err);

#endif
