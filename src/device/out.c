#include "device/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/proc.h"
#include "io/atomic.h"

lw_status lw_device_mkdir(const char *dir, lw_error *err) {
  struct stat st;
  if (stat(dir, &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return LW_OK;
    return lw_error_set(err, LW_ERR_IO, dir, 0, "not a folder");
  }
  if (mkdir(dir, 0777) != 0)
    return lw_error_set(err, LW_ERR_IO, dir, 0, "cannot create: %s",
                        strerror(errno));
  return LW_OK;
}

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
