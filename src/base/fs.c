#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "lowwear/lowwear.h"

/* One folder, its parent already there. */
static lw_status make_one(const char *dir, lw_error *err) {
  struct stat st;
  if (stat(dir, &st) == 0)
    return S_ISDIR(st.st_mode)
               ? LW_OK
               : lw_error_set(err, LW_ERR_IO, dir, 0, "not a folder");
  if (mkdir(dir, 0777) != 0 && errno != EEXIST)
    return lw_error_set(err, LW_ERR_IO, dir, 0, "cannot create the folder: %s",
                        strerror(errno));
  return LW_OK;
}

lw_status lw_fs_mkdirs(const char *path, lw_error *err) {
  char *buf = lw_strdup(path);
  size_t n = strlen(buf);
  lw_status st = n ? LW_OK : make_one(buf, err);
  /* each prefix that ends before a '/', then the whole path */
  for (size_t i = 1; i <= n && st == LW_OK; i++) {
    if (buf[i] != '/' && buf[i])
      continue;
    buf[i] = 0;
    st = make_one(buf, err);
    buf[i] = path[i];
  }
  lw_free(buf);
  return st;
}
