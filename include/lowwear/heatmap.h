/* Heat map: a measured wear report drawn as SVG, cells against cycles. */
#ifndef LOWWEAR_HEATMAP_H
#define LOWWEAR_HEATMAP_H

#include "lowwear/program.h"
#include "lowwear/status.h"
#include "lowwear/wear.h"

/* SVG: flips per cell and cycle (cells down, cycles across, binned to fit)
 * beside a bar per cell of steady flips per run. Needs report->events. */
lw_status lw_wear_heatmap_svg(const lw_wear_report *report,
                              const lw_program *prog, const char *path,
                              lw_error *err);

#endif
