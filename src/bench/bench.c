/* lw_bench_run and lw_bench_merge: selection, sharding, resumption, the
 * worker processes and the reports. Each circuit runs in a forked worker so
 * that a crash (or an abort in a flow) costs that circuit only; the worker
 * writes OUT/circuits/NAME.json itself and reports its stages through a
 * pipe, one short line per write (atomic below PIPE_BUF). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/proc.h"
#include "bench/device_run.h"
#include "bench/runner.h"
#include "bench/store.h"
#include "bench/suite.h"
#include "report/writers.h"

lw_bench_params lw_bench_params_default(void) {
  lw_bench_params p;
  memset(&p, 0, sizeof p);
  p.out_dir = "bench-out";
  p.suite = "paper";
  p.seed = 1;
  p.wide = 1;
  p.exact_seconds = 60;
  p.abc.timeout_s = 3600; /* as lw_synth_params_default */
  return p;
}

int lw_bench_parse_shard(const char *text, uint32_t *index, uint32_t *count) {
  char *end;
  unsigned long k = strtoul(text, &end, 10);
  if (end == text || *end != '/')
    return 0;
  const char *rest = end + 1;
  unsigned long n = strtoul(rest, &end, 10);
  if (end == rest || *end || k < 1 || n < 1 || k > n || n > 100000)
    return 0;
  *index = (uint32_t)k;
  *count = (uint32_t)n;
  return 1;
}

static char *result_path(const char *out_dir, const char *name) {
  char file[160];
  snprintf(file, sizeof file, "circuits/%s.json", name);
  return lw_path_join(out_dir, file);
}

static void emit(const lw_bench_params *p, lw_bench_event_kind kind,
                 const lw_bench_circuit *c, const char *flow, const char *stage,
                 uint32_t done, uint32_t total, double start) {
  if (!p->event)
    return;
  lw_bench_event ev = {.kind = kind,
                       .circuit = c->name,
                       .flow = flow,
                       .stage = stage,
                       .message = c->error,
                       .done = done,
                       .total = total,
                       .elapsed = lw_clock() - start};
  p->event(p->event_ctx, &ev);
}

/* ---- the worker side ----------------------------------------------------- */

typedef struct worker_ctx {
  int fd;
  uint32_t slot;
} worker_ctx;

static void worker_progress(void *ctx, const char *flow, const char *stage) {
  const worker_ctx *w = ctx;
  char line[128];
  int n = snprintf(line, sizeof line, "%u\t%s\t%s\n", w->slot,
                   flow ? flow : "-", stage);
  if (n > 0 && write(w->fd, line, (size_t)n) < 0) {
    /* progress is best effort: a full or closed pipe loses a line only */
  }
}

static void worker(const lw_bench_params *p, lw_bench_circuit *c, int fd,
                   uint32_t slot) {
  worker_ctx w = {fd, slot};
  lw_bench_run_circuit(p, c, worker_progress, &w);
  char *path = result_path(p->out_dir, c->name);
  lw_error err;
  int ok = lw_bench_result_write(c, path, &err) == LW_OK;
  _exit(ok ? 0 : 3);
}

/* ---- the parent side ----------------------------------------------------- */

typedef struct run {
  const lw_bench_params *p;
  lw_bench_circuits *cs; /* selected circuits, results filled as they end */
  pid_t *pid;            /* per circuit: its worker, 0 when none */
  uint32_t done, running, total;
  double start;
  char buf[4096];
  size_t used;
} run;

/* Hand over complete progress lines "slot\tflow\tstage". */
static void read_progress(run *r, int fd) {
  ssize_t got = read(fd, r->buf + r->used, sizeof r->buf - 1 - r->used);
  if (got <= 0)
    return;
  r->used += (size_t)got;
  r->buf[r->used] = 0;
  char *line = r->buf, *nl;
  while ((nl = strchr(line, '\n'))) {
    *nl = 0;
    char *flow = strchr(line, '\t'), *stage = flow ? strchr(flow + 1, '\t') : 0;
    unsigned long slot = strtoul(line, NULL, 10);
    if (flow && stage && slot < r->cs->size) {
      *flow++ = 0;
      *stage++ = 0;
      emit(r->p, LW_BENCH_EV_STAGE, &r->cs->data[slot],
           strcmp(flow, "-") ? flow : NULL, stage, r->done, r->total, r->start);
    }
    line = nl + 1;
  }
  r->used -= (size_t)(line - r->buf);
  memmove(r->buf, line, r->used);
}

