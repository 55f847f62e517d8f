/* The gate library as data. One row per gate; everything else (the enum,
 * the property table, program op names, the genlib writer, the simulator)
 * is generated from or dispatches on this table. A new gate is a new row.
 *
 * GATE(ID, op, genlib, fn, arity, init, over, rate, lib)
 *   op      name in programs (docs/program.md); wide forms share it, the
 * operand count tells them apart genlib  cell name in the genlib handed to ABC
 * and in ABC's netlists fn      evaluation rule (lw_fn) arity   fanins in the
 * netlist, the overwritten operand included; 0 = any number (circuit-level
 * AND/OR from SOP covers) init    value the output cell must hold before the
 * gate (-1: none) over    fanin index whose cell the gate overwrites (-1: fresh
 * cell) rate    toggle rate: probability that the output cell flips with all
 *           inputs equally likely (docs/method.md section 2)
 *   lib     which library offers it (lw_lib)
 * ORDER: the genlib lists offered stateful cells in table order, then one,
 * zero, buf: the order of SIMPLER MAGIC's own library (ABC's mapper breaks
 * ties by library order, so this keeps the simpler flow exact).
 */
#ifndef LW_NET_GATE_H
#define LW_NET_GATE_H

#include <stdint.h>

typedef enum lw_fn {
  LW_FN_PI, /* primary input */
  LW_FN_CONST0,
  LW_FN_CONST1,
  LW_FN_BUF,  /* x0 */
  LW_FN_NOT,  /* !x0 */
  LW_FN_AND,  /* x0 & x1 & ... */
  LW_FN_OR,   /* x0 | x1 | ... */
  LW_FN_NOR,  /* !(x0 | x1 | ...) */
  LW_FN_IMP,  /* !x0 | y, y = last fanin */
  LW_FN_ONOR, /* !(x0 | ... | x(n-2)) | y, y = last fanin */
} lw_fn;

typedef enum lw_lib {
  LW_LIB_STRUCT,  /* inputs and constants */
  LW_LIB_CIRCUIT, /* only in circuits as read, never in a program */
  LW_LIB_PAPER,   /* the six gates of the paper */
  LW_LIB_WIDE,    /* wide PMR gates, beyond the paper */
} lw_lib;

#define LW_GATES(GATE)                                                         \
  GATE(PI, "PI", "", LW_FN_PI, 0, -1, -1, 0.0, LW_LIB_STRUCT)                  \
  GATE(CONST1, "CONST1", "one", LW_FN_CONST1, 0, -1, -1, 0.0, LW_LIB_STRUCT)   \
  GATE(CONST0, "CONST0", "zero", LW_FN_CONST0, 0, -1, -1, 0.0, LW_LIB_STRUCT)  \
  GATE(BUF, "BUF", "buf", LW_FN_BUF, 1, -1, -1, 0.0, LW_LIB_CIRCUIT)           \
  GATE(AND, "AND", "", LW_FN_AND, 0, -1, -1, 0.0, LW_LIB_CIRCUIT)              \
  GATE(ORN, "ORN", "", LW_FN_OR, 0, -1, -1, 0.0, LW_LIB_CIRCUIT)               \
  GATE(NOT, "NOT", "inv1", LW_FN_NOT, 1, 0, -1, 0.5, LW_LIB_PAPER)             \
  GATE(COPY, "COPY", "copy", LW_FN_BUF, 1, 0, -1, 0.5, LW_LIB_PAPER)           \
  GATE(NOR2, "NOR", "nor2", LW_FN_NOR, 2, 0, -1, 0.25, LW_LIB_PAPER)           \
  GATE(OR2, "OR", "or2", LW_FN_OR, 2, 1, -1, 0.25, LW_LIB_PAPER)               \
  GATE(IMP, "IMP", "imp", LW_FN_IMP, 2, -1, 1, 0.25, LW_LIB_PAPER)             \
  GATE(ONOR2, "ONOR", "onor2", LW_FN_ONOR, 3, -1, 2, 0.125, LW_LIB_PAPER)      \
  GATE(NOR3, "NOR", "nor3", LW_FN_NOR, 3, 0, -1, 0.125, LW_LIB_WIDE)           \
  GATE(NOR4, "NOR", "nor4", LW_FN_NOR, 4, 0, -1, 0.0625, LW_LIB_WIDE)          \
  GATE(OR3, "OR", "or3", LW_FN_OR, 3, 1, -1, 0.125, LW_LIB_WIDE)               \
  GATE(OR4, "OR", "or4", LW_FN_OR, 4, 1, -1, 0.0625, LW_LIB_WIDE)              \
  GATE(ONOR3, "ONOR", "onor3", LW_FN_ONOR, 4, -1, 3, 0.0625, LW_LIB_WIDE)

typedef enum lw_gate_type {
#define GATE(id, op, genlib, fn, arity, init, over, rate, lib) LW_GATE_##id,
  LW_GATES(GATE)
#undef GATE
      LW_GATE_COUNT
} lw_gate_type;

typedef struct lw_gate_info {
  const char *op;
  const char *genlib;
  lw_fn fn;
  int arity;
  int init;
  int over;
  double rate;
  lw_lib lib;
} lw_gate_info;

extern const lw_gate_info lw_gate_table[LW_GATE_COUNT];

#define lw_gate(type) (&lw_gate_table[(type)])

/* Widest stateful gate in the table (fanins, overwritten operand included). */
#define LW_GATE_MAX_FANIN 4

/* A stateful gate: one that may stand in a program. */
static inline int lw_gate_is_stateful(lw_gate_type t) {
  return lw_gate_table[t].lib >= LW_LIB_PAPER;
}
/* Operands written in a program's "in" list (the overwritten one is "out"). */
static inline int lw_gate_program_inputs(lw_gate_type t) {
  return lw_gate_table[t].arity - (lw_gate_table[t].over >= 0);
}

/* The stateful gate with this program op name and "in" length; LW_GATE_COUNT
 * if none. */
lw_gate_type lw_gate_find_op(const char *op, int nin);
/* The gate with this genlib cell name; LW_GATE_COUNT if none. */
lw_gate_type lw_gate_find_genlib(const char *name);

/* Evaluate one gate on 64 lanes. `in` holds the fanin words in fanin order. */
uint64_t lw_gate_eval(lw_gate_type t, const uint64_t *in, uint32_t n);

#endif
