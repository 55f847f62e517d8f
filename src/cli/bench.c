/* lowwear bench: the evaluation protocol (docs/method.md section 5) in one
 * command. Parses the options, shows progress, hands over to lw_bench_run
 * or lw_bench_merge (include/lowwear/bench.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "lowwear/bench.h"
#include "lowwear/lowwear.h"

#define BENCH_OPTIONS(OPT)                                                     \
  OPT(out, "-o", LW_OPT_STR, "bench-out", 0, 0, "DIR",                         \
      "output folder (results.csv, tables, figures, circuits/)")               \
  OPT(jobs, "-j", LW_OPT_INT, "0", 0, 1024, "N",                               \
      "circuits run in parallel worker processes; 0 = number of cores")        \
  OPT(suite, "--suite", LW_OPT_STR, "paper", 0, 0, "NAME",                     \
      "paper (docs/method.md 5), epfl, lgsynth91 or epfl-all")                 \
  OPT(benchmarks, "--benchmarks", LW_OPT_STR, NULL, 0, 0, "DIR",               \
      "where the suite's .blif files are (default: benchmarks/ found "         \
      "upward; docs/bench.md)")                                                \
  OPT(shard, "--shard", LW_OPT_STR, NULL, 0, 0, "K/N",                         \
      "run only every N-th circuit, from the K-th")                            \
  OPT(merge, "--merge", LW_OPT_FLAG, NULL, 0, 0, "",                           \
      "join the shard folders given as arguments into -o DIR")                 \
  OPT(force, "--force", LW_OPT_FLAG, NULL, 0, 0, "",                           \
      "rerun circuits already complete in -o DIR")                             \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable (default: berkeley-abc or abc on the PATH)")             \
  LW_CLI_ABC_TIMEOUT(OPT)                                                      \
  OPT(no_cec, "--no-cec", LW_OPT_FLAG, NULL, 0, 0, "",                         \
      "verify by simulation only, without ABC's cec proof")                    \
  OPT(paper_rules, "--paper-rules", LW_OPT_FLAG, NULL, 0, 0, "",               \
      "strict L1/L2 rules as the paper states them")                           \
  OPT(no_wide, "--no-wide", LW_OPT_FLAG, NULL, 0, 0, "",                       \
      "leave out lowwear-wide: the paper's protocol as published")             \
  OPT(exact, "--exact", LW_OPT_FLAG, NULL, 0, 0, "",                           \
      "also lowwear's exact minimum row by SAT (netlists up to 300 gates; "    \
      "docs/exact.md)")                                                        \
  LW_CLI_EXACT_TIME(OPT)                                                       \
  OPT(seed, "--seed", LW_OPT_INT, "1", 0, 2147483647, "N",                     \
      "seed of the random verification vectors")                               \
  OPT(device, "--device", LW_OPT_FLAG, NULL, 0, 0, "",                         \
      "also run each verified program on the row of devices (64 vectors; "     \
      "docs/device.md 10): device_* columns, energy in summary.md")            \
  OPT(device_bias, "--device-bias", LW_OPT_STR, "recommended", 0, 0,           \
      "NAME|FILE", "bias table of --device: recommended, paper or a file")     \
  OPT(quiet, "--quiet", LW_OPT_FLAG, NULL, 0, 0, "",                           \
      "no progress line, even on a terminal")

LW_CLI_OPTIONS(bench_opts, options, BENCH_OPTIONS);
#define MAX_PATHS 4096

static const char usage_head[] =
    "usage: lowwear bench [options] [CIRCUIT|FOLDER]...\n"
    "       lowwear bench --merge -o DIR SHARD_DIR...\n\n"
    "For each circuit: the minimum row of each of the paper's flows\n"
    "(lowwear, losss, simpler), all three mapped and verified at the\n"
    "largest of them, and lowwear-wide (wide gates, beyond the paper) at\n"
    "that row too unless --no-wide; then results.csv, table4.md,\n"
    "summary.md, fig8-11.svg and meta.json in -o.\n"
    "Circuits complete in -o are skipped (resumable) unless --force.";

typedef struct progress {
  int tty;  /* stderr is a terminal and --quiet was not given */
  int line; /* a progress line is on the screen */
} progress;

static void clear_line(progress *pr) {
  if (pr->line)
    fputs("\r\033[K", stderr);
  pr->line = 0;
}

