#define _GNU_SOURCE /* syscall() */
#include "base/scratch.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include "base/alloc.h"
#include "base/proc.h"
#include "lowwear/lowwear.h"

/* ---- the table of live paths ----------------------------------------------
 * A fixed table, so that the handler reads it without locks or malloc. A
 * slot belongs to the process that filled it (bench's workers are forked:
 * a worker's copy of its parent's slots is not its own). */

enum { SLOTS = 64, PATH_MAX_LEN = 1024 };

static struct {
  volatile sig_atomic_t used;
  pid_t pid;
  int is_dir;
  char path[PATH_MAX_LEN];
} slots[SLOTS];

void lw_scratch_track(const char *path, int is_dir) {
  if (!path || strlen(path) >= PATH_MAX_LEN)
    return;
  for (int i = 0; i < SLOTS; i++) {
    if (slots[i].used)
      continue;
    memcpy(slots[i].path, path, strlen(path) + 1);
    slots[i].pid = getpid();
    slots[i].is_dir = is_dir;
    slots[i].used = 1; /* last: the handler sees the slot whole or not */
    return;
  }
}

void lw_scratch_untrack(const char *path) {
  pid_t me = getpid();
  for (int i = 0; path && i < SLOTS; i++)
    if (slots[i].used && slots[i].pid == me && !strcmp(slots[i].path, path)) {
      slots[i].used = 0;
      return;
    }
}

/* ---- removal from the signal handler (system calls only) ----------------- */

static int is_dot(const char *name) {
  return name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
}

/* Every file in dir, then dir. Linux lists the folder with getdents64;
 * elsewhere only an empty folder goes. */
static void remove_folder_now(const char *dir) {
#ifdef __linux__
  struct entry {
    uint64_t ino;
    int64_t off;
    unsigned short reclen;
    unsigned char type;
    char name[];
  };
  for (int round = 0; round < 4 && rmdir(dir) != 0; round++) {
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
      return;
    char buf[4096] __attribute__((aligned(8)));
    long n;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0)
      for (long off = 0; off < n;) {
        struct entry *e = (struct entry *)(void *)(buf + off);
        if (!is_dot(e->name))
          unlinkat(fd, e->name, 0);
        off += e->reclen;
      }
    close(fd);
  }
#else
  rmdir(dir);
#endif
}

static void on_signal(int sig) {
  pid_t me = getpid();
  for (int i = 0; i < SLOTS; i++) {
    if (!slots[i].used || slots[i].pid != me)
      continue;
    if (slots[i].is_dir)
      remove_folder_now(slots[i].path);
    else
      unlink(slots[i].path);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void lw_scratch_on_signals(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction old, sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(sigs[i], &sa, NULL);
  }
}

/* ---- scratch folders ----------------------------------------------------- */

char *lw_tmpdir_new(void) {
  const char *base = getenv("TMPDIR");
  if (!base || !*base)
    base = "/tmp";
  char *tmpl = lw_path_join(base, "lowwear.XXXXXX");
  if (!mkdtemp(tmpl)) {
    lw_free(tmpl);
    return NULL;
  }
  lw_scratch_track(tmpl, 1);
  return tmpl;
}

void lw_tmpdir_remove(char *dir) {
  if (!dir)
    return;
  DIR *d = opendir(dir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d))) {
      if (is_dot(e->d_name))
        continue;
      char *p = lw_path_join(dir, e->d_name);
      unlink(p);
      lw_free(p);
    }
    closedir(d);
  }
  rmdir(dir);
  lw_scratch_untrack(dir);
  lw_free(dir);
}
