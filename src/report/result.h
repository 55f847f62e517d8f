/* The results of the bench protocol on one circuit: what a worker measures,
 * what OUT/circuits/NAME.json holds (bench/store.c), and what every report
 * is written from. Flows are indexed by lw_flow_id; reports list them in
 * LW_BENCH_ORDER. */
#ifndef LW_REPORT_RESULT_H
#define LW_REPORT_RESULT_H

#include <stdint.h>

#include "base/vec.h"
#include "lowwear/lowwear.h"
#include "net/gate.h"

#define LW_BENCH_FORMAT "lowwear-bench-circuit/1"
/* Flows a circuit's results may hold (lw_flow_id 0 .. NFLOWS-1), and the
 * first NPAPER of LW_BENCH_ORDER: the paper's three, whose minimum rows
 * choose the row. The wide flow (beyond the paper) maps at that row too;
 * its minimum is at most lowwear's, so it always fits. */
#define LW_BENCH_NFLOWS 4
#define LW_BENCH_NPAPER 3

/* The paper's order: the proposed flow first, the baseline last; then the
 * flow beyond the paper, so the paper's columns keep their places. */
static const lw_flow_id LW_BENCH_ORDER[LW_BENCH_NFLOWS] = {
    LW_FLOW_LOWWEAR, LW_FLOW_LOSSS, LW_FLOW_SIMPLER, LW_FLOW_LOWWEAR_WIDE};

/* Which netlist a best-of flow's program came from (lw_flow_stats'
 * netlist and netlist_reason; SIMPLER's netlist counts as the flow's own). */
typedef enum lw_bench_netlist {
  LW_NETLIST_OWN,          /* the flow's own (wide) netlist */
  LW_NETLIST_PAPER_ROW,    /* paper gates: the wide one did not fit */
  LW_NETLIST_PAPER_TOGGLE, /* paper gates: lower toggle at this row */
} lw_bench_netlist;

typedef enum lw_bench_status {
  LW_BENCH_OK,         /* every flow ran and verified */
  LW_BENCH_UNVERIFIED, /* a program failed verification */
  LW_BENCH_FAILED,     /* a flow or the worker failed */
} lw_bench_status;

typedef struct lw_bench_flow {
  int included;     /* the flow is part of this circuit's run */
  int ran;          /* a program exists at the chosen row */
  uint32_t min_row; /* 0 when the minimum-row run failed */
  uint32_t row_size, latency, gate_cycles, init_cycles;
  uint32_t gates[LW_GATE_COUNT]; /* executed gates by type */
  double toggle_estimate;        /* sum of gate toggle rates (the paper's) */
  double measured_flips;         /* per run, simulated (cycles only) */
  double steady_flips;           /* per run, with the next run's setup */
  double hottest_cell_flips;     /* per run, the most-flipped cell */
  double mean_cell_flips;        /* per run, over the work cells */
  int verified;
  uint64_t vectors; /* verification vectors simulated */
  int exhaustive;
  lw_bench_netlist netlist; /* best-of flows only (lowwear-wide) */
  /* bench --exact (lowwear only): the SAT search at the minimum row; off
   * otherwise. exact_row: the row of the best order found; exact_bound:
   * proven lower bound */
  lw_exact_status exact_status;
  uint32_t exact_row, exact_bound;
  double seconds;        /* flow runs: minimum row and chosen row */
  double verify_seconds; /* lw_sim_verify */
  /* bench --device (docs/device.md 10): the verified program on the row of
   * devices; device_ran 0 when the run had no --device */
  int device_ran, device_pass; /* every vector read right */
  double device_energy_j;      /* per evaluation */
  double device_init_share;    /* of it in INIT pulses, 0..1 */
  double device_least_margin_nm;
  double device_seconds;
  char error[512]; /* empty unless this flow failed */
} lw_bench_flow;

typedef struct lw_bench_circuit {
  char name[128];
  char suite[32]; /* "epfl", "lgsynth91" or "other" */
  char path[1024];
  uint32_t index; /* position in the whole selection, before sharding */
  lw_bench_status status;
  char error[512]; /* a failure outside the flows (worker, reading) */
  uint32_t chosen_row;
  double seconds;    /* the worker's wall time for the circuit, all flows */
  char options[256]; /* flow options the results depend on */
  lw_bench_flow flows[LW_BENCH_NFLOWS]; /* by lw_flow_id */
} lw_bench_circuit;
LW_VEC_DEFINE(lw_bench_circuits, lw_bench_circuit);

const char *lw_bench_status_name(lw_bench_status status);
/* Whether flow id takes part in a run with these params (the wide flow
 * unless --no-wide). */
int lw_bench_flow_selected(int wide, lw_flow_id id);
/* Whether any circuit of cs includes flow id: reports show a flow's rows,
 * columns and bars only then. */
int lw_bench_any_included(const lw_bench_circuits *cs, lw_flow_id id);
/* "wide", "paper" for a best-of flow's program; "" otherwise. */
const char *lw_bench_netlist_name(const lw_bench_flow *f, lw_flow_id id);
/* Whether flow id picks the better of two netlists (lowwear-wide), so that
 * its results say which one its program came from. */
int lw_bench_best_of(lw_flow_id id);

#endif