static void finished(run *r, uint32_t slot, int status) {
  lw_bench_circuit *c = &r->cs->data[slot];
  char *path = result_path(r->p->out_dir, c->name);
  lw_bench_circuit res;
  lw_error err;
  int clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (clean && lw_bench_result_read(path, &res, &err) == LW_OK) {
    *c = res;
  } else {
    /* the worker died: record that, so the reports show it */
    if (WIFSIGNALED(status))
      snprintf(c->error, sizeof c->error, "worker killed by signal %d (%s)",
               WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
      snprintf(c->error, sizeof c->error,
               "worker exited with status %d without a result",
               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    c->status = LW_BENCH_FAILED;
    for (int k = 0; k < LW_BENCH_NFLOWS; k++)
      c->flows[k].included = lw_bench_flow_selected(r->p->wide, (lw_flow_id)k);
    lw_bench_options_text(r->p, c->options, sizeof c->options);
    lw_bench_result_write(c, path, &err);
  }
  lw_free(path);
  r->done++;
  r->running--;
  lw_bench_event_kind kind = c->status == LW_BENCH_OK ? LW_BENCH_EV_DONE
                             : c->status == LW_BENCH_UNVERIFIED
                                 ? LW_BENCH_EV_UNVERIFIED
                                 : LW_BENCH_EV_FAILED;
  emit(r->p, kind, c, NULL, NULL, r->done, r->total, r->start);
}

/* Larger files first: the longest circuits start early, so -j N ends with
 * small ones instead of one big straggler. */
typedef struct pending {
  off_t bytes;
  uint32_t slot;
} pending;
LW_VEC_DEFINE(pendings, pending);

static int by_size(const void *a, const void *b) {
  const pending *x = a, *y = b;
  if (x->bytes != y->bytes)
    return x->bytes < y->bytes ? 1 : -1;
  return (x->slot > y->slot) - (x->slot < y->slot);
}

static uint32_t worker_count(const lw_bench_params *p) {
  if (p->jobs)
    return p->jobs;
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (uint32_t)n : 1;
}

static lw_status run_workers(run *r, pendings *todo, lw_error *err) {
  uint32_t jobs = worker_count(r->p);
  int fds[2];
  if (pipe(fds) != 0)
    return lw_error_set(err, LW_ERR_INTERNAL, "", 0, "pipe: %s",
                        strerror(errno));
  /* the tools the workers start (ABC) must not hold the pipe */
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  uint32_t next = 0;
  lw_status st = LW_OK;
  while (next < todo->size || r->running) {
    while (st == LW_OK && next < todo->size && r->running < jobs) {
      uint32_t slot = todo->data[next].slot;
      fflush(NULL); /* nothing buffered is written twice by the child */
      pid_t parent = getpid();
      pid_t pid = fork();
      if (pid < 0) {
        st = lw_error_set(err, LW_ERR_INTERNAL, "", 0, "fork: %s",
                          strerror(errno));
        break;
      }
      if (pid == 0) {
        /* a bench stopped by a signal stops its workers, which remove
         * their scratch folders (lw_scratch_on_signals) */
        lw_proc_die_with_parent(SIGTERM, parent);
        close(fds[0]);
        worker(r->p, &r->cs->data[slot], fds[1], slot);
      }
      r->pid[slot] = pid;
      r->running++;
      next++;
    }
    if (st != LW_OK && !r->running)
      break;
    struct pollfd pfd = {fds[0], POLLIN, 0};
    if (poll(&pfd, 1, 200) > 0 && (pfd.revents & POLLIN))
      read_progress(r, fds[0]);
    int status;
    pid_t pid;
    while (r->running && (pid = waitpid(-1, &status, WNOHANG)) > 0) {
      for (uint32_t i = 0; i < r->cs->size; i++)
        if (r->pid[i] == pid) {
          r->pid[i] = 0;
          /* drain the lines it wrote before ending, in order */
          while (poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN))
            read_progress(r, fds[0]);
          finished(r, i, status);
        }
    }
  }
  close(fds[0]);
  close(fds[1]);
  return st;
}

/* Fill stats and pick the run's status from the circuits' statuses. */
static lw_status outcome(const lw_bench_circuits *cs, lw_bench_stats *stats,
                         lw_error *err) {
  char names[400] = "";
  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    stats->failed += c->status == LW_BENCH_FAILED;
    stats->unverified += c->status == LW_BENCH_UNVERIFIED;
    if (c->status != LW_BENCH_OK &&
        strlen(names) + strlen(c->name) + 3 < sizeof names) {
      strcat(names, names[0] ? ", " : "");
      strcat(names, c->name);
    }
  }
  /* a circuit fails on its input or on ABC, as map would: exit 1 */
  if (stats->failed)
    return lw_error_set(err, LW_ERR_CIRCUIT, "", 0,
                        "%u of %u circuits failed, %u failed verification: %s",
                        stats->failed, cs->size, stats->unverified, names);
  if (stats->unverified)
    return lw_error_set(err, LW_ERR_VERIFY, "", 0,
                        "%u of %u circuits have a program that FAILED "
                        "verification: %s",
                        stats->unverified, cs->size, names);
  return LW_OK;
}

