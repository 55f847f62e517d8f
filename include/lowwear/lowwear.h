/* lowwear: combinational circuits to low-wear stateful-logic programs for one
 * memristor-crossbar row. The public API: opaque handles, one entry point per
 * stage, their params and stats. cli/ includes nothing but this. */
#ifndef LOWWEAR_H
#define LOWWEAR_H

#include <stdint.h>

#include "lowwear/status.h"
#include "lowwear/version.h"

typedef struct lw_net lw_net;
typedef struct lw_program lw_program;

/* ---- process ------------------------------------------------------------ */

/* Make SIGINT, SIGTERM and SIGHUP remove the scratch folders and temporary
 * files this process has open before it dies of the signal (a signal that
 * is ignored stays ignored). Call once, early, in a program's main. */
void lw_scratch_on_signals(void);
/* mkdir -p: create path and every missing folder above it (src/base/fs.c).
 * A folder already there is fine; a file in the way, or a folder that
 * cannot be made, is LW_ERR_IO naming that part of the path. */
lw_status lw_fs_mkdirs(const char *path, lw_error *err);

/* ---- io: circuits and programs ------------------------------------------ */

/* Read a combinational circuit. By extension: .blif read natively (.names
 * and .gate of the gate table's genlib cells); .aig/.aag/.pla converted by
 * ABC; .v/.sv converted by yosys. abc_path/yosys_path may be NULL (PATH). */
typedef struct lw_read_params {
  const char *abc_path;
  const char *yosys_path;
  double timeout_s; /* per converter run, seconds; 0 = no limit */
  /* Called for each warning (e.g. an ignored .exdc section); may be NULL. */
  void (*warn)(void *ctx, const char *file, int line, const char *msg);
  void *warn_ctx;
  /* blif | aag | aig | pla | v | sv, or NULL: by the extension, or for the
   * path "-" (standard input) by the content */
  const char *input_format;
} lw_read_params;
lw_read_params lw_read_params_default(void);
lw_status lw_io_read_circuit(const char *path, const lw_read_params *params,
                             lw_net **net, lw_error *err);

/* A netlist already mapped to the gate table's cells (ABC write_blif or
 * write_verilog of a mapped network); used by --synth none. */
lw_status lw_io_read_mapped(const char *path, lw_net **net, lw_error *err);

typedef enum lw_program_format {
  LW_FORMAT_JSON,
  LW_FORMAT_TEXT,
  LW_FORMAT_SIMPLER,
} lw_program_format;
/* Write atomically (temporary file + rename); path "-" or NULL = stdout. */
lw_status lw_io_write_program(const lw_program *prog, const char *path,
                              lw_program_format format, lw_error *err);
lw_status lw_io_read_program(const char *path, lw_program **prog,
                             lw_error *err);
void lw_program_free(lw_program *prog);
void lw_net_free(lw_net *net);

/* ---- synth: ABC ---------------------------------------------------------- */

/* How genlib areas are set from the gate table. */
typedef enum lw_cost_model {
  LW_COST_SIMPLER, /* SIMPLER MAGIC's own library: inv1 1, nor2 2 */
  LW_COST_TOGGLE,  /* area = toggle rate */
  LW_COST_EQUAL,   /* area = 1 */
  LW_COST_WEAR,    /* area = toggle rate + 0.5: a gate's fresh cell is
                      re-initialised (0.5 expected flips) once the row is
                      reused; composites, which need no cell, are not
                      offered to ABC */
} lw_cost_model;

typedef enum lw_gate_set {
  LW_GATES_NOR,   /* NOT, NOR2 (SIMPLER MAGIC) */
  LW_GATES_PAPER, /* NOT, NOR2, OR2 */
  LW_GATES_WIDE,  /* paper + NOR3/4, OR3/4 */
} lw_gate_set;

typedef struct lw_synth_params {
  const char *abc_path; /* NULL: berkeley-abc or abc on the PATH */
  double timeout_s;     /* ABC time limit, seconds; 0 = no limit */
  const char *script;   /* NULL: the flow's default script */
  lw_cost_model cost;
  lw_gate_set gates;
  int max_inputs; /* widest NOR/OR offered with LW_GATES_WIDE: 3 or 4 */
  /* logic nodes of the circuit (0: unknown); above LW_SYNTH_LARGE the
   * default low-wear scripts map without structural choices */
  uint32_t size_hint;
} lw_synth_params;

#define LW_SYNTH_LARGE 100000

typedef struct lw_synth_stats {
  double seconds;
  uint32_t gates;
  int alternative, alternatives; /* the one kept (0-based), of how many */
} lw_synth_stats;

