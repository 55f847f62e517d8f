/* Growing NUL-terminated strings in an lw_chars. */
#ifndef LW_BASE_STR_H
#define LW_BASE_STR_H

#include "base/vec.h"

/* Append printf-formatted text; out->data stays NUL-terminated and
 * out->size counts the characters without the NUL. */
void lw_chars_printf(lw_chars *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
