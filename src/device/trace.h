/* --trace: gap and voltage against time for one case, as CSV and as an SVG
 * figure in the manner of the paper's Figs 5 and 6 (voltages above, gaps
 * below, on a shared time axis). */
#ifndef LW_DEVICE_TRACE_H
#define LW_DEVICE_TRACE_H

#include "device/pmr.h"
#include "lowwear/device.h"

/* Writes dir/<GATE>_<inputs>.csv and .svg (creating dir if needed). */
lw_status lw_device_trace_write(const char *dir, const lw_device_case *cs,
                                const lw_pmr_trace *trace, lw_error *err);

#endif
