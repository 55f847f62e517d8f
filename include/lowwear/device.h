/* lowwear device: the device-level check of the stateful gates (docs/method.md
 * section 8, docs/device.md). Each gate's PMR circuit is simulated with the
 * Stanford/PKU RRAM model for every input case; the bias comes from a table
 * (built-in "recommended" or "paper", or a file). */
#ifndef LOWWEAR_DEVICE_H
#define LOWWEAR_DEVICE_H

#include <stdint.h>
#include <stdio.h>

#include "lowwear/status.h"

#define LW_DEVICE_MAX_DEVICES 8

typedef struct lw_device_params {
  const char *bias;      /* "recommended", "paper" or a bias file */
  const char *gate;      /* NULL or "paper": NOT COPY IMP NOR OR ONOR COPYr;
                            "wide": NOR3 NOR4 OR3 OR4 ONOR3; "all"; or a name */
  double pulse_s;        /* flat-top width; 0 = the bias table's */
  int fmin;              /* F_min gate on (default 1) */
  int heat;              /* self-heating on (default 1) */
  const char *trace_dir; /* NULL, or write CSV + SVG per case there */
} lw_device_params;

lw_device_params lw_device_params_default(void);

typedef struct lw_device_case {
  const char *gate;                       /* static name */
  char inputs[LW_DEVICE_MAX_DEVICES + 1]; /* operand bits, e.g. "01" */
  uint32_t ndevices;                      /* inputs first, output last */
  double initial_gap_nm[LW_DEVICE_MAX_DEVICES];
  double final_gap_nm[LW_DEVICE_MAX_DEVICES];
  int output, expected, inputs_kept, pass;
  int switching;     /* the truth table wants the output to change */
  double t_switch_s; /* output crossing the read gap; < 0 when none */
  double max_input_drift_nm;
  double energy_j;
  double peak_temp_k;
  /* static margins (V) at full amplitude before any motion: how far the
   * output is past (switch case) or short of (hold case) its threshold,
   * and the smallest input disturb margin, taken over the initial and the
   * final gaps; only defined with the F_min gate on (without it there is
   * no threshold) */
  double output_margin_v, input_margin_v;
  int has_output_margin, has_input_margin;
} lw_device_case;

typedef struct lw_device_report {
  char bias[64];
  double pulse_s;
  int fmin, heat;
  int all_pass;
  uint32_t ncases;
  lw_device_case *cases;
  double seconds; /* simulation wall time */
} lw_device_report;

/* Simulate every case of the selected gates. A failing case is a result,
 * not an error: see report->all_pass. */
lw_status lw_device_check(const lw_device_params *params,
                          lw_device_report *report, lw_error *err);
void lw_device_report_free(lw_device_report *report);
/* The report as JSON text (caller frees with free()). */
char *lw_device_report_json(const lw_device_report *report);
/* The report as text: the cases' table, then (with F_min) the smallest
 * static margins of each gate. */
void lw_device_report_print(FILE *out, const lw_device_report *report);

/* Pass/fail map of one gate over its output and input line voltages,
 * written as dir/window_<GATE>.csv and .svg. Ranges are centred on the
 * bias table's values. */
typedef struct lw_device_window_stats {
  uint32_t points, passing;
  uint32_t robust; /* passing with every static margin >= 0 */
  double seconds;
} lw_device_window_stats;
lw_status lw_device_window(const lw_device_params *params, const char *dir,
                           lw_device_window_stats *stats, lw_error *err);
/* The window's summary line ("lowwear: window of GATE: ..."). */
void lw_device_window_print(FILE *out, const char *gate,
                            const lw_device_window_stats *stats);

/* One ngspice deck per case of the report, written to dir; when ngspice
 * is found (ngspice_path or the PATH) each deck is run and its final gaps
 * compared with the report's. */
typedef struct lw_device_spice_stats {
  uint32_t decks;
  int ran;                   /* ngspice was found and run */
  uint32_t runs_ok;          /* decks that ngspice finished */
  double max_gap_diff_nm;    /* largest final-gap difference */
  uint32_t logic_mismatches; /* cases whose logic outcome differs */
  double seconds;
} lw_device_spice_stats;
lw_status lw_device_spice(const lw_device_params *params,
                          const lw_device_report *report, const char *dir,
                          const char *ngspice_path,
                          lw_device_spice_stats *stats, lw_error *err);
/* The decks' summary line ("lowwear: ngspice: ..." or not found). */
void lw_device_spice_print(FILE *out, const lw_device_spice_stats *stats,
                           const char *dir);

/* ---- a whole program on the device (docs/device.md section 10) ----------
 * The row as devices: every cell a device with its own gap, every cycle of
 * the program its gate's PMR circuit over the operand and output cells as
 * they actually are (INIT cycles: the bias table's set/reset pulse on each
 * listed cell), for a set of input vectors run back to back on one row.
 * Outputs are read by their gap against the read threshold and checked
 * against the circuit simulated at logic level. */
struct lw_net;
struct lw_program;