/* A result in the folder that this run may reuse instead of rerunning. */
static int reusable(const lw_bench_params *p, const lw_bench_circuit *want,
                    lw_bench_circuit *have) {
  char *path = result_path(p->out_dir, want->name);
  lw_error err;
  int ok = lw_bench_result_read(path, have, &err) == LW_OK;
  lw_free(path);
  char options[sizeof have->options];
  lw_bench_options_text(p, options, sizeof options);
  return ok && have->status == LW_BENCH_OK && !strcmp(have->name, want->name) &&
         !strcmp(have->options, options);
}

lw_status lw_bench_run(const lw_bench_params *p, lw_bench_stats *stats,
                       lw_error *err) {
  lw_bench_stats local;
  stats = stats ? stats : &local;
  memset(stats, 0, sizeof *stats);
  double start = lw_clock();
  lw_bench_circuits all = {0}, cs = {0};
  lw_status st = lw_bench_device_check(p, err);
  if (st == LW_OK)
    st = lw_bench_suite_resolve(p, &all, err);
  /* --shard K/N: every N-th circuit of the selection, from the K-th */
  lw_vec_foreach (&all, i) {
    if (!p->shard_count || i % p->shard_count == p->shard_index - 1)
      lw_vec_push(&cs, all.data[i]);
  }
  lw_vec_free(&all);
  char *sub = lw_path_join(p->out_dir, "circuits");
  if (st == LW_OK)
    st = lw_fs_mkdirs(sub, err);
  lw_free(sub);
  if (st != LW_OK) {
    lw_vec_free(&cs);
    return st;
  }

  run r = {.p = p,
           .cs = &cs,
           .pid = lw_alloc((cs.size + 1) * sizeof(pid_t)),
           .total = cs.size,
           .start = start};
  pendings todo = {0};
  lw_vec_foreach (&cs, i) {
    lw_bench_circuit *c = &cs.data[i], have;
    if (!p->force && reusable(p, c, &have)) {
      /* keep this run's order and suite; the rest is the stored result */
      have.index = c->index;
      snprintf(have.suite, sizeof have.suite, "%s", c->suite);
      snprintf(have.path, sizeof have.path, "%s", c->path);
      *c = have;
      stats->skipped++;
      r.done++;
      emit(p, LW_BENCH_EV_SKIPPED, c, NULL, NULL, r.done, r.total, start);
      continue;
    }
    struct stat sb;
    pending job = {stat(c->path, &sb) == 0 ? sb.st_size : 0, i};
    lw_vec_push(&todo, job);
  }
  if (todo.size > 1)
    qsort(todo.data, todo.size, sizeof *todo.data, by_size);
  stats->circuits = cs.size;
  stats->ran = todo.size;
  st = run_workers(&r, &todo, err);
  lw_vec_free(&todo);
  lw_free(r.pid);

  stats->seconds = lw_clock() - start;
  if (st == LW_OK) {
    lw_bench_result_sort(&cs);
    lw_bench_params used = *p; /* meta.json shows the workers used */
    used.jobs = worker_count(p);
    lw_report_meta meta = {&used, cs.size, stats->seconds, NULL, 0};
    st = lw_report_all(&cs, &meta, p->out_dir, err);
  }
  if (st == LW_OK)
    st = outcome(&cs, stats, err);
  lw_vec_free(&cs);
  return st;
}

lw_status lw_bench_merge(const char *const *dirs, uint32_t ndirs,
                         const lw_bench_params *p, lw_bench_stats *stats,
                         lw_error *err) {
  lw_bench_stats local;
  stats = stats ? stats : &local;
  memset(stats, 0, sizeof *stats);
  lw_bench_circuits cs = {0};
  lw_status st = LW_OK;
  for (uint32_t i = 0; i < ndirs && st == LW_OK; i++)
    st = lw_bench_result_load_dir(dirs[i], &cs, err);
  char *sub = lw_path_join(p->out_dir, "circuits");
  if (st == LW_OK)
    st = lw_fs_mkdirs(sub, err);
  lw_free(sub);
  if (st == LW_OK && cs.size == 0)
    st = lw_error_set(err, LW_ERR_USAGE, "", 0,
                      "no circuit results in the folders to merge");
  if (st == LW_OK) {
    lw_bench_result_sort(&cs);
    /* the merged folder is a complete run folder: resumable, mergeable */
    lw_vec_foreach (&cs, i) {
      if (st != LW_OK)
        break;
      char *path = result_path(p->out_dir, cs.data[i].name);
      st = lw_bench_result_write(&cs.data[i], path, err);
      lw_free(path);
    }
  }
  stats->circuits = cs.size;
  if (st == LW_OK) {
    /* the shards decide whether the merge holds the wide flow */
    lw_bench_params used = *p;
    used.wide = lw_bench_any_included(&cs, LW_FLOW_LOWWEAR_WIDE);
    lw_report_meta meta = {&used, cs.size, -1, dirs, ndirs};
    st = lw_report_all(&cs, &meta, p->out_dir, err);
  }
  if (st == LW_OK)
    st = outcome(&cs, stats, err);
  lw_vec_free(&cs);
  return st;
}
