/* One evaluation of a program on the row of devices (row.h). */
#include "device/row.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"

/* The device gate of a program op: its op name, or for a wide form the op
 * name and its width (NOR3, OR4, ONOR3). */
static const lw_dgate *device_gate(const lw_op *op) {
  const lw_dgate *g = lw_dgate_find(lw_gate(op->type)->op);
  if (g && g->inputs == op->nin)
    return g;
  char name[24];
  snprintf(name, sizeof name, "%s%u", lw_gate(op->type)->op, op->nin);
  g = lw_dgate_find(name);
  return g && g->inputs == op->nin ? g : NULL;
}

static int kind_of(lw_drow *r, const char *name) {
  for (uint32_t k = 0; k < r->nkinds; k++)
    if (!strcmp(r->kinds[k].name, name))
      return (int)k;
  snprintf(r->kinds[r->nkinds].name, LW_DEVICE_KIND_NAME, "%s", name);
  return (int)r->nkinds++;
}

/* The cache's largest size: about 90 MB (328 bytes a run). */
#define MEMO_ENTRIES (1u << 18)

lw_status lw_drow_init(lw_drow *r, const lw_dsetup *s, const lw_program *prog,
                       double grid, lw_error *err) {
  memset(r, 0, sizeof *r);
  r->s = s;
  r->prog = prog;
  r->n = prog->row_size;
  kind_of(r, "INIT0");
  kind_of(r, "INIT1");
  r->ops = lw_alloc(sizeof *r->ops * (prog->cycles.size + 1));
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    lw_drow_op *ro = &r->ops[i];
    if (op->type == LW_OP_INIT) {
      ro->kind = op->value ? LW_DKIND_INIT1 : LW_DKIND_INIT0;
      continue;
    }
    ro->gate = device_gate(op);
    ro->row = ro->gate ? lw_bias_find(&s->bias, ro->gate->name) : NULL;
    if (!ro->row) {
      lw_status st = lw_error_set(
          err, LW_ERR_USAGE, NULL, 0,
          "cycle T%u: %s with %u operands has no row in bias table '%s'", i + 1,
          lw_gate(op->type)->op, op->nin, s->bias.name);
      lw_drow_free(r);
      return st;
    }
    ro->kind = kind_of(r, ro->gate->name);
  }
  r->gap = lw_alloc(sizeof *r->gap * (r->n + 1));
  r->logic = lw_alloc(r->n + 1);
  r->input = lw_alloc(r->n + 1);
  r->since = lw_alloc(sizeof *r->since * (r->n + 1));
  r->reads = lw_alloc(sizeof *r->reads * (r->n + 1));
  r->cells = lw_alloc(sizeof *r->cells * (r->n + 1));
  for (uint32_t c = 0; c < r->n; c++)
    r->cells[c].margin_nm = INFINITY;
  r->least_margin = INFINITY;
  r->least_input_margin = INFINITY;
  r->grid = grid > 0 ? grid : 0;
  r->memo = r->grid > 0 ? lw_dmemo_new(MEMO_ENTRIES) : NULL;
  lw_drow_reset(r);
  return LW_OK;
}

void lw_drow_free(lw_drow *r) {
  lw_free(r->ops);
  lw_free(r->gap);
  lw_free(r->logic);
  lw_free(r->input);
  lw_free(r->since);
  lw_free(r->reads);
  lw_free(r->cells);
  lw_dmemo_free(r->memo);
  memset(r, 0, sizeof *r);
}

void lw_drow_new_cells(lw_drow *r) {
  if (r->memo)
    lw_dmemo_clear(r->memo);
}

static double written_gap(const lw_drow *r, uint32_t c, int value) {
  if (value)
    return r->lrs ? r->lrs[c] : r->s->bias.lrs;
  return r->hrs ? r->hrs[c] : r->s->bias.hrs;
}

void lw_drow_reset(lw_drow *r) {
  for (uint32_t c = 0; c < r->n; c++) {
    r->gap[c] = written_gap(r, c, 0);
    r->logic[c] = 0;
    r->input[c] = 0;
    r->since[c] = 0;
    r->reads[c] = 0;
  }
}

