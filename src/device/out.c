#include "device/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/proc.h"

void lw_device_append(lw_chars *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0)
    return;
  /* room for the terminating NUL too; it is not counted in size */
  lw_vec_reserve(buf, buf->size + (uint32_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(buf->data + buf->size, (size_t)n + 1, fmt, ap);
  va_end(ap);
  buf->size += (uint32_t)n;
}

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
  char *tmp = lw_alloc(strlen(path) + 16);
  snprintf(tmp, strlen(path) + 16, "%s.tmp.XXXXXX", path);
  lw_status st = LW_OK;
  int fd = mkstemp(tmp);
  if (fd < 0) {
    st = lw_error_set(err, LW_ERR_IO, path, 0, "cannot create: %s",
                      strerror(errno));
  } else {
    FILE *f = fdopen(fd, "wb");
    int ok =
        f && fwrite(buf->data ? buf->data : "", 1, buf->size, f) == buf->size;
    ok = (f ? fclose(f) == 0 : (close(fd), 0)) && ok;
    /* mkstemp makes the file private; these are ordinary outputs */
    if (ok)
      chmod(tmp, 0644);
    if (!ok || rename(tmp, path) != 0) {
      st = lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
      unlink(tmp);
    }
  }
  lw_free(tmp);
  lw_free(path);
  return st;
}
