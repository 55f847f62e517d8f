#include "io/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/scratch.h"

static int is_stdout(const char *path) { return !path || !strcmp(path, "-"); }

/* Folder of path (for the fsync that makes the rename durable). */
static char *folder_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return lw_strdup(".");
  if (slash == path)
    return lw_strdup("/");
  return lw_strndup(path, (size_t)(slash - path));
}

/* A destination that is not a file (/dev/null, a FIFO, a terminal) is
 * written in place: renaming over it would replace the device itself (as
 * root, /dev/null became a plain file). */
static lw_status open_in_place(const char *path, lw_io_atomic *handle,
                               lw_error *err) {
  handle->file = fopen(path, "w");
  if (!handle->file)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot open: %s",
                        strerror(errno));
  handle->path = lw_strdup(path);
  return LW_OK;
}

lw_status lw_io_atomic_open(const char *path, lw_io_atomic *handle,
                            lw_error *err) {
  memset(handle, 0, sizeof *handle);
  if (is_stdout(path)) {
    handle->file = stdout;
    return LW_OK;
  }
  struct stat dest;
  if (stat(path, &dest) == 0 && !S_ISREG(dest.st_mode) &&
      !S_ISDIR(dest.st_mode))
    return open_in_place(path, handle, err);
  /* "dir/name" -> "dir/.name.tmp.XXXXXX": same folder, so rename() is
   * atomic, and hidden so that a crash leaves no look-alike output. */
  const char *slash = strrchr(path, '/');
  size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
  size_t n = strlen(path) + 16;
  char *tmp = lw_alloc(n);
  snprintf(tmp, n, "%.*s.%s.tmp.XXXXXX", (int)dirlen, path, path + dirlen);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    lw_status st =
        lw_error_set(err, LW_ERR_IO, path, 0, "cannot create a file here: %s",
                     strerror(errno));
    lw_free(tmp);
    return st;
  }
  /* mkstemp makes the file 0600; give it the mode the destination has, or
   * the usual 0644 for a new file. */
  struct stat st_old;
  fchmod(fd, stat(path, &st_old) == 0 ? (st_old.st_mode & 07777) : 0644);
  handle->file = fdopen(fd, "w");
  if (!handle->file) {
    lw_status st = lw_error_set(err, LW_ERR_IO, path, 0, "cannot open: %s",
                                strerror(errno));
    close(fd);
    unlink(tmp);
    lw_free(tmp);
    return st;
  }
  handle->path = lw_strdup(path);
  handle->tmp = tmp;
  lw_scratch_track(tmp, 0);
  return LW_OK;
}

static void release(lw_io_atomic *handle) {
  if (handle->tmp)
    lw_scratch_untrack(handle->tmp);
  lw_free(handle->path);
  lw_free(handle->tmp);
  memset(handle, 0, sizeof *handle);
}

void lw_io_atomic_abort(lw_io_atomic *handle) {
  if (!handle->file)
    return;
  if (!handle->path) {
    fflush(handle->file);
    handle->file = NULL;
    return;
  }
  fclose(handle->file);
  if (handle->tmp) /* in place: what was written stays written */
    unlink(handle->tmp);
  release(handle);
}

lw_status lw_io_atomic_commit(lw_io_atomic *handle, lw_error *err) {
  if (!handle->file)
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "commit of a file that is not open");
  if (!handle->path) {
    int bad = fflush(handle->file) != 0 || ferror(handle->file);
    handle->file = NULL;
    return bad ? lw_error_set(err, LW_ERR_IO, "<stdout>", 0, "cannot write: %s",
                              strerror(errno))
               : LW_OK;
  }
  if (!handle->tmp) { /* in place */
    int bad = fflush(handle->file) != 0 || ferror(handle->file);
    int saved = errno;
    bad |= fclose(handle->file) != 0;
    lw_status st = bad ? lw_error_set(err, LW_ERR_IO, handle->path, 0,
                                      "cannot write: %s", strerror(saved))
                       : LW_OK;
    release(handle);
    return st;
  }
  int bad = fflush(handle->file) != 0 || ferror(handle->file) ||
            fsync(fileno(handle->file)) != 0;
  int saved = errno;
  if (fclose(handle->file) != 0 && !bad) {
    bad = 1;
    saved = errno;
  }
  if (!bad && rename(handle->tmp, handle->path) != 0) {
    bad = 1;
    saved = errno;
  }
  if (bad) {
    lw_status st = lw_error_set(err, LW_ERR_IO, handle->path, 0,
                                "cannot write: %s", strerror(saved));
    unlink(handle->tmp);
    release(handle);
    return st;
  }
  /* Make the rename itself durable; a failure here loses nothing. */
  char *dir = folder_of(handle->path);
  int dfd = open(dir, O_RDONLY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  lw_free(dir);
  release(handle);
  return LW_OK;
}