/* The cell held `value` and went through gaps lo..hi: keep the worst. */
static void note_hold(lw_drow *r, uint32_t c, int value, double lo, double hi,
                      uint32_t cycle) {
  double read = r->s->bias.read;
  double margin = value ? read - hi : lo - read;
  lw_device_cell *cell = &r->cells[c];
  if (margin < cell->margin_nm * 1e-9) {
    cell->margin_nm = margin * 1e9;
    cell->worst_gap_nm = (value ? hi : lo) * 1e9;
    cell->worst_value = value;
    cell->worst_cycle = cycle;
  }
  if (r->input[c]) {
    if (margin < r->least_input_margin) {
      r->least_input_margin = margin;
      r->least_input_cell = c;
    }
  } else if (margin < r->least_margin) {
    r->least_margin = margin;
    r->least_cell = c;
    r->least_cycle = cycle;
  }
}

/* A write by the program (input = 0) or of an input from outside. */
static void note_write(lw_drow *r, uint32_t c, int value, uint32_t cycle,
                       int input) {
  r->logic[c] = (uint8_t)value;
  r->input[c] = (uint8_t)input;
  r->since[c] = 0;
  r->reads[c] = 0;
  r->cells[c].writes++;
  note_hold(r, c, value, r->gap[c], r->gap[c], cycle);
}

static void note_read(lw_drow *r, uint32_t c, double before, double lo,
                      double hi, uint32_t cycle) {
  lw_device_cell *cell = &r->cells[c];
  r->since[c] += fabs(r->gap[c] - before);
  r->reads[c]++;
  cell->reads++;
  cell->max_drift_nm = fmax(cell->max_drift_nm, r->since[c] * 1e9);
  if (r->reads[c] > cell->max_reads)
    cell->max_reads = r->reads[c];
  note_hold(r, c, r->logic[c], lo, hi, cycle);
}

static int reads_one(const lw_drow *r, uint32_t c) {
  return r->gap[c] < r->s->bias.read;
}

static void check_cell(lw_drow *r, uint32_t c, uint32_t cycle, int kind,
                       lw_device_vector *v) {
  if (v->first_fail || reads_one(r, c) == r->logic[c])
    return;
  v->first_fail = cycle;
  snprintf(v->first_fail_kind, sizeof v->first_fail_kind, "%s",
           r->kinds[kind].name);
}

static void integrate(lw_drow *r, const lw_pmr *c, lw_pmr_result *res) {
  lw_error err;
  /* the circuits built here are well formed: lw_pmr_run cannot refuse */
  (void)lw_pmr_run(c, r->s->bias.read, res, NULL, &err);
  r->integrated++;
  r->steps += res->steps;
}

/* On the grid (memo.h): the run from the grid point nearest the gaps,
 * cached, each device's result moved back by its distance to that point. */
static void run_on_grid(lw_drow *r, uint32_t kind, lw_pmr *c,
                        const uint32_t *cells, lw_pmr_result *res) {
  double gap[LW_PMR_MAX_DEVICES];
  lw_dmemo_key key;
  for (uint32_t i = 0; i < c->n; i++) {
    gap[i] = c->dev[i].gap;
    c->dev[i].gap = lw_dmemo_grid_point(gap[i], r->grid);
  }
  lw_dmemo_key_of(&key, kind, c->n, gap, r->grid, r->models ? cells : NULL);
  if (!r->memo || !lw_dmemo_get(r->memo, &key, res)) {
    integrate(r, c, res);
    if (r->memo)
      lw_dmemo_put(r->memo, &key, res);
  }
  for (uint32_t i = 0; i < c->n; i++) {
    const lw_rram *m = c->dev[i].model ? c->dev[i].model : &c->model;
    double d = gap[i] - c->dev[i].gap;
    res->gap[i] = fmin(fmax(res->gap[i] + d, m->gap_min), m->gap_max);
    res->lo_gap[i] = fmin(fmax(res->lo_gap[i] + d, m->gap_min), m->gap_max);
    res->hi_gap[i] = fmin(fmax(res->hi_gap[i] + d, m->gap_min), m->gap_max);
    c->dev[i].gap = gap[i];
  }
}

static void run_circuit(lw_drow *r, uint32_t kind, lw_pmr *c,
                        const uint32_t *cells, lw_pmr_result *res) {
  if (r->on_circuit)
    r->on_circuit(r->ctx, c, cells);
  if (r->grid > 0)
    run_on_grid(r, kind, c, cells, res);
  else
    integrate(r, c, res);
  r->runs++;
}

/* INIT: the cell alone on its line; a set goes through RS (its current
 * limit), a reset sees the row wire held at the return node. */
