/* Output helpers for the device check's files (traces, maps, decks): text
 * is built with lw_chars_printf (base/str.h, included here) and written
 * atomically (io/atomic.h), so a reader never sees half a file; folders are
 * made with lw_fs_mkdirs (lowwear.h). */
#ifndef LW_DEVICE_OUT_H
#define LW_DEVICE_OUT_H

#include "base/str.h"
#include "base/svg.h"
#include "lowwear/lowwear.h"
#include "lowwear/status.h"

/* Write buf (its size bytes) to dir/name atomically. */
lw_status lw_device_save(const char *dir, const char *name, const lw_chars *buf,
                         lw_error *err);

/* The traces' two-panel figure (trace.c, program_trace.c): a 660 x 530
 * page, a panel at the top (70, 30, 560 x 200) and one below it at y =
 * 280. lw_device_panels places *top and *bot (their scales and labels
 * stay the caller's); lw_device_figure_begin opens the page and frames
 * both. */
void lw_device_panels(lw_svg_axes *top, lw_svg_axes *bot);
void lw_device_figure_begin(lw_chars *b, const lw_svg_axes *top,
                            const lw_svg_axes *bot);

#endif
