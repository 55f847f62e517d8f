#include "synth/genlib.h"

#include "base/str.h"

#include <stdio.h>

int lw_genlib_offers(lw_gate_set set, int max_inputs, lw_gate_type t) {
  const lw_gate_info *g = lw_gate(t);
  if (g->lib == LW_LIB_STRUCT || t == LW_GATE_BUF)
    return g->genlib[0] != 0; /* one, zero, buf: always offered */
  /* composite gates and COPY are never offered: ABC would put them on
   * primary inputs and shared values, which may not be overwritten
   * (docs/method.md section 3, what a prototype taught) */
  if (!lw_gate_is_stateful(t) || g->over >= 0 || g->fn == LW_FN_BUF)
    return 0;
  switch (set) {
  case LW_GATES_NOR:
    return g->fn == LW_FN_NOT || (g->fn == LW_FN_NOR && g->arity == 2);
  case LW_GATES_PAPER:
    return g->lib == LW_LIB_PAPER;
  case LW_GATES_WIDE:
    return !max_inputs || g->arity <= max_inputs;
  }
  return 0;
}

double lw_genlib_net_area(const lw_net *net, lw_cost_model cost) {
  double area = 0;
  lw_net_foreach_node (net, id) {
    lw_gate_type t = lw_net_type(net, id);
    if (lw_gate(t)->fn != LW_FN_PI)
      area += lw_genlib_area(cost, t);
  }
  return area;
}

double lw_genlib_area(lw_cost_model cost, lw_gate_type t) {
  const lw_gate_info *g = lw_gate(t);
  if (g->fn == LW_FN_CONST0 || g->fn == LW_FN_CONST1)
    return 0;
  switch (cost) {
  case LW_COST_SIMPLER: /* SIMPLER MAGIC's library: inv1 1, nor2 2, buf 1 */
    return g->arity;
  case LW_COST_TOGGLE: /* a buffer becomes a COPY (or a shared cell) */
    return t == LW_GATE_BUF ? lw_gate(LW_GATE_COPY)->rate : g->rate;
  case LW_COST_EQUAL:
    return 1;
  case LW_COST_WEAR:
    return (t == LW_GATE_BUF ? lw_gate(LW_GATE_COPY)->rate : g->rate) + 0.5;
  }
  return 1;
}

/* Boolean expression of gate t over pins a, b, c, d. */
static void expression(lw_gate_type t, char *buf, size_t n) {
  const lw_gate_info *g = lw_gate(t);
  char sum[16] = "";
  for (int k = 0, len = 0; k < g->arity; k++) {
    if (k)
      sum[len++] = '+';
    sum[len++] = (char)('a' + k); /* pins a, b, c, d: fanins 0..3 */
    sum[len] = 0;
  }
  switch (g->fn) {
  case LW_FN_CONST0:
    snprintf(buf, n, "CONST0");
    break;
  case LW_FN_CONST1:
    snprintf(buf, n, "CONST1");
    break;
  case LW_FN_NOT:
    snprintf(buf, n, "!a");
    break;
  case LW_FN_NOR:
    snprintf(buf, n, "!(%s)", sum);
    break;
  default: /* BUF, OR */
    snprintf(buf, n, "%s", sum);
    break;
  }
}

/* Delays keep SIMPLER MAGIC's pins (inv1 0.9/0.3, nor2 1.4/0.5, buf 1.0/0);
 * wider gates are 0.5 slower per extra input, as in a CMOS stack. */
static void pin_line(lw_gate_type t, lw_chars *out) {
  const lw_gate_info *g = lw_gate(t);
  double delay = 1.0, fanout = 0.0;
  const char *phase = "NONINV";
  if (g->fn == LW_FN_NOT) {
    delay = 0.9;
    fanout = 0.3;
  } else if (g->fn != LW_FN_BUF) {
    delay = 1.4 + 0.5 * (g->arity - 2);
    fanout = 0.5;
  }
  if (g->fn == LW_FN_NOT || g->fn == LW_FN_NOR)
    phase = "INV";
  lw_chars_printf(out, " PIN * %s 1 999 %.1f %.1f %.1f %.1f", phase, delay,
                  fanout, delay, fanout);
}

void lw_genlib_write(lw_gate_set set, int max_inputs, lw_cost_model cost,
                     lw_chars *out) {
  /* ORDER (see net/gate.h): stateful cells first, then one, zero, buf. */
  for (int pass = 0; pass < 2; pass++) {
    for (int t = 0; t < LW_GATE_COUNT; t++) {
      if (lw_gate_is_stateful(t) != (pass == 0) ||
          !lw_genlib_offers(set, max_inputs, t))
        continue;
      char expr[64];
      expression(t, expr, sizeof expr);
      lw_chars_printf(out, "GATE %s %g O=%s;", lw_gate(t)->genlib,
                      lw_genlib_area(cost, t), expr);
      if (lw_gate(t)->arity > 0)
        pin_line(t, out);
      lw_chars_printf(out, "\n");
    }
  }
}
