/* Programs for people (docs/program.md "Text forms") and in SIMPLER MAGIC's own
 * layout (`--format simpler`), for tools written against that script. */
#include <string.h>

#include "io/print.h"

static int op_ok(const lw_op *op) {
  return op->type == LW_OP_INIT ||
         (op->type < LW_GATE_COUNT && lw_gate_is_stateful(op->type) &&
          op->nin == lw_gate_program_inputs(op->type));
}

static lw_status bad_op(const lw_op *op, lw_error *err) {
  return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                      "program holds an op (type %u, %u operands) that is "
                      "not a stateful gate",
                      op->type, op->nin);
}

/* ---- text form ----------------------------------------------------------- */

/* `c55 = NOR(c0, c3)`; a composite lists the overwritten cell last, since
 * it is read as well: `c41 = IMP(c6, c41)`. */
static void print_op(FILE *f, const lw_program *prog, const lw_op *op) {
  if (op->type == LW_OP_INIT) {
    fprintf(f, "INIT%u", op->value);
    for (uint32_t k = 0; k < op->ncells; k++)
      fprintf(f, " c%u", lw_op_cells(prog, op)[k]);
    return;
  }
  fprintf(f, "c%u = %s(", op->out, lw_gate(op->type)->op);
  for (uint32_t k = 0; k < op->nin; k++)
    fprintf(f, k ? ", c%u" : "c%u", op->in[k]);
  if (lw_gate(op->type)->over >= 0)
    fprintf(f, ", c%u", op->out);
  fputc(')', f);
}

static void print_pins(FILE *f, const char *head, const lw_pins *pins) {
  fprintf(f, "%s (%u):", head, pins->size);
  lw_vec_foreach (pins, i)
    fprintf(f, " %s=c%u", pins->data[i].name, pins->data[i].cell);
  fputc('\n', f);
}

lw_status lw_io_print_program_text(const lw_program *prog, FILE *f,
                                   lw_error *err) {
  lw_program copy = *prog;
  lw_program_compute_metrics(&copy);
  const lw_metrics *m = &copy.metrics;
  char est[32];
  lw_io_double_text(m->toggle_estimate, est);
  fprintf(f, "# %s: circuit %s, flow %s, row of %u cells\n", LW_PROGRAM_FORMAT,
          prog->circuit, prog->flow, prog->row_size);
  fprintf(f,
          "# latency %u (%u gate cycles, %u INIT cycles), %u cells used, "
          "toggle estimate %s, %u re-initialised cells\n",
          m->latency, m->gate_cycles, m->init_cycles, m->cells_used, est,
          m->reinit_cells);
  if (prog->prov.lowwear) { /* how it was made, as in the JSON form */
    fputs("# provenance ", f);
    lw_io_print_provenance(f, &prog->prov);
    fputc('\n', f);
  }
  print_pins(f, "inputs", &prog->inputs);
  print_pins(f, "outputs", &prog->outputs);
  /* the setup is the row's state before T1, not a counted cycle */
  lw_vec_foreach (&prog->setup, i) {
    if (!op_ok(&prog->setup.data[i]))
      return bad_op(&prog->setup.data[i], err);
    fputs("setup: ", f);
    print_op(f, prog, &prog->setup.data[i]);
    fputc('\n', f);
  }
  lw_vec_foreach (&prog->cycles, i) {
    if (!op_ok(&prog->cycles.data[i]))
      return bad_op(&prog->cycles.data[i], err);
    fprintf(f, "T%u: ", i + 1);
    print_op(f, prog, &prog->cycles.data[i]);
    fputc('\n', f);
  }
  return LW_OK;
}

/* ---- SIMPLER MAGIC layout ------------------------------------------------ */
/*
 * Source: PrintCodeGeneration() in SIMPLER_Mapping.py of the public SIMPLER
 * MAGIC implementation (github.com/RotemBenHur/SIMPLER-MAGIC), read through
 * the search tool; reproduced from its print statements:
 *
 *   \\\\\\ MAPPING OF <name> WITH ROW SIZE = <N>  \\\\\\
 *   <empty line>
 *   Inputs:{a(0),b(1)}
 *   Outputs:{f(9)}
 *   <empty line>
 *   EXECUTION SEQUENCE + MAPPING: {
 *   T0:a(0)=INPUT
 *   T1:new_n8_(9)=inv1{b(1)}
 *   T6:Initialization(Ron){new_n13_(8),new_n15_(6)}
 *   }
 *   <empty line>
 *   RESULTS AND STATISTICS:
 *   Benchmark: <name>
 *   Total number of cycles: 27
 *   Number of reuse cycles: 8
 *   Initialization percentage: 0.2962962962962963
 *   Number of gates: 19
 *   Max number of used cells: 10
 *   Row size (number of columns): 10
 *
 * Assumptions where our programs hold more than SIMPLER's: op names are the
 * gate table's genlib cell names (SIMPLER's are those of its genlib: inv1,
 * nor2), a composite lists its overwritten operand last; values carry no
 * netlist names, so a gate's value is named n<T> (or the output's name when
 * it is an output's final value) and a cell holding an INIT constant is
 * INIT0/INIT1. Initialization(Ron) is an INIT to the value NOR expects
 * (SIMPLER's only kind), Initialization(Roff) the other value. The setup,
 * which SIMPLER leaves implicit, is shown as T0 lines after the inputs.
 * "Max number of used cells" is SIMPLER's measure: inputs plus the peak
 * number of computed values still to be read (outputs live to the end).
 */

