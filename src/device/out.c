#include "device/out.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/proc.h"
#include "io/atomic.h"

lw_status lw_device_save(const char *dir, const char *name, const lw_chars *buf,
                         lw_error *err) {
  char *path = lw_path_join(dir, name);
  lw_io_atomic out;
  lw_status st = lw_io_atomic_open(path, &out, err);
  lw_free(path);
  if (st != LW_OK)
    return st;
  if (buf->size && fwrite(buf->data, 1, buf->size, out.file) != buf->size) {
    lw_io_atomic_abort(&out);
    return lw_error_set(err, LW_ERR_IO, dir, 0, "cannot write %s", name);
  }
  return lw_io_atomic_commit(&out, err);
}