/* Most alternatives a script may offer (PREFIX; {A | B | ...}). */
#define LW_SYNTH_MAX_ALTS 8

lw_synth_params lw_synth_params_default(void);
/* Synthesize the circuit (as read: ABC gets it written as BLIF, never the
 * user's file) with ABC into a netlist of library cells: with a script of
 * alternatives, the one of least total area. */
lw_status lw_synth_run(const lw_net *circuit, const lw_synth_params *params,
                       lw_synth_stats *stats, lw_net **mapped, lw_error *err);
/* The same, keeping every alternative's netlist: nets[0..*count) in the
 * script's order (nets holds LW_SYNTH_MAX_ALTS); stats->alternative is the
 * one lw_synth_run would keep. */
lw_status lw_synth_run_all(const lw_net *circuit, const lw_synth_params *params,
                           lw_synth_stats *stats, lw_net **nets, int *count,
                           lw_error *err);
/* The script used when params->script is NULL. A script is ABC commands
 * separated by ';', optionally ending with alternatives in braces,
 * PREFIX; {A | B | ...}: each alternative runs from the state after PREFIX
 * and the netlist of least total area under the cost model is kept. */
const char *lw_synth_default_script(const lw_synth_params *params);
/* Number of alternatives of a script (1 without braces), -1 if malformed. */
int lw_synth_alternatives(const char *script);
/* The ABC executable to use (params path, or found on the PATH); NULL with
 * an error when there is none. */
const char *lw_synth_find_abc(const char *abc_path, lw_error *err);

/* ---- sim: verification and measured wear ----------------------------------
 */

typedef struct lw_verify_params {
  uint32_t random_vectors; /* when not exhaustive; at least 4096 */
  uint32_t exhaustive_max; /* exhaustive up to this many inputs (16) */
  uint64_t seed;
  int cec; /* also prove with ABC cec */
  const char *abc_path;
  double timeout_s; /* each cec race, seconds; 0 = no limit */
  int allow_input_overwrite;
} lw_verify_params;

typedef struct lw_verify_report {
  int ok;              /* every check passed */
  int exhaustive;      /* all 2^n input vectors were simulated */
  uint64_t vectors;    /* vectors simulated */
  int cec_ran, cec_ok; /* ABC cec result */
  uint32_t nerrors;
  char first_error[512];
  uint32_t ncells;             /* length of the per-cell arrays */
  double flips_per_run;        /* measured flips per run (cycles only), mean */
  double steady_flips_per_run; /* plus the next run's setup */
  double *cell_flips;          /* per cell, per run, steady state */
  double hottest_cell_flips;
  uint32_t hottest_cell;
  double mean_cell_flips; /* over the work cells (all but input cells) */
  double seconds;
} lw_verify_report;

lw_verify_params lw_verify_params_default(void);
/* Simulate prog against circuit and (params->cec) prove it with ABC cec,
 * which reads the circuit netlist written out as BLIF. */
lw_status lw_sim_verify(const lw_net *circuit, const lw_program *prog,
                        const lw_verify_params *params,
                        lw_verify_report *report, lw_error *err);
void lw_verify_report_free(lw_verify_report *report);
/* The report as a JSON object text (caller frees with free()). */
char *lw_verify_report_json(const lw_verify_report *report,
                            const lw_program *prog);

/* ---- flows: synth -> rewrite -> map ---------------------------------------
 */

typedef enum lw_flow_id {
  LW_FLOW_SIMPLER,
  LW_FLOW_LOSSS,
  LW_FLOW_LOWWEAR,
  LW_FLOW_LOWWEAR_WIDE, /* lowwear with wide gates (beyond the paper) */
} lw_flow_id;

typedef struct lw_flow_job lw_flow_job;

typedef enum lw_reinit {
  LW_REINIT_FLOW_DEFAULT, /* the flow's own choice */
  LW_REINIT_BATCH,        /* every dead cell at once (SIMPLER MAGIC) */
  LW_REINIT_ON_DEMAND,    /* only as many as the coming demand needs */
} lw_reinit;

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
} lw_flow_params;

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
} lw_flow_stats;

lw_flow_params lw_flow_params_default(lw_flow_id flow);
/* flow names: "simpler", "losss", "lowwear", "lowwear-wide"; -1 if
 * unknown */
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

/* Program summary accessors for reports. */
uint32_t lw_program_row_size(const lw_program *prog);
uint32_t lw_program_latency(const lw_program *prog);
uint32_t lw_program_init_cycles(const lw_program *prog);
uint32_t lw_program_gate_cycles(const lw_program *prog);
double lw_program_toggle_estimate(const lw_program *prog);

#endif