typedef struct lw_device_program_params {
  const char *bias; /* as lw_device_params */
  double pulse_s;   /* 0 = the bias table's */
  int fmin, heat;
  uint32_t vectors; /* random vectors when the circuit has more than
                       LW_DEVICE_EXHAUSTIVE_MAX inputs (else all of them) */
  uint64_t seed;
  double variation; /* relative sigma of the per-cell parameters; 0 = none */
  uint32_t trials;  /* Monte Carlo rows (0 with variation: 100) */
  double min_pass;  /* > 0: the run passes only when at least this fraction
                       of the Monte Carlo rows is right (--min-pass); 0:
                       the nominal run decides alone */
  const char *spice_dir; /* one ngspice deck of the first vector, or NULL */
  const char *ngspice;   /* its executable (NULL: ngspice on the PATH) */
  /* the trace of one vector (the first failing one, else vector 0) into
   * this folder (program_trace.csv, .svg), or NULL */
  const char *trace_dir;
  /* pitch of the gap grid, m (docs/device.md 10.9): each circuit is
   * integrated from the grid point nearest its gaps and the run is
   * cached; 0 = integrate every circuit from the gaps as they are */
  double gap_grid_m;
} lw_device_program_params;

/* The default gap grid: 1e-5 nm, ten times finer than the margins the
 * reports print. */
#define LW_DEVICE_GAP_GRID_M 1e-14

#define LW_DEVICE_EXHAUSTIVE_MAX 10
#define LW_DEVICE_KIND_NAME 16
#define LW_DEVICE_MAX_KINDS 16

lw_device_program_params lw_device_program_params_default(void);

typedef struct lw_device_vector {
  int pass; /* every output read right */
  uint32_t wrong_outputs;
  uint32_t first_fail; /* first cycle (1-based) after which a cell it
                          touched reads wrong; 0 = none */
  char first_fail_kind[LW_DEVICE_KIND_NAME];
  double energy_j; /* this evaluation, setup included */
} lw_device_vector;

typedef struct lw_device_cell {
  uint32_t writes, reads; /* over all vectors */
  double worst_gap_nm;    /* the gap closest to (or past) the read
                             threshold while the cell held a value */
  int worst_value;        /* the value it should have held then */
  double margin_nm;       /* distance of that gap to the threshold,
                             negative when on the wrong side; large
                             when the cell is never used */
  uint32_t worst_cycle;   /* where (0 = setup or input write) */
  double max_drift_nm;    /* largest drift summed over the reads
                             between two writes (read disturb) */
  uint32_t max_reads;     /* most reads between two writes */
} lw_device_cell;

typedef struct lw_device_kind {
  char name[LW_DEVICE_KIND_NAME]; /* device gate name, INIT0 or INIT1 */
  double cycles;                  /* per evaluation (INIT: cells written) */
  double energy_j;                /* per evaluation */
} lw_device_kind;

typedef struct lw_device_program_report {
  char bias[64];
  double pulse_s;
  uint32_t ninputs, noutputs, ncycles;
  uint32_t nvectors;
  int exhaustive;
  int all_pass;
  uint32_t passing;
  lw_device_vector *vectors;
  uint32_t ncells;
  lw_device_cell *cells;
  uint32_t nkinds;
  lw_device_kind kinds[LW_DEVICE_MAX_KINDS];
  double energy_j;      /* per evaluation */
  double init_energy_j; /* of which INIT pulses (setup and cycles) */
  /* the least margin over the values the program wrote (gate outputs and
   * INIT, after the write and through every read); the input cells,
   * written from outside to their ideal gaps, are kept apart */
  double least_margin_nm;
  uint32_t least_cell, least_cycle;
  double least_input_margin_nm;
  uint32_t least_input_cell;
  uint32_t first_fail; /* earliest failing cycle over the vectors, 0 none */
  char first_fail_kind[LW_DEVICE_KIND_NAME];
  double gap_grid_m;       /* as the params' */
  uint64_t pmr_runs;       /* circuits run (Monte Carlo rows too) */
  uint64_t pmr_integrated; /* of them integrated (the rest: the cache) */
  uint64_t pmr_steps;      /* integrator steps over the integrated ones */
  /* Monte Carlo (variation > 0 or trials > 0) */
  uint32_t trials, trials_pass;
  double variation;
  double min_pass;    /* as the params' */
  double mc_energy_j; /* per evaluation, mean over the trials */
  char mc_first_fail_kind[LW_DEVICE_KIND_NAME]; /* most frequent first
                                                   failing kind, "" none */
  int trace;             /* trace_dir given: the trace is written */
  uint32_t trace_vector; /* the vector traced */
  int spice; /* spice_dir given: the deck is written, see spice_stats */
  lw_device_spice_stats spice_stats;
  double seconds;
} lw_device_program_report;

/* Run prog (checked against net) on the device. A failing vector is a
 * result (report->all_pass); bad programs and name mismatches are errors. */
lw_status lw_device_program(const struct lw_net *net,
                            const struct lw_program *prog,
                            const lw_device_program_params *params,
                            lw_device_program_report *report, lw_error *err);
void lw_device_program_report_free(lw_device_program_report *report);
/* Whether the run passes: every vector of the nominal run and, when
 * min_pass was given, at least that fraction of the Monte Carlo rows.
 * The CLI exits 0 exactly then (else 4). */
int lw_device_program_passed(const lw_device_program_report *report);
char *lw_device_program_report_json(const lw_device_program_report *report);
/* The report as text: failing vectors, cells, energy by kind, margins. */
void lw_device_program_report_print(FILE *out,
                                    const lw_device_program_report *report);
/* The summary line of the program's deck (--program --spice). */
void lw_device_program_spice_print(FILE *out,
                                   const lw_device_spice_stats *stats,
                                   const char *dir);

#endif
