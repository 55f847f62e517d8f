/* Resolving the circuits of a run. A named suite is looked up in
 * --benchmarks DIR, else in the first benchmarks/ folder that holds every
 * file of it, searched upward from the working folder and from the
 * executable's folder (so a build folder inside the project finds the
 * project's own). */
#include "bench/suite.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/proc.h"
#include "report/published.h"

/* The EPFL suite beyond the paper's ten (the other arithmetic and control
 * circuits; the protocol, docs/method.md section 5, uses none of them). */
static const char *const epfl_rest[] = {
    "div",        "hyp",    "i2c", "log2", "mem_ctrl",
    "multiplier", "router", "sin", "sqrt", "square",
};

/* Extensions lw_io_read_circuit reads, in order of preference when one
 * folder has a circuit in several forms. */
static const char *const extensions[] = {".blif", ".aig", ".aag",
                                         ".pla",  ".v",   ".sv"};
#define NEXT (int)(sizeof extensions / sizeof extensions[0])

static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void add(lw_bench_circuits *out, const char *name, const char *suite,
                const char *path) {
  lw_vec_resize(out, out->size + 1);
  lw_bench_circuit *c = &lw_vec_last(out);
  snprintf(c->name, sizeof c->name, "%s", name);
  snprintf(c->suite, sizeof c->suite, "%s", suite);
  snprintf(c->path, sizeof c->path, "%s", path);
  c->index = out->size - 1;
}

/* base/suite/name.blif, or base/name.blif; 0 when neither exists. */
static int locate(const char *base, const char *suite, const char *name,
                  char *buf, size_t n) {
  snprintf(buf, n, "%s/%s/%s.blif", base, suite, name);
  if (is_file(buf))
    return 1;
  snprintf(buf, n, "%s/%s.blif", base, name);
  return is_file(buf);
}

/* The (suite, name) pairs of a named suite; 0 when the name is unknown. */
static int suite_members(const char *suite, lw_bench_circuits *out) {
  int paper = !strcmp(suite, "paper"), all = !strcmp(suite, "epfl-all");
  if (!paper && !all && strcmp(suite, "epfl") && strcmp(suite, "lgsynth91"))
    return 0;
  int n;
  const lw_published *t = lw_published_table(&n);
  for (int i = 0; i < n; i++)
    if (t[i].kind == LW_PUB_MIN_ROWS &&
        (paper || !strcmp(t[i].suite, all ? "epfl" : suite)))
      add(out, t[i].circuit, t[i].suite, "");
  for (size_t i = 0; all && i < sizeof epfl_rest / sizeof epfl_rest[0]; i++)
    add(out, epfl_rest[i], "epfl", "");
  return 1;
}

static int has_all(const char *base, const lw_bench_circuits *cs) {
  char buf[1024];
  lw_vec_foreach (cs, i) {
    if (!locate(base, cs->data[i].suite, cs->data[i].name, buf, sizeof buf))
      return 0;
  }
  return 1;
}

/* Upward from start (at most 4 levels): D/benchmarks. */
static int search_from(const char *start, const lw_bench_circuits *cs,
                       char *found, size_t n) {
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", start);
  for (int level = 0; level < 5 && dir[0]; level++) {
    char cand[1100];
    snprintf(cand, sizeof cand, "%s/benchmarks", dir);
    if (is_dir(cand) && has_all(cand, cs)) {
      snprintf(found, n, "%s", cand);
      return 1;
    }
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
      break;
    *slash = 0;
  }
  return 0;
}

static lw_status find_base(const lw_bench_params *p,
                           const lw_bench_circuits *cs, char *base, size_t n,
                           lw_error *err) {
  if (p->benchmarks_dir) {
    snprintf(base, n, "%s", p->benchmarks_dir);
    char buf[1024];
    lw_vec_foreach (cs, i) {
      if (!locate(base, cs->data[i].suite, cs->data[i].name, buf, sizeof buf))
        return lw_error_set(err, LW_ERR_IO, base, 0,
                            "no %s.blif here (nor in %s/)", cs->data[i].name,
                            cs->data[i].suite);
    }
    return LW_OK;
  }
  char cwd[1024], exe[1024];
  if (getcwd(cwd, sizeof cwd) && search_from(cwd, cs, base, n))
    return LW_OK;
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0) {
    exe[len] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
      *slash = 0;
    if (search_from(exe, cs, base, n))
      return LW_OK;
  }
  return lw_error_set(err, LW_ERR_IO, "", 0,
                      "cannot find the suite's circuits: no benchmarks/ "
                      "folder above the working folder or lowwear holds all "
                      "%u of them (use --benchmarks DIR; docs/bench.md)",
                      cs->size);
}