static double run_init(lw_drow *r, uint32_t cell, int value, uint32_t cycle,
                       lw_device_vector *v) {
  const lw_bias *b = &r->s->bias;
  lw_pmr c = lw_pmr_default();
  c.model = r->s->model;
  c.n = 1;
  c.rs = value ? b->rs : 0;
  c.ret = (lw_pulse){0, b->v_return, 0, b->edge, r->s->pulse, b->edge};
  c.t_end = 2 * b->edge + r->s->pulse;
  c.dev[0] = (lw_pmr_device){
      .line = {0, value ? b->v_set : b->v_reset, 0, b->edge, r->s->pulse,
               b->edge},
      .orient = 1,
      .gap = r->gap[cell],
      .model = r->models ? &r->models[cell] : NULL,
  };
  int kind = value ? LW_DKIND_INIT1 : LW_DKIND_INIT0;
  lw_pmr_result res;
  run_circuit(r, (uint32_t)kind, &c, &cell, &res);
  r->gap[cell] = res.gap[0];
  note_write(r, cell, value, cycle, 0);
  check_cell(r, cell, cycle, kind, v);
  if (r->on_result)
    r->on_result(r->ctx, r, cycle, kind, &c, &cell, &res);
  r->kinds[kind].cycles += 1;
  r->kinds[kind].energy_j += res.energy;
  return res.energy;
}

static double run_inits(lw_drow *r, const lw_op *op, uint32_t cycle,
                        lw_device_vector *v) {
  double e = 0;
  for (uint32_t k = 0; k < op->ncells; k++)
    e += run_init(r, lw_op_cells(r->prog, op)[k], op->value, cycle, v);
  return e;
}

/* A gate: operands first, the output (y for IMP/ONOR) last. */
static double run_gate(lw_drow *r, const lw_op *op, const lw_drow_op *ro,
                       uint32_t cycle, lw_device_vector *v) {
  uint32_t cells[LW_PMR_MAX_DEVICES], n = op->nin + 1;
  for (uint32_t k = 0; k < op->nin; k++)
    cells[k] = op->in[k];
  cells[op->nin] = op->out;
  lw_pmr c;
  lw_dgate_circuit(ro->gate, &r->s->bias, ro->row, &r->s->model, r->s->pulse, 0,
                   &c);
  uint64_t x[LW_PMR_MAX_DEVICES]; /* operands and y: up to n values */
  for (uint32_t k = 0; k < n; k++) {
    c.dev[k].gap = r->gap[cells[k]];
    c.dev[k].model = r->models ? &r->models[cells[k]] : NULL;
    x[k] = r->logic[cells[k]] ? ~(uint64_t)0 : 0;
  }
  int over = lw_gate(op->type)->over >= 0;
  int value = (int)(lw_gate_eval(op->type, x, op->nin + (uint32_t)over) & 1);
  lw_pmr_result res;
  run_circuit(r, (uint32_t)ro->kind, &c, cells, &res);
  for (uint32_t k = 0; k < op->nin; k++) {
    double before = r->gap[cells[k]];
    r->gap[cells[k]] = res.gap[k];
    note_read(r, cells[k], before, res.lo_gap[k], res.hi_gap[k], cycle);
  }
  r->gap[op->out] = res.gap[op->nin];
  note_write(r, op->out, value, cycle, 0);
  for (uint32_t k = 0; k < n; k++)
    check_cell(r, cells[k], cycle, ro->kind, v);
  if (r->on_result)
    r->on_result(r->ctx, r, cycle, ro->kind, &c, cells, &res);
  r->kinds[ro->kind].cycles += 1;
  r->kinds[ro->kind].energy_j += res.energy;
  return res.energy;
}

void lw_drow_eval(lw_drow *r, const uint8_t *in, uint8_t *out,
                  lw_device_vector *v) {
  const lw_program *prog = r->prog;
  memset(v, 0, sizeof *v);
  /* the inputs are written from outside the program, to their ideal gaps */
  lw_vec_foreach (&prog->inputs, j) {
    uint32_t c = prog->inputs.data[j].cell;
    r->gap[c] = written_gap(r, c, in[j]);
    note_write(r, c, in[j], 0, 1);
  }
  /* the setup: INIT pulses over what the previous evaluation left */
  lw_vec_foreach (&prog->setup, i)
    v->energy_j += run_inits(r, &prog->setup.data[i], 0, v);
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    v->energy_j += op->type == LW_OP_INIT
                       ? run_inits(r, op, i + 1, v)
                       : run_gate(r, op, &r->ops[i], i + 1, v);
  }
  lw_vec_foreach (&prog->outputs, k)
    out[k] = (uint8_t)reads_one(r, prog->outputs.data[k].cell);
}