/* Python's float repr: shortest round-trip digits, always with a point. */
static void python_float(double x, char *buf) {
  lw_io_double_text(x, buf);
  if (!strpbrk(buf, ".eEn"))
    strcat(buf, ".0");
}

typedef struct names {
  char **cell; /* current value name per cell */
} names;

static void set_name(names *nm, uint32_t cell, const char *fmt_name) {
  lw_free(nm->cell[cell]);
  nm->cell[cell] = lw_strdup(fmt_name);
}

static const char *name_of(const names *nm, uint32_t cell) {
  return nm->cell[cell] ? nm->cell[cell] : "none";
}

/* The output whose final value a write at cycle t creates, if any. */
static const char *output_written(const lw_program *prog,
                                  const uint32_t *last_write, uint32_t cell,
                                  uint32_t t) {
  if (last_write[cell] != t)
    return NULL;
  lw_vec_foreach (&prog->outputs, i)
    if (prog->outputs.data[i].cell == cell)
      return prog->outputs.data[i].name;
  return NULL;
}

/* SIMPLER's "Max number of used cells" (see above). */
static uint32_t peak_live(const lw_program *prog) {
  uint32_t n = prog->row_size, len = prog->cycles.size;
  uint32_t *born = lw_alloc(sizeof(uint32_t) * n);
  uint32_t *last = lw_alloc(sizeof(uint32_t) * n);
  int32_t *delta = lw_alloc(sizeof(int32_t) * (len + 2));
  uint8_t *live = lw_alloc(n); /* the cell holds a computed value */
  uint8_t *is_out = lw_alloc(n);
  lw_vec_foreach (&prog->outputs, i)
    is_out[prog->outputs.data[i].cell] = 1;
  for (uint32_t t = 1; t <= len; t++) {
    const lw_op *op = &prog->cycles.data[t - 1];
    uint32_t ncell = op->type == LW_OP_INIT ? op->ncells : 1;
    for (uint32_t k = 0; op->type != LW_OP_INIT && k < op->nin; k++)
      if (live[op->in[k]])
        last[op->in[k]] = t;
    /* a composite reads the value it overwrites */
    if (op->type != LW_OP_INIT && lw_gate(op->type)->over >= 0 && live[op->out])
      last[op->out] = t;
    for (uint32_t k = 0; k < ncell; k++) {
      uint32_t c = op->type == LW_OP_INIT ? lw_op_cells(prog, op)[k] : op->out;
      if (live[c]) { /* the old value ends before this write */
        delta[born[c]]++;
        delta[(last[c] >= t ? t - 1 : last[c]) + 1]--;
      }
      live[c] = op->type != LW_OP_INIT;
      born[c] = last[c] = t;
    }
  }
  for (uint32_t c = 0; c < n; c++)
    if (live[c]) {
      delta[born[c]]++;
      delta[(is_out[c] ? len : last[c]) + 1]--;
    }
  int32_t cur = 0, best = 0;
  for (uint32_t t = 0; t <= len; t++) {
    cur += delta[t];
    best = cur > best ? cur : best;
  }
  lw_free(born);
  lw_free(last);
  lw_free(delta);
  lw_free(live);
  lw_free(is_out);
  return prog->inputs.size + (uint32_t)best;
}

static void print_init(FILE *f, const lw_program *prog, const lw_op *op,
                       names *nm, uint32_t t) {
  int ron = op->value == lw_gate(LW_GATE_NOR2)->init;
  fprintf(f, "T%u:Initialization(%s){", t, ron ? "Ron" : "Roff");
  for (uint32_t k = 0; k < op->ncells; k++) {
    uint32_t c = lw_op_cells(prog, op)[k];
    fprintf(f, "%s%s(%u)", k ? "," : "", name_of(nm, c), c);
  }
  fputs("}\n", f);
  for (uint32_t k = 0; k < op->ncells; k++)
    set_name(nm, lw_op_cells(prog, op)[k], op->value ? "INIT1" : "INIT0");
}