/* ---- files and folders given by the user --------------------------------- */

static int circuit_ext(const char *file) {
  const char *dot = strrchr(file, '.');
  for (int k = 0; dot && k < NEXT; k++)
    if (!strcmp(dot, extensions[k]))
      return k;
  return -1;
}

/* Suite of a file: its folder's name when that is a known suite, else the
 * published table's, else "other". */
static void add_file(lw_bench_circuits *out, const char *path) {
  const char *slash = strrchr(path, '/');
  const char *file = slash ? slash + 1 : path;
  const char *dot = strrchr(file, '.');
  char name[128], folder[64] = "";
  snprintf(name, sizeof name, "%.*s",
           (int)(dot ? dot - file : (long)strlen(file)), file);
  if (slash) {
    const char *start = slash;
    while (start > path && start[-1] != '/')
      start--;
    snprintf(folder, sizeof folder, "%.*s", (int)(slash - start), start);
  }
  const lw_published *pub = lw_published_rows(name);
  const char *suite = !strcmp(folder, "epfl") || !strcmp(folder, "lgsynth91")
                          ? folder
                      : pub ? pub->suite
                            : "other";
  add(out, name, suite, path);
}

LW_VEC_DEFINE(names, char *);

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static lw_status add_folder(lw_bench_circuits *out, const char *dir,
                            lw_error *err) {
  DIR *d = opendir(dir);
  if (!d)
    return lw_error_set(err, LW_ERR_IO, dir, 0, "cannot open: %s",
                        strerror(errno));
  names files = {0};
  struct dirent *e;
  while ((e = readdir(d)))
    if (e->d_name[0] != '.' && circuit_ext(e->d_name) >= 0)
      lw_vec_push(&files, lw_strdup(e->d_name));
  closedir(d);
  if (files.size)
    qsort(files.data, files.size, sizeof *files.data, by_name);
  lw_vec_foreach (&files, i) {
    /* keep the preferred form of a name present in several */
    const char *f = files.data[i];
    const char *dot = strrchr(f, '.');
    int better = 0;
    lw_vec_foreach (&files, j) {
      const char *g = files.data[j];
      better |= j != i && !strncmp(f, g, (size_t)(dot - f) + 1) &&
                strrchr(g, '.') - g == dot - f &&
                circuit_ext(g) < circuit_ext(f);
    }
    if (!better) {
      char *path = lw_path_join(dir, f);
      add_file(out, path);
      lw_free(path);
    }
  }
  lw_vec_foreach (&files, i)
    lw_free(files.data[i]);
  lw_vec_free(&files);
  return LW_OK;
}

lw_status lw_bench_suite_resolve(const lw_bench_params *p,
                                 lw_bench_circuits *out, lw_error *err) {
  lw_status st = LW_OK;
  if (p->npaths) {
    for (uint32_t i = 0; i < p->npaths && st == LW_OK; i++) {
      const char *path = p->paths[i];
      if (is_dir(path))
        st = add_folder(out, path, err);
      else if (is_file(path))
        add_file(out, path);
      else
        st = lw_error_set(err, LW_ERR_IO, path, 0, "no such file or folder");
    }
  } else {
    const char *suite = p->suite ? p->suite : "paper";
    if (!suite_members(suite, out))
      return lw_error_set(err, LW_ERR_USAGE, "", 0,
                          "unknown suite '%s' (paper, epfl, lgsynth91, "
                          "epfl-all)",
                          suite);
    char base[1024];
    st = find_base(p, out, base, sizeof base, err);
    lw_vec_foreach (out, i) {
      if (st != LW_OK)
        break;
      lw_bench_circuit *c = &out->data[i];
      locate(base, c->suite, c->name, c->path, sizeof c->path);
    }
  }
  /* each circuit's results file is named after it: names must differ */
  for (uint32_t i = 0; st == LW_OK && i < out->size; i++)
    for (uint32_t j = 0; j < i; j++)
      if (!strcmp(out->data[i].name, out->data[j].name)) {
        st = lw_error_set(err, LW_ERR_USAGE, out->data[i].path, 0,
                          "two circuits named '%s' (also %s)",
                          out->data[i].name, out->data[j].path);
        break;
      }
  if (st == LW_OK && out->size == 0)
    st = lw_error_set(err, LW_ERR_USAGE, "", 0, "no circuits to run");
  return st;
}
