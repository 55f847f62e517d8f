/* Flows: read -> synth -> rewrite -> map (-> verify) under one of the flows,
 * each flow and re-init policy by name; whole or in steps. */
#ifndef LOWWEAR_FLOW_H
#define LOWWEAR_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "lowwear/abc.h"
#include "lowwear/io.h"
#include "lowwear/names.h"
#include "lowwear/program.h"
#include "lowwear/status.h"
#include "lowwear/synth.h"
#include "lowwear/verify.h"

typedef enum lw_flow_id {
  LW_FLOW_SIMPLER,
  LW_FLOW_LOSSS,
  LW_FLOW_LOWWEAR,
  LW_FLOW_LOWWEAR_WIDE, /* lowwear with wide gates (beyond the paper) */
} lw_flow_id;

#define LW_FLOWS_BY_NAME(X)                                                    \
  X(LW_FLOW_SIMPLER, "simpler", 1)                                             \
  X(LW_FLOW_LOSSS, "losss", 1)                                                 \
  X(LW_FLOW_LOWWEAR, "lowwear", 1)                                             \
  X(LW_FLOW_LOWWEAR_WIDE, "lowwear-wide", 1)

lw_names lw_flow_names(void);

typedef struct lw_flow_job lw_flow_job;

typedef enum lw_reinit {
  LW_REINIT_FLOW_DEFAULT, /* the flow's own choice */
  LW_REINIT_BATCH,        /* every dead cell at once (SIMPLER MAGIC) */
  LW_REINIT_ON_DEMAND,    /* only as many as the coming demand needs */
} lw_reinit;

#define LW_REINITS(X)                                                          \
  X(LW_REINIT_FLOW_DEFAULT, "flow", 1)                                         \
  X(LW_REINIT_BATCH, "batch", 1)                                               \
  X(LW_REINIT_ON_DEMAND, "demand", 1)

lw_names lw_flow_reinits(void);
int lw_flow_reinit_parse(const char *name); /* -1 if unknown */
const char *lw_flow_reinit_name(lw_reinit reinit);

/* map --exact: how the SAT search for the exact minimum row ended. */
typedef enum lw_exact_status {
  LW_EXACT_OFF,     /* not asked for */
  LW_EXACT_OPTIMAL, /* proven minimum over every execution order */
  LW_EXACT_TIMEOUT, /* time limit reached: best found, proven lower bound */
  LW_EXACT_SKIPPED, /* netlist over the size limit (bench --exact) */
} lw_exact_status;

#define LW_EXACT_STATUSES(X)                                                   \
  X(LW_EXACT_OFF, "off", 1)                                                    \
  X(LW_EXACT_OPTIMAL, "optimal", 1)                                            \
  X(LW_EXACT_TIMEOUT, "timeout", 1)                                            \
  X(LW_EXACT_SKIPPED, "skipped", 1)

lw_names lw_flow_exact_statuses(void);
int lw_flow_exact_status_parse(const char *name); /* -1 if unknown */
const char *lw_flow_exact_status_name(lw_exact_status status);

typedef struct lw_flow_params {
  lw_flow_id flow;
  uint32_t row;    /* cells; 0 = the minimum row */
  int synth_none;  /* the input is already mapped: no ABC */
  int paper_rules; /* strict L1/L2 as the paper states them */
  lw_reinit reinit;
  lw_synth_params synth;
  lw_read_params read;
  int verify; /* simulate (and cec) the program before returning it */
  lw_verify_params verify_params;
  /* wear control (docs/method.md section 7; docs/wear.md), off by
   * default: the least-worn free cell, re-initialisation of cells that
   * probably hold the value already, within latency_slack extra latency
   * (a fraction; 0 = 5 %, negative = none) */
  int wear_aware;
  int prob_reinit;
  double latency_slack;
  /* optional: a job of the lowwear flow prepared from the same file with
   * the same script and options; lowwear-wide then borrows its paper-gate
   * candidates (they are the same) instead of running ABC again. It must
   * outlive the job prepared with it. */
  const lw_flow_job *paper_from;
  /* map --exact (docs/exact.md): at the minimum row of the low-wear flows,
   * the minimum row over every execution order of the chosen netlist, by
   * SAT within exact_seconds of wall time (0 = LW_FLOW_EXACT_SECONDS);
   * netlists of more than exact_max_gates gates (0 = no limit) are skipped */
  int exact;
  double exact_seconds;
  uint32_t exact_max_gates;
} lw_flow_params;