static void on_event(void *ctx, const lw_bench_event *ev) {
  progress *pr = ctx;
  switch (ev->kind) {
  case LW_BENCH_EV_STAGE:
  case LW_BENCH_EV_DONE:
  case LW_BENCH_EV_SKIPPED:
    if (!pr->tty)
      return;
    clear_line(pr);
    fprintf(stderr, "[%u/%u] %s%s%s %s  %.1fs", ev->done, ev->total,
            ev->circuit, ev->flow ? " " : "", ev->flow ? ev->flow : "",
            ev->kind == LW_BENCH_EV_STAGE     ? ev->stage
            : ev->kind == LW_BENCH_EV_SKIPPED ? "already done"
                                              : "done",
            ev->elapsed);
    fflush(stderr);
    pr->line = 1;
    return;
  case LW_BENCH_EV_UNVERIFIED:
    clear_line(pr);
    fprintf(stderr, "lowwear: error: %s: VERIFICATION FAILED: %s\n",
            ev->circuit, ev->message ? ev->message : "");
    return;
  case LW_BENCH_EV_FAILED:
    clear_line(pr);
    fprintf(stderr, "lowwear: error: %s: FAILED: %s\n", ev->circuit,
            ev->message ? ev->message : "");
    return;
  }
}

/* The command line as one string, for meta.json. */
static void join_args(int argc, char **argv, char *buf, size_t n) {
  size_t used = 0;
  buf[0] = 0;
  for (int i = 0; i < argc && used + 2 < n; i++)
    used +=
        (size_t)snprintf(buf + used, n - used, "%s%s", i ? " " : "", argv[i]);
}

int lw_cli_bench(int argc, char **argv) {
  bench_opts o;
  const char *paths[MAX_PATHS];
  int npaths = 0;
  int rc =
      lw_cli_parse(argc, argv, 2, options, LW_CLI_NOPTS(options),
                   (lw_opt_value *)&o, paths, MAX_PATHS, &npaths, usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;

  lw_bench_params p = lw_bench_params_default();
  p.out_dir = o.out.str;
  p.jobs = (uint32_t)o.jobs.num;
  p.suite = o.suite.str;
  p.benchmarks_dir = o.benchmarks.set ? o.benchmarks.str : NULL;
  p.paths = paths;
  p.npaths = (uint32_t)npaths;
  p.force = o.force.set;
  p.abc = lw_cli_abc(&o.abc, &o.abc_timeout);
  p.cec = !o.no_cec.set;
  p.paper_rules = o.paper_rules.set;
  p.wide = !o.no_wide.set;
  p.exact = (int)o.exact.num;
  p.exact_seconds = o.exact_time.real;
  p.seed = (uint64_t)o.seed.num;
  if (o.device_bias.set && !o.device.set)
    return lw_cli_usage_error(NULL, "%s", "--device-bias needs --device");
  p.device = o.device.set;
  p.device_bias = o.device_bias.str;
  char command[2048];
  join_args(argc, argv, command, sizeof command);
  p.command_line = command;
  progress pr = {isatty(2) && !o.quiet.set, 0};
  p.event = on_event;
  p.event_ctx = &pr;

  if (o.shard.set &&
      !lw_bench_parse_shard(o.shard.str, &p.shard_index, &p.shard_count)) {
    return lw_cli_usage_error(NULL,
                              "--shard takes K/N with 1 <= K <= N, "
                              "not '%s'",
                              o.shard.str);
  }
  if (o.merge.set &&
      (!npaths || o.shard.set || o.suite.set || o.benchmarks.set)) {
    return lw_cli_usage_error(NULL, "%s",
                              "--merge takes the shard folders as arguments, "
                              "and no --shard, --suite or --benchmarks");
  }
  if (npaths && (o.suite.set || o.benchmarks.set) && !o.merge.set) {
    return lw_cli_usage_error(
        NULL, "%s", "give circuits or --suite/--benchmarks, not both");
  }

  lw_bench_stats stats;
  lw_error err;
  memset(&err, 0, sizeof err);
  lw_status st = o.merge.set
                     ? lw_bench_merge(paths, (uint32_t)npaths, &p, &stats, &err)
                     : lw_bench_run(&p, &stats, &err);
  clear_line(&pr);
  if (st == LW_OK || st == LW_ERR_VERIFY || st == LW_ERR_CIRCUIT) {
    char line[4096 + 256];
    puts(lw_bench_summary(&p, &stats, o.merge.set, line, sizeof line));
  }
  return st == LW_OK ? 0 : lw_cli_fail(&err);
}
