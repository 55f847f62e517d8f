/* Running an external tool (ABC, yosys) with a time limit, its output
 * captured. Scratch folders: base/scratch.h. */
#ifndef LW_BASE_PROC_H
#define LW_BASE_PROC_H

#include <sys/types.h>

#include "base/vec.h"

typedef enum lw_proc_result {
  LW_PROC_EXITED,   /* see exit_code */
  LW_PROC_SIGNALED, /* crashed: see signal */
  LW_PROC_TIMEOUT,  /* killed at the time limit */
  LW_PROC_NOEXEC,   /* could not be started */
  LW_PROC_STOPPED,  /* killed: another of a race decided first */
} lw_proc_result;

typedef struct lw_proc {
  lw_proc_result result;
  int exit_code, signal;
  lw_chars output; /* stdout and stderr, NUL-terminated */
  double seconds;
} lw_proc;

/* Run argv (argv[0] searched on the PATH) with stdin from /dev/null and a
 * limit of timeout_s seconds (0 = none). */
void lw_proc_run(char *const argv[], double timeout_s, lw_proc *proc);
/* Run n (at most 8) commands at once, each as lw_proc_run would. When one
 * ends and decides(its proc, ctx) says so (NULL: any end), the others are
 * killed (LW_PROC_STOPPED) and its index is returned; -1 when none decided
 * before all ended or the shared time limit (then LW_PROC_TIMEOUT) ran
 * out. procs[0..n) are filled either way; free each. */
int lw_proc_race(char *const *const argvs[], int n, double timeout_s,
                 int (*decides)(const lw_proc *proc, void *ctx), void *ctx,
                 lw_proc *procs);
void lw_proc_free(lw_proc *proc);

/* In a child just forked from parent: get signal sig when the parent dies
 * (Linux; elsewhere nothing), and end at once if it is already gone. */
void lw_proc_die_with_parent(int sig, pid_t parent);

/* Find an executable: a path with '/' is taken as it is; otherwise each PATH
 * entry is tried. Returns a malloc'ed path or NULL. */
char *lw_proc_which(const char *name);

/* The tool to run: `given` when not NULL (NULL if it is not executable),
 * else the first of `a`, `b` (b may be NULL) on the PATH. Malloc'ed. */
char *lw_proc_find(const char *given, const char *a, const char *b);

/* dir + "/" + name, malloc'ed. */
char *lw_path_join(const char *dir, const char *name);

/* Seconds from a monotonic clock. */
double lw_clock(void);

#endif
