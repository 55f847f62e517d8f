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

/* Start argv with stdout and stderr into a pipe; *fd = its read end. */
static pid_t spawn(char *const argv[], int *fd) {
  int fds[2];
  if (pipe(fds) != 0)
    return -1;
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return -1;
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
  /* the next racer started must not hold this pipe open */
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  *fd = fds[0];
  return pid;
}

/* Append what fd has to proc's output; 0 at the end of the stream. */
static int drain(int fd, lw_proc *proc) {
  char buf[65536];
  ssize_t got;
  while ((got = read(fd, buf, sizeof buf)) < 0 && errno == EINTR)
    ;
  if (got <= 0)
    return 0;
  /* keep at most the last 4 MiB: enough for every message we parse */
  if (proc->output.size > (4u << 20)) {
    memmove(proc->output.data, proc->output.data + (2u << 20),
            proc->output.size - (2u << 20));
    proc->output.size -= (2u << 20);
  }
  lw_vec_reserve(&proc->output, proc->output.size + (uint32_t)got + 1);
  memcpy(proc->output.data + proc->output.size, buf, (size_t)got);
  proc->output.size += (uint32_t)got;
  return 1;
}

/* Reap pid (killed first unless it ended by itself) and fill the result. */
static void finish(pid_t pid, int kill_it, lw_proc_result why, double start,
                   lw_proc *proc) {
  if (kill_it) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  lw_vec_push(&proc->output, 0);
  proc->output.size--;
  proc->seconds = lw_clock() - start;
  if (kill_it) {
    proc->result = why;
  } else if (WIFSIGNALED(status)) {
    proc->result = LW_PROC_SIGNALED;
    proc->signal = WTERMSIG(status);
  } else {
    proc->exit_code = WEXITSTATUS(status);
    proc->result = proc->exit_code == 127 ? LW_PROC_NOEXEC : LW_PROC_EXITED;
  }
}

int lw_proc_race(char *const *const argvs[], int n, double timeout_s,
                 int (*decides)(const lw_proc *proc, void *ctx), void *ctx,
                 lw_proc *procs) {
  enum { MAX = 8 };
  pid_t pid[MAX];
  int fd[MAX];
  double start = lw_clock();
  int running = 0, winner = -1;
  for (int k = 0; k < n && k < MAX; k++) {
    memset(&procs[k], 0, sizeof procs[k]);
    pid[k] = spawn(argvs[k], &fd[k]);
    if (pid[k] < 0) {
      procs[k].result = LW_PROC_NOEXEC;
      lw_vec_push(&procs[k].output, 0);
      procs[k].output.size--;
      continue;
    }
    running++;
  }
  while (running && winner < 0) {
    int wait_ms = -1;
    if (timeout_s > 0) {
      double left = timeout_s - (lw_clock() - start);
      if (left <= 0)
        break;
      wait_ms = (int)(left * 1000) + 1;
    }
    struct pollfd pfd[MAX];
    int map[MAX], m = 0;
    for (int k = 0; k < n && k < MAX; k++)
      if (pid[k] > 0) {
        pfd[m] = (struct pollfd){.fd = fd[k], .events = POLLIN};
        map[m++] = k;
      }
    int r = poll(pfd, (nfds_t)m, wait_ms);
    if (r <= 0)
      continue; /* EINTR, or the time-out checked above */
    for (int i = 0; i < m && winner < 0; i++) {
      int k = map[i];
      if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)) ||
          drain(fd[k], &procs[k]))
        continue;
      close(fd[k]);
      finish(pid[k], 0, LW_PROC_EXITED, start, &procs[k]);
      pid[k] = 0;
      running--;
      if (!decides || decides(&procs[k], ctx))
        winner = k;
    }
  }
  /* the others lost the race, or the time ran out for all */
  for (int k = 0; k < n && k < MAX; k++)
    if (pid[k] > 0) {
      close(fd[k]);
      finish(pid[k], 1, winner >= 0 ? LW_PROC_STOPPED : LW_PROC_TIMEOUT, start,
             &procs[k]);
    }
  return winner;
}

void lw_proc_run(char *const argv[], double timeout_s, lw_proc *proc) {
  char *const *const argvs[] = {argv};
  lw_proc_race(argvs, 1, timeout_s, NULL, NULL, proc);
}

void lw_proc_free(lw_proc *proc) { lw_vec_free(&proc->output); }
