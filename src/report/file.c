/* lw_report_write_file: the atomic-write funnel every report writer goes
 * through, so that no report is ever left half-written. */
#include "io/atomic.h"
#include "report/writers.h"

lw_status lw_report_write_file(const char *path,
                               int (*emit)(FILE *out, const void *ctx),
                               const void *ctx, lw_error *err) {
  lw_io_atomic out;
  lw_status st = lw_io_atomic_open(path, &out, err);
  if (st != LW_OK)
    return st;
  if (emit(out.file, ctx) || ferror(out.file)) {
    lw_io_atomic_abort(&out);
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write");
  }
  return lw_io_atomic_commit(&out, err);
}