#define LW_FLOW_EXACT_SECONDS 60.0

typedef struct lw_flow_stats {
  double read_seconds, abc_seconds, rewrite_seconds, map_seconds,
      verify_seconds, total_seconds;
  uint32_t min_row;
  uint32_t mapped_gates; /* gates ABC's netlist holds */
  uint32_t merges;       /* composite gates made by rewrite/ */
  uint32_t copies;       /* COPY gates inserted */
  double mapped_toggle;  /* sum of gate rates before rewrite/ */
  /* lw_flow_map of a best-of flow (lowwear-wide): 0 = the flow's own
   * netlist, 1 = the paper-gate netlist because the own one does not fit
   * the row, 2 = the paper-gate netlist because its program had the lower
   * toggle estimate (then the lower latency) */
  int used_paper_netlist;
  /* the ABC script alternative whose netlist was kept (0-based), of how
   * many (1: a script without alternatives; 0: no synthesis) */
  int abc_alternative, abc_alternatives;
  /* with params.exact: how the search ended, the row of the best order it
   * found (the heuristic's when none better), the proven lower bound on
   * the row (= exact_row when optimal), the heuristic's row and the
   * search's seconds */
  lw_exact_status exact_status;
  uint32_t exact_row, exact_bound, heuristic_row;
  double exact_seconds;
} lw_flow_stats;

lw_flow_params lw_flow_params_default(lw_flow_id flow);
/* The same ABC executable and time limit for every stage of the flow:
 * reading, synthesis and verification. */
void lw_flow_params_set_abc(lw_flow_params *params, lw_abc_params abc);
/* A flow by its name (LW_FLOWS_BY_NAME); -1 if unknown */
int lw_flow_parse(const char *name);
const char *lw_flow_name(lw_flow_id flow);

/* Circuit file to program at params->row (or the minimum row): read, ABC,
 * rewrite, map and, with params->verify, verify. An incorrect program is
 * never returned (LW_ERR_VERIFY). report may be NULL; when given and
 * verification ran, it holds the verifier's report (free it with
 * lw_verify_report_free). */
lw_status lw_flow_run(const char *circuit_path, const lw_flow_params *params,
                      lw_flow_stats *stats, lw_verify_report *report,
                      lw_program **prog, lw_error *err);

/* The same in steps, so that one synthesis serves several row sizes (the
 * benchmark protocol maps each flow at its minimum row and at the largest
 * minimum of the three): prepare reads, synthesizes and rewrites, and fills
 * stats->min_row; map maps at `row` (0 = minimum) and verifies when
 * params->verify. */
lw_status lw_flow_prepare(const char *circuit_path,
                          const lw_flow_params *params, lw_flow_stats *stats,
                          lw_flow_job **job, lw_error *err);
lw_status lw_flow_map(lw_flow_job *job, uint32_t row, lw_flow_stats *stats,
                      lw_verify_report *report, lw_program **prog,
                      lw_error *err);
void lw_flow_job_free(lw_flow_job *job);

/* map --rotate: r (at most 64) levelled variants of prog (lw_program_level),
 * each verified by simulation against circuit_path when params->verify and
 * written as OUT.k.json (out without its .json); an incorrect variant is
 * never written (LW_ERR_VERIFY). */
lw_status lw_flow_write_variants(const char *circuit_path,
                                 const lw_program *prog, uint32_t r,
                                 const lw_flow_params *params, const char *out,
                                 lw_error *err);

/* map's summary line (no newline) into buf: circuit ("<stdin>" for "-"),
 * flow, row, latency, gates, init cycles, toggle estimate, how it was
 * verified (cec_ran: the verifier's report), seconds. Returns buf. */
char *lw_flow_summary(const char *circuit_path, const lw_program *prog,
                      const lw_flow_params *params, const lw_flow_stats *stats,
                      int cec_ran, char *buf, size_t n);

#endif
