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
  /* recomputation (docs/recompute.md), low-wear flows only: at --row min or
   * a row below the plain minimum, values may be computed again instead of
   * kept alive, within latency_budget times the latency of the plain
   * program at its minimum row (0 = LW_FLOW_DEFAULT_LATENCY_BUDGET) */
  int recompute;
  double latency_budget;
  /* optional: a job of the lowwear flow prepared from the same file with
   * the same script and options; lowwear-wide then borrows its paper-gate
   * candidates (they are the same) instead of running ABC again. It must
   * outlive the job prepared with it. */
  const lw_flow_job *paper_from;
  /* optional: a job of the simpler flow prepared from the same file with
   * its default script; the low-wear flows then take its netlist (SIMPLER
   * MAGIC's) as candidates and its latency at a row as their bound instead
   * of running ABC for it. It must outlive the job prepared with it. */
  const lw_flow_job *simpler_from;
  /* map --exact (docs/exact.md): at the minimum row of the low-wear flows,
   * the minimum row over every execution order of the chosen netlist, by
   * SAT within exact_seconds of wall time (0 = LW_FLOW_EXACT_SECONDS);
   * netlists of more than exact_max_gates gates (0 = no limit) are skipped */
  int exact;
  double exact_seconds;
  uint32_t exact_max_gates;
} lw_flow_params;

#define LW_FLOW_EXACT_SECONDS 60.0

/* Where the netlist of a program came from. The low-wear flows also weigh
 * SIMPLER MAGIC's netlist (the simpler flow's), rewritten by their rules
 * and as it is; lowwear-wide also the paper's gates. */
typedef enum lw_flow_netlist {
  LW_FLOW_NETLIST_OWN,          /* the flow's own synthesis */
  LW_FLOW_NETLIST_PAPER,        /* the paper's gates (lowwear-wide) */
  LW_FLOW_NETLIST_SIMPLER,      /* SIMPLER's netlist, rewritten */
  LW_FLOW_NETLIST_SIMPLER_ASIS, /* SIMPLER's netlist as it is */
} lw_flow_netlist;

/* Why a netlist other than the flow's own was kept at a row. */
typedef enum lw_flow_netlist_reason {
  LW_FLOW_WHY_OWN,     /* it is the flow's own */
  LW_FLOW_WHY_ROW,     /* none of the flow's own netlists fits the row */
  LW_FLOW_WHY_TOGGLE,  /* its program had the lower toggle estimate (then
                          the lower latency) */
  LW_FLOW_WHY_LATENCY, /* the flow's own programs are all slower than
                          SIMPLER's at the row; this one is not */
} lw_flow_netlist_reason;

typedef struct lw_flow_stats {
  double read_seconds, abc_seconds, rewrite_seconds, map_seconds,
      verify_seconds, total_seconds;
  uint32_t min_row;
  uint32_t mapped_gates; /* gates ABC's netlist holds */
  uint32_t merges;       /* composite gates made by rewrite/ */
  uint32_t copies;       /* COPY gates inserted */
  double mapped_toggle;  /* sum of gate rates before rewrite/ */
  /* lw_flow_map: the netlist kept, and why when not the flow's own */
  lw_flow_netlist netlist;
  lw_flow_netlist_reason netlist_reason;
  /* lw_flow_map of a low-wear flow: SIMPLER's latency at the row (its
   * netlist under the simpler flow's rules), 0 when SIMPLER does not fit
   * the row or was not weighed; the programs whose latency is at most it
   * are preferred. latency_unmatched: no candidate's program matched it. */
  uint32_t simpler_latency;
  int latency_unmatched;
  /* the ABC script alternative whose netlist was kept (0-based), of how
   * many (1: a script without alternatives; 0: no synthesis) */
  int abc_alternative, abc_alternatives;
  /* with params->recompute (lw_flow_map): recomputed = 1 when the program
   * comes from a netlist with recomputed gates (recompute_copies of them);
   * the plain program's latency at the plain minimum row (stats->min_row)
   * and the smallest row recomputation reached within the budget */
  int recomputed;
  uint32_t recompute_copies, plain_latency, recompute_row;
  /* with params.exact: how the search ended, the row of the best order it
   * found (the heuristic's when none better), the proven lower bound on
   * the row (= exact_row when optimal), the heuristic's row and the
   * search's seconds */
  lw_exact_status exact_status;
  uint32_t exact_row, exact_bound, heuristic_row;
  double exact_seconds;
} lw_flow_stats;

#define LW_FLOW_DEFAULT_LATENCY_BUDGET 1.5

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
