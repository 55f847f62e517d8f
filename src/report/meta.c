/* meta.json: the versions, options and date of a bench run. */
#include <jansson.h>
#include <string.h>
#include <time.h>

#include "base/proc.h"
#include "lowwear/version.h"
#include "report/writers.h"

/* The first line of `abc -c version` that names ABC, e.g. "UC Berkeley, ABC
 * 1.01 (compiled ...)"; "unknown" when ABC cannot be run. */
static void abc_version(const char *abc_path, char *buf, size_t n) {
  snprintf(buf, n, "unknown");
  char *exe = lw_proc_which(abc_path ? abc_path : "berkeley-abc");
  if (!exe && !abc_path)
    exe = lw_proc_which("abc");
  if (!exe)
    return;
  char *argv[] = {exe, "-c", "version", NULL};
  lw_proc proc;
  lw_proc_run(argv, 20, &proc);
  if (proc.result == LW_PROC_EXITED) {
    for (char *line = proc.output.data; line && *line;) {
      char *end = strchr(line, '\n');
      size_t len = end ? (size_t)(end - line) : strlen(line);
      char text[256];
      snprintf(text, sizeof text, "%.*s", (int)len, line);
      /* skip the echo 'ABC command line: "version".' */
      if (strstr(text, "ABC") && !strstr(text, "command line")) {
        snprintf(buf, n, "%s", text);
        break;
      }
      line = end ? end + 1 : NULL;
    }
  }
  lw_proc_free(&proc);
  lw_free(exe);
}

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static int emit_meta(FILE *out, const void *ctx) {
  const lw_report_meta *m = ctx;
  const lw_bench_params *p = m->params;
  char abc[256], date[64];
  abc_version(p->abc.path, abc, sizeof abc);
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);

  json_t *opts = json_object();
  json_object_set_new(opts, "suite", str_or_null(p->npaths ? NULL : p->suite));
  json_object_set_new(opts, "benchmarks", str_or_null(p->benchmarks_dir));
  json_t *paths = json_array();
  for (uint32_t i = 0; i < p->npaths; i++)
    json_array_append_new(paths, json_string(p->paths[i]));
  json_object_set_new(opts, "paths", paths);
  json_object_set_new(opts, "jobs", json_integer(p->jobs));
  if (p->shard_count) {
    char shard[32];
    snprintf(shard, sizeof shard, "%u/%u", p->shard_index, p->shard_count);
    json_object_set_new(opts, "shard", json_string(shard));
  } else {
    json_object_set_new(opts, "shard", json_null());
  }
  json_object_set_new(opts, "force", json_boolean(p->force));
  json_object_set_new(opts, "abc", str_or_null(p->abc.path));
  json_object_set_new(opts, "abc_timeout", json_real(p->abc.timeout_s));
  json_object_set_new(opts, "cec", json_boolean(p->cec));
  json_object_set_new(opts, "paper_rules", json_boolean(p->paper_rules));
  json_object_set_new(opts, "wide", json_boolean(p->wide));
  json_object_set_new(opts, "seed", json_integer((json_int_t)p->seed));
  json_object_set_new(
      opts, "device",
      p->device ? json_string(p->device_bias ? p->device_bias : "recommended")
                : json_null());

  json_t *o = json_object();
  json_object_set_new(o, "tool", json_string("lowwear"));
  json_object_set_new(o, "version", json_string(LW_VERSION));
  json_object_set_new(o, "abc_version", json_string(abc));
  json_object_set_new(o, "date", json_string(date));
  json_object_set_new(o, "command_line", str_or_null(p->command_line));
  json_object_set_new(o, "options", opts);
  json_object_set_new(o, "circuits", json_integer(m->circuits));
  json_object_set_new(o, "seconds",
                      m->seconds >= 0 ? json_real(m->seconds) : json_null());
  if (m->merged) {
    json_t *dirs = json_array();
    for (uint32_t i = 0; i < m->nmerged; i++)
      json_array_append_new(dirs, json_string(m->merged[i]));
    json_object_set_new(o, "merged_from", dirs);
  }
  int bad = json_dumpf(o, out, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
  fputc('\n', out);
  json_decref(o);
  return bad;
}

lw_status lw_report_meta_json(const lw_report_meta *meta, const char *path,
                              lw_error *err) {
  return lw_report_write_file(path, emit_meta, meta, err);
}
