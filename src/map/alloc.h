/* Cell allocation in one row: fixed cells (inputs, constants), then every
 * gate of the execution order gets a cell holding its init value, dead cells
 * are re-initialised by policy. */
#ifndef LW_MAP_ALLOC_H
#define LW_MAP_ALLOC_H

#include "map/map.h"
#include "map/view.h"

/* Cells needed: fixed cells + the peak of live values (outputs stay live;
 * a constant output needs a free cell at the end). Independent of the row. */
void lw_map_min_row(const lw_map_view *view, const lw_u32s *order,
                    lw_map_stats *stats);

/* Emit the program at `row` cells into prog. LW_ERR_ROW if it does not fit. */
lw_status lw_map_alloc(const lw_map_view *view, const lw_u32s *order,
                       const lw_map_params *params, uint32_t row,
                       lw_program *prog, lw_error *err);

#endif
