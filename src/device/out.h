/* Output helpers for the device check's files (traces, maps, decks): a
 * formatted append to a char buffer and an atomic write (temporary file in
 * the same folder, then rename), so a reader never sees half a file. */
#ifndef LW_DEVICE_OUT_H
#define LW_DEVICE_OUT_H

#include "base/vec.h"
#include "lowwear/status.h"

void lw_device_append(lw_chars *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Write buf (its size bytes) to dir/name atomically. */
lw_status lw_device_save(const char *dir, const char *name, const lw_chars *buf,
                         lw_error *err);
/* Create dir if it is not there (one level). */
lw_status lw_device_mkdir(const char *dir, lw_error *err);

#endif
