/* Output helpers for the device check's files (traces, maps, decks): text
 * is built with lw_chars_printf (base/str.h, included here) and written
 * atomically (io/atomic.h), so a reader never sees half a file; folders are
 * made with lw_fs_mkdirs (lowwear.h). */
#ifndef LW_DEVICE_OUT_H
#define LW_DEVICE_OUT_H

#include "base/str.h"
#include "lowwear/lowwear.h"
#include "lowwear/status.h"

/* Write buf (its size bytes) to dir/name atomically. */
lw_status lw_device_save(const char *dir, const char *name, const lw_chars *buf,
                         lw_error *err);

#endif
