/* lowwear bench: the evaluation protocol of docs/method.md section 5 in one
 * call. For each circuit: the minimum row of each of the paper's three flows,
 * the largest as the chosen row, each flow mapped and verified at that row; by
 * default also lowwear-wide (wide gates, beyond the paper) at that row.
 * Circuits run in worker processes; each one's results land in
 * OUT/circuits/NAME.json, which makes a run resumable and shards mergeable. The
 * reports (results.csv, table4.md, summary.md, fig8..fig11.svg, meta.json) are
 * rebuilt from those files at the end of every run and merge. */
#ifndef LOWWEAR_BENCH_H
#define LOWWEAR_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "lowwear/abc.h"
#include "lowwear/status.h"

typedef enum lw_bench_event_kind {
  LW_BENCH_EV_STAGE,      /* a worker started a stage of a flow */
  LW_BENCH_EV_DONE,       /* a circuit finished, every flow verified */
  LW_BENCH_EV_SKIPPED,    /* already complete in the output folder */
  LW_BENCH_EV_UNVERIFIED, /* a program failed verification: loud */
  LW_BENCH_EV_FAILED,     /* a flow or the worker failed: loud */
} lw_bench_event_kind;

typedef struct lw_bench_event {
  lw_bench_event_kind kind;
  const char *circuit;
  const char *flow;     /* STAGE: the flow; otherwise may be NULL */
  const char *stage;    /* STAGE: "min-row", "map", "verify" */
  const char *message;  /* UNVERIFIED/FAILED: what went wrong */
  uint32_t done, total; /* circuits finished (or skipped) so far, in all */
  double elapsed;       /* seconds since the run started */
} lw_bench_event;

typedef struct lw_bench_params {
  const char *out_dir;        /* required */
  const char *suite;          /* "paper" (default) or "epfl-all" */
  const char *benchmarks_dir; /* NULL: a benchmarks/ found upward */
  const char *const *paths;   /* circuit files or folders instead of a suite */
  uint32_t npaths;
  uint32_t jobs;        /* worker processes; 0 = number of cores */
  uint32_t shard_index; /* K of --shard K/N, 1-based; 0 = no sharding */
  uint32_t shard_count; /* N */
  int force;            /* rerun circuits already complete */
  lw_abc_params abc;    /* every ABC/yosys run (3600 s by default) */
  int cec;              /* verification also proves with ABC cec */
  int paper_rules;      /* strict L1/L2 as the paper states them */
  int wide;      /* also lowwear-wide at the chosen row (default 1); 0 runs the
                    paper's protocol as published, three flows */
  uint64_t seed; /* verification vectors */
  /* bench --exact (docs/exact.md): also lowwear's exact minimum row by SAT
   * within exact_seconds per circuit; netlists over LW_BENCH_EXACT_GATES
   * gates are skipped */
  int exact;
  double exact_seconds;
  /* --device: each verified program also runs on the row of devices
   * (lw_device_program: 64 vectors, exhaustive up to 10 inputs, seed
   * `seed`) at the bias table device_bias (NULL: "recommended") */
  int device;
  const char *device_bias;
  const char *command_line; /* recorded in meta.json; may be NULL */
  /* Progress and loud failures; called in the parent process only. */
  void (*event)(void *ctx, const lw_bench_event *ev);
  void *event_ctx;
} lw_bench_params;

typedef struct lw_bench_stats {
  uint32_t circuits; /* selected (after sharding) */
  uint32_t ran, skipped;
  uint32_t unverified; /* circuits with a program that failed verification */
  uint32_t failed;     /* circuits where a flow or the worker failed */
  double seconds;
} lw_bench_stats;

#define LW_BENCH_EXACT_GATES 300

lw_bench_params lw_bench_params_default(void);

/* Run the protocol and write the reports. LW_OK when every program of every
 * selected circuit verified; LW_ERR_VERIFY when one failed verification;
 * LW_ERR_INTERNAL when a flow or worker failed (the reports are written in
 * both cases). Other statuses: nothing could be run (bad suite, folder). */
lw_status lw_bench_run(const lw_bench_params *params, lw_bench_stats *stats,
                       lw_error *err);

/* Join the circuits/ of shard output folders into params->out_dir and write
 * its reports; statuses as lw_bench_run. */
lw_status lw_bench_merge(const char *const *dirs, uint32_t ndirs,
                         const lw_bench_params *params, lw_bench_stats *stats,
                         lw_error *err);

/* The closing line of a run (or, merged, of a merge) into buf, no newline;
 * returns buf. */
char *lw_bench_summary(const lw_bench_params *params,
                       const lw_bench_stats *stats, int merged, char *buf,
                       size_t n);

/* "K/N" into index and count; 0 when it is not 1 <= K <= N. */
int lw_bench_parse_shard(const char *text, uint32_t *index, uint32_t *count);

#endif
