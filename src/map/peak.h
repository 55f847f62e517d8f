/* An execution order for the least peak of live values (the minimum row
 * less the fixed cells, as lw_map_min_row counts it): greedy list
 * scheduling over the orders the view allows (children first, a composite
 * gate after the other readers of the value it overwrites), restarted with
 * other tie-breaks; the order with the least peak is kept. */
#ifndef LW_MAP_PEAK_H
#define LW_MAP_PEAK_H

#include "map/view.h"

/* The low-wear flows' budget: about this many gate placements in all,
 * spread over restarts of the greedy (at least LW_MAP_PEAK_MIN_RESTARTS,
 * at most LW_MAP_PEAK_MAX_RESTARTS), from this seed. A count of work, not
 * time: the same netlist gives the same order on every machine. */
#define LW_MAP_PEAK_BUDGET 2000000u
#define LW_MAP_PEAK_MIN_RESTARTS 4u
#define LW_MAP_PEAK_MAX_RESTARTS 64u
#define LW_MAP_PEAK_SEED 0x9e11c0deull

/* The order (every executed gate once) with the least peak of live values
 * found within `budget` gate placements; deterministic for a given seed.
 * LW_ERR_INTERNAL when the view allows no order (a composite gate that must
 * run both before and after another gate). */
lw_status lw_map_order_least_peak(const lw_map_view *view, uint64_t budget,
                                  uint64_t seed, lw_u32s *order, lw_error *err);

#endif
