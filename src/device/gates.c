/* The device gate table and the circuit of one truth-table case. */
#include "device/gates.h"

#include <strings.h>

static const lw_dgate table[] = {
#define DGATE(name, inputs, rule, init, group)                                 \
  {name, inputs, rule, init, group},
    LW_DEVICE_GATES(DGATE)
#undef DGATE
};

int lw_dgate_count(void) { return (int)(sizeof table / sizeof *table); }

const lw_dgate *lw_dgate_at(int index) { return &table[index]; }

const lw_dgate *lw_dgate_find(const char *name) {
  for (int i = 0; i < lw_dgate_count(); i++)
    if (!strcasecmp(table[i].name, name))
      return &table[i];
  return NULL;
}

int lw_dgate_devices(const lw_dgate *g) { return g->inputs + 1; }

int lw_dgate_operands(const lw_dgate *g) {
  return g->inputs + (g->init == LW_DINIT_HOLD);
}

void lw_dgate_case(const lw_dgate *g, uint32_t bits, int *initial,
                   int *expected) {
  int k = lw_dgate_operands(g);
  for (int i = 0; i < k; i++)
    initial[i] = (int)(bits >> (k - 1 - i)) & 1;
  if (g->init != LW_DINIT_HOLD)
    initial[g->inputs] = g->init;
  int any = 0;
  for (int i = 0; i < g->inputs; i++)
    any |= initial[i];
  int out = g->rule == LW_DRULE_OR ? any : !any;
  if (g->init == LW_DINIT_HOLD)
    out |= initial[g->inputs];
  *expected = out;
}

void lw_dgate_circuit(const lw_dgate *g, const lw_bias *bias,
                      const lw_bias_row *row, const lw_rram *model,
                      double pulse_s, uint32_t bits, lw_pmr *c) {
  *c = lw_pmr_default();
  c->model = *model;
  c->rs = bias->rs;
  c->ret = (lw_pulse){0, bias->v_return, 0, bias->edge, pulse_s, bias->edge};
  c->t_end = 2 * bias->edge + pulse_s;
  c->n = (uint32_t)lw_dgate_devices(g);
  int logic[LW_PMR_MAX_DEVICES], expected;
  lw_dgate_case(g, bits, logic, &expected);
  for (uint32_t i = 0; i < c->n; i++) {
    int out = i == c->n - 1;
    lw_pmr_device *d = &c->dev[i];
    d->line = (lw_pulse){
        0, out ? row->v_out : row->v_in, 0, bias->edge, pulse_s, bias->edge};
    d->orient = out ? row->out_orient : row->in_orient;
    d->gap = logic[i] ? bias->lrs : bias->hrs;
    /* a fixed output start (COPY's 1.67-1.75 nm window) applies only where
     * the output's value is set by the gate, not where it holds y */
    if (out && g->init != LW_DINIT_HOLD && row->out_gap > 0)
      d->gap = row->out_gap;
  }
}
