#include "net/gate.h"

#include <string.h>

const lw_gate_info lw_gate_table[LW_GATE_COUNT] = {
#define GATE(id, op, genlib, fn, arity, init, over, rate, lib)                 \
  {op, genlib, fn, arity, init, over, rate, lib},
    LW_GATES(GATE)
#undef GATE
};

lw_gate_type lw_gate_find_op(const char *op, int nin) {
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_is_stateful(t) && !strcmp(lw_gate_table[t].op, op) &&
        lw_gate_program_inputs(t) == nin)
      return t;
  return LW_GATE_COUNT;
}

lw_gate_type lw_gate_find_genlib(const char *name) {
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_table[t].genlib[0] && !strcmp(lw_gate_table[t].genlib, name))
      return t;
  return LW_GATE_COUNT;
}

uint64_t lw_gate_eval(lw_gate_type t, const uint64_t *in, uint32_t n) {
  uint64_t acc;
  switch (lw_gate_table[t].fn) {
  case LW_FN_CONST0:
    return 0;
  case LW_FN_CONST1:
    return ~(uint64_t)0;
  case LW_FN_PI:
  case LW_FN_BUF:
    return in[0];
  case LW_FN_NOT:
    return ~in[0];
  case LW_FN_AND:
    acc = ~(uint64_t)0;
    for (uint32_t i = 0; i < n; i++)
      acc &= in[i];
    return acc;
  case LW_FN_OR:
  case LW_FN_NOR:
    acc = 0;
    for (uint32_t i = 0; i < n; i++)
      acc |= in[i];
    return lw_gate_table[t].fn == LW_FN_NOR ? ~acc : acc;
  case LW_FN_IMP:
    return ~in[0] | in[1];
  case LW_FN_ONOR:
    acc = 0;
    for (uint32_t i = 0; i + 1 < n; i++)
      acc |= in[i];
    return ~acc | in[n - 1];
  }
  return 0;
}
