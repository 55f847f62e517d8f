#define _POSIX_C_SOURCE 200809L
#include "base/proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

void lw_proc_die_with_parent(int sig, pid_t parent) {
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, sig);
  if (getppid() != parent)
    _exit(127);
#else
  (void)sig;
  (void)parent;
#endif
}

double lw_clock(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

char *lw_path_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *p = lw_alloc(a + b + 2);
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  return p;
}

char *lw_proc_which(const char *name) {
  if (!name || !*name)
    return NULL;
  if (strchr(name, '/'))
    return access(name, X_OK) == 0 ? lw_strdup(name) : NULL;
  const char *path = getenv("PATH");
  if (!path)
    path = "/usr/local/bin:/usr/bin:/bin";
  while (*path) {
    const char *end = strchr(path, ':');
    size_t n = end ? (size_t)(end - path) : strlen(path);
    char *dir = lw_strndup(n ? path : ".", n ? n : 1);
    char *full = lw_path_join(dir, name);
    lw_free(dir);
    struct stat st;
    if (access(full, X_OK) == 0 && stat(full, &st) == 0 && S_ISREG(st.st_mode))
      return full;
    lw_free(full);
    if (!end)
      break;
    path = end + 1;
  }
  return NULL;
}

char *lw_proc_find(const char *given, const char *a, const char *b) {
  if (given)
    return lw_proc_which(given);
  char *p = lw_proc_which(a);
  return p || !b ? p : lw_proc_which(b);
}

void lw_proc_run(char *const argv[], double timeout_s, lw_proc *proc) {
  memset(proc, 0, sizeof *proc);
  double start = lw_clock();
  int fds[2];
  if (pipe(fds) != 0) {
    proc->result = LW_PROC_NOEXEC;
    lw_vec_push(&proc->output, 0);
    return;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    proc->result = LW_PROC_NOEXEC;
    lw_vec_push(&proc->output, 0);
    return;
  }
  if (pid == 0) {
    /* own process group, so that a time-out kills the tool's children too */
    setpgid(0, 0);
    /* and no orphan: if lowwear dies (a signal), the tool dies with it */
    lw_proc_die_with_parent(SIGKILL, parent);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0)
      dup2(devnull, 0);
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    execvp(argv[0], argv);
    _exit(127);
  }
  close(fds[1]);
  int timed_out = 0;
  char buf[65536];
  for (;;) {
    int wait_ms = -1;
    if (timeout_s > 0) {
      double left = timeout_s - (lw_clock() - start);
      if (left <= 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        timed_out = 1;
        break;
      }
      wait_ms = (int)(left * 1000) + 1;
    }
    struct pollfd pfd = {.fd = fds[0], .events = POLLIN};
    int r = poll(&pfd, 1, wait_ms);
    if (r < 0 && errno == EINTR)
      continue;
    if (r == 0)
      continue;
    ssize_t got = read(fds[0], buf, sizeof buf);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    /* keep at most the last 4 MiB: enough for every message we parse */
    if (proc->output.size > (4u << 20)) {
      memmove(proc->output.data, proc->output.data + (2u << 20),
              proc->output.size - (2u << 20));
      proc->output.size -= (2u << 20);
    }
    lw_vec_reserve(&proc->output, proc->output.size + (uint32_t)got + 1);
    memcpy(proc->output.data + proc->output.size, buf, (size_t)got);
    proc->output.size += (uint32_t)got;
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  lw_vec_push(&proc->output, 0);
  proc->output.size--;
  proc->seconds = lw_clock() - start;
  if (timed_out) {
    proc->result = LW_PROC_TIMEOUT;
  } else if (WIFSIGNALED(status)) {
    proc->result = LW_PROC_SIGNALED;
    proc->signal = WTERMSIG(status);
  } else {
    proc->exit_code = WEXITSTATUS(status);
    proc->result = proc->exit_code == 127 ? LW_PROC_NOEXEC : LW_PROC_EXITED;
  }
}

void lw_proc_free(lw_proc *proc) { lw_vec_free(&proc->output); }
