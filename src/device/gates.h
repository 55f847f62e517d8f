/* The gates the device check knows: one row each, as data. A row gives the
 * number of input devices, the rule (NOR-like: the output ends 1 only when
 * every input is 0; OR-like: 1 when any input is 1) and the output's
 * initial value (0, 1, or HOLD: the output device is the operand y and the
 * result is rule(inputs) OR y). A wide gate is one more row. */
#ifndef LW_DEVICE_GATES_H
#define LW_DEVICE_GATES_H

#include <stdint.h>

#include "device/bias.h"
#include "device/pmr.h"

typedef enum lw_dgate_rule { LW_DRULE_NOR, LW_DRULE_OR } lw_dgate_rule;

/* Which group a gate belongs to, for --gate paper|wide|all. */
typedef enum lw_dgate_group { LW_DGROUP_PAPER, LW_DGROUP_WIDE } lw_dgate_group;

#define LW_DINIT_HOLD (-1)

/* DGATE(name, inputs, rule, init, group)
 *   inputs  input devices, y excluded
 *   init    0, 1 or LW_DINIT_HOLD */
#define LW_DEVICE_GATES(DGATE)                                                 \
  DGATE("NOT", 1, LW_DRULE_NOR, 0, LW_DGROUP_PAPER)                            \
  DGATE("COPY", 1, LW_DRULE_OR, 0, LW_DGROUP_PAPER)                            \
  DGATE("IMP", 1, LW_DRULE_NOR, LW_DINIT_HOLD, LW_DGROUP_PAPER)                \
  DGATE("NOR", 2, LW_DRULE_NOR, 0, LW_DGROUP_PAPER)                            \
  DGATE("OR", 2, LW_DRULE_OR, 1, LW_DGROUP_PAPER)                              \
  DGATE("ONOR", 2, LW_DRULE_NOR, LW_DINIT_HOLD, LW_DGROUP_PAPER)               \
  DGATE("COPYr", 1, LW_DRULE_OR, 1, LW_DGROUP_PAPER)                           \
  DGATE("NOR3", 3, LW_DRULE_NOR, 0, LW_DGROUP_WIDE)                            \
  DGATE("NOR4", 4, LW_DRULE_NOR, 0, LW_DGROUP_WIDE)                            \
  DGATE("OR3", 3, LW_DRULE_OR, 1, LW_DGROUP_WIDE)                              \
  DGATE("OR4", 4, LW_DRULE_OR, 1, LW_DGROUP_WIDE)                              \
  DGATE("ONOR3", 3, LW_DRULE_NOR, LW_DINIT_HOLD, LW_DGROUP_WIDE)

typedef struct lw_dgate {
  const char *name;
  int inputs;
  lw_dgate_rule rule;
  int init;
  lw_dgate_group group;
} lw_dgate;

int lw_dgate_count(void);
const lw_dgate *lw_dgate_at(int index);
/* By name, ignoring case; NULL when unknown. */
const lw_dgate *lw_dgate_find(const char *name);
/* Devices in the circuit (inputs, then the output). */
int lw_dgate_devices(const lw_dgate *g);
/* Operand bits of a case: inputs, then y for HOLD gates. */
int lw_dgate_operands(const lw_dgate *g);
/* Case `bits` (operand 0 is the most significant bit): initial logic of
 * every device, and the output the truth table demands. */
void lw_dgate_case(const lw_dgate *g, uint32_t bits, int *initial,
                   int *expected);

/* The circuit of one case: every device's line pulses from 0 to its bias
 * voltage with the table's edges; RS to the return node. */
void lw_dgate_circuit(const lw_dgate *g, const lw_bias *bias,
                      const lw_bias_row *row, const lw_rram *model,
                      double pulse_s, uint32_t bits, lw_pmr *c);

#endif
