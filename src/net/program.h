/* A program for one crossbar row (docs/program.md, "lowwear-program/1"): the
 * data that map/ produces, io/ reads and writes, and sim/ executes. */
#ifndef LW_NET_PROGRAM_H
#define LW_NET_PROGRAM_H

#include <stdint.h>

#include "base/vec.h"
#include "net/gate.h"

#define LW_PROGRAM_FORMAT "lowwear-program/1"
#define LW_OP_INIT 255 /* lw_op.type of an initialisation cycle */

typedef struct lw_op {
  uint8_t type;  /* lw_gate_type, or LW_OP_INIT */
  uint8_t value; /* INIT: the value written */
  uint8_t nin;   /* gate: operands listed in "in" */
  uint32_t in[LW_GATE_MAX_FANIN];
  uint32_t out;    /* gate: output cell; INIT: offset into init_cells */
  uint32_t ncells; /* INIT: number of cells */
} lw_op;
LW_VEC_DEFINE(lw_ops, lw_op);

typedef struct lw_pin {
  char *name;
  uint32_t cell;
} lw_pin;
LW_VEC_DEFINE(lw_pins, lw_pin);

/* Recomputable from the program alone (docs/program.md "Metrics"). */
typedef struct lw_metrics {
  uint32_t latency, gate_cycles, init_cycles, reinit_cells, cells_used;
  double toggle_estimate;
  uint32_t gates[LW_GATE_COUNT]; /* executed gates by type */
} lw_metrics;

/* How the program was made (docs/program.md "Provenance"): the lowwear
 * version and the options that shape the result, enough to make it again;
 * nothing that differs between two runs of one command (paths, times, host).
 * lowwear == NULL: none recorded (a program read from an older file, or
 * made by map/ directly); strings are owned. */
typedef struct lw_provenance {
  char *lowwear;          /* version (CMakeLists.txt project VERSION) */
  char *flow;             /* as requested (--flow) */
  uint32_t row_requested; /* --row; 0 = the minimum row */
  uint32_t row_used;      /* the program's row_size */
  uint32_t min_row;       /* the flow's minimum row for this circuit */
  char *gates;            /* library requested: nor | paper | wide */
  int max_inputs;         /* widest NOR/OR with wide gates */
  char *cost;             /* genlib areas: simpler | toggle | equal | wear */
  char *synth;            /* abc | none */
  char *abc_script;       /* the script that made the kept netlist, with
                             the flow's default filled in; NULL: no ABC */
  int abc_alternative;    /* the alternative kept, 1-based; 0: no ABC */
  int abc_alternatives;   /* of how many */
  char *netlist_gates;    /* library of the kept netlist (lowwear-wide may
                             keep the paper's) */
  char *reinit;           /* policy in effect: batch | demand */
  int paper_rules, wear_aware, prob_reinit;
  double latency_slack;
  int verified, cec; /* simulated (and proved by ABC cec) before writing */
  uint32_t vectors;  /* random vectors when not exhaustive */
  uint64_t seed;
  uint32_t variant, variants; /* --rotate: variant k (0-based) of R; 0 0 */
} lw_provenance;

void lw_provenance_free(lw_provenance *prov);
/* A deep copy of src into dst (dst's old contents are not freed). */
void lw_provenance_copy(lw_provenance *dst, const lw_provenance *src);

typedef struct lw_program {
  char *circuit, *flow;
  lw_provenance prov;
  uint32_t row_size;
  lw_pins inputs, outputs;
  lw_ops setup, cycles;
  lw_u32s init_cells; /* cells of every INIT, referenced by lw_op.out */
  lw_metrics metrics;
} lw_program;

lw_program *lw_program_new(const char *circuit, const char *flow,
                           uint32_t row_size);
void lw_program_free(lw_program *prog);

void lw_program_add_input(lw_program *prog, const char *name, uint32_t cell);
void lw_program_add_output(lw_program *prog, const char *name, uint32_t cell);
/* Append an INIT of `value` over cells[0..n) to setup (in_setup) or cycles. */
void lw_program_add_init(lw_program *prog, int in_setup, int value,
                         const uint32_t *cells, uint32_t n);
/* Append a gate; in[] are the program operands (without the overwritten
 * one), out its output cell. */
void lw_program_add_gate(lw_program *prog, lw_gate_type type,
                         const uint32_t *in, uint32_t nin, uint32_t out);

#define lw_op_cells(prog, op) ((prog)->init_cells.data + (op)->out)

/* Fill prog->metrics from the program alone. */
void lw_program_compute_metrics(lw_program *prog);

#endif