static void print_simpler_pins(FILE *f, const char *head, const lw_pins *pins) {
  fprintf(f, "%s:{", head);
  lw_vec_foreach (pins, i)
    fprintf(f, "%s%s(%u)", i ? "," : "", pins->data[i].name,
            pins->data[i].cell);
  fputs("}\n", f);
}

/* Every cell the program names lies in the row (the walk below indexes
 * per-cell arrays with them). */
static int cells_in_row(const lw_program *prog) {
  uint32_t n = prog->row_size;
  const lw_ops *lists[2] = {&prog->setup, &prog->cycles};
  const lw_pins *pins[2] = {&prog->inputs, &prog->outputs};
  for (int l = 0; l < 2; l++) {
    lw_vec_foreach (pins[l], i)
      if (pins[l]->data[i].cell >= n)
        return 0;
    lw_vec_foreach (lists[l], i) {
      const lw_op *op = &lists[l]->data[i];
      if (op->type == LW_OP_INIT) {
        for (uint32_t k = 0; k < op->ncells; k++)
          if (lw_op_cells(prog, op)[k] >= n)
            return 0;
        continue;
      }
      for (uint32_t k = 0; k < op->nin; k++)
        if (op->in[k] >= n)
          return 0;
      if (op->out >= n)
        return 0;
    }
  }
  return 1;
}

lw_status lw_io_print_program_simpler(const lw_program *prog, FILE *f,
                                      lw_error *err) {
  uint32_t n = prog->row_size;
  lw_status st = LW_OK;
  const lw_op *bad = NULL;
  if (!cells_in_row(prog))
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "program names a cell outside its row of %u", n);
  lw_vec_foreach (&prog->setup, i)
    if (prog->setup.data[i].type != LW_OP_INIT)
      bad = &prog->setup.data[i];
  lw_vec_foreach (&prog->cycles, i)
    if (!op_ok(&prog->cycles.data[i]))
      bad = &prog->cycles.data[i];
  if (bad)
    return bad_op(bad, err);
  lw_program copy = *prog;
  lw_program_compute_metrics(&copy);
  const lw_metrics *m = &copy.metrics;
  /* last gate write per cell, to name outputs' final values */
  uint32_t *last_write = lw_alloc(sizeof(uint32_t) * n);
  lw_vec_foreach (&prog->cycles, i)
    if (prog->cycles.data[i].type != LW_OP_INIT)
      last_write[prog->cycles.data[i].out] = i + 1;
  names nm = {lw_alloc(sizeof(char *) * n)};

  fprintf(f, "\\\\\\\\\\\\ MAPPING OF %s WITH ROW SIZE = %u  \\\\\\\\\\\\\n\n",
          prog->circuit, n);
  print_simpler_pins(f, "Inputs", &prog->inputs);
  print_simpler_pins(f, "Outputs", &prog->outputs);
  fputs("\nEXECUTION SEQUENCE + MAPPING: {\n", f);
  lw_vec_foreach (&prog->inputs, i) {
    fprintf(f, "T0:%s(%u)=INPUT\n", prog->inputs.data[i].name,
            prog->inputs.data[i].cell);
    set_name(&nm, prog->inputs.data[i].cell, prog->inputs.data[i].name);
  }
  lw_vec_foreach (&prog->setup, i)
    print_init(f, prog, &prog->setup.data[i], &nm, 0);
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    uint32_t t = i + 1;
    if (op->type == LW_OP_INIT) {
      print_init(f, prog, op, &nm, t);
      continue;
    }
    char own[32];
    const char *out_name = output_written(prog, last_write, op->out, t);
    snprintf(own, sizeof own, "n%u", t);
    fprintf(f, "T%u:%s(%u)=%s{", t, out_name ? out_name : own, op->out,
            lw_gate(op->type)->genlib);
    for (uint32_t k = 0; k < op->nin; k++)
      fprintf(f, "%s%s(%u)", k ? "," : "", name_of(&nm, op->in[k]), op->in[k]);
    if (lw_gate(op->type)->over >= 0)
      fprintf(f, ",%s(%u)", name_of(&nm, op->out), op->out);
    fputs("}\n", f);
    set_name(&nm, op->out, out_name ? out_name : own);
  }
  fputs("}\n", f);

  char pct[40];
  python_float(m->latency ? (double)m->init_cycles / m->latency : 0.0, pct);
  fprintf(f,
          "\nRESULTS AND STATISTICS:\nBenchmark: %s\n"
          "Total number of cycles: %u\nNumber of reuse cycles: %u\n"
          "Initialization percentage: %s\nNumber of gates: %u\n"
          "Max number of used cells: %u\n"
          "Row size (number of columns): %u \n\n\n",
          prog->circuit, m->latency, m->init_cycles, pct, m->gate_cycles,
          peak_live(prog), n);
  for (uint32_t c = 0; c < n; c++)
    lw_free(nm.cell[c]);
  lw_free(nm.cell);
  lw_free(last_write);
  return st;
}
