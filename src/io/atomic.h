/* Atomic file output shared by every writer (programs, reports, SVG): the
 * text goes to a temporary file in the destination's folder, which is
 * fsync'ed and renamed over the destination only when everything was
 * written. A failed or aborted write leaves no file behind and never
 * clobbers an existing one. Path "-" or NULL writes to stdout; a path that
 * is not a file (/dev/null, a FIFO) is written in place, never replaced. */
#ifndef LW_IO_ATOMIC_H
#define LW_IO_ATOMIC_H

#include <stdio.h>

#include "lowwear/status.h"

typedef struct lw_io_atomic {
  FILE *file; /* write here */
  char *path; /* destination; NULL for stdout */
  char *tmp;  /* temporary file beside it; NULL when written in place */
} lw_io_atomic;

lw_status lw_io_atomic_open(const char *path, lw_io_atomic *handle,
                            lw_error *err);
/* Flush, fsync and rename; on failure the temporary file is removed. */
lw_status lw_io_atomic_commit(lw_io_atomic *handle, lw_error *err);
/* Close and remove the temporary file; the destination is untouched. */
void lw_io_atomic_abort(lw_io_atomic *handle);

#endif
