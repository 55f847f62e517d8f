#include "net/program.h"

#include <string.h>

lw_program *lw_program_new(const char *circuit, const char *flow,
                           uint32_t row_size) {
  lw_program *prog = lw_alloc(sizeof *prog);
  prog->circuit = lw_strdup(circuit ? circuit : "");
  prog->flow = lw_strdup(flow ? flow : "");
  prog->row_size = row_size;
  return prog;
}

static void free_pins(lw_pins *pins) {
  lw_vec_foreach (pins, i)
    lw_free(pins->data[i].name);
  lw_vec_free(pins);
}

void lw_program_free(lw_program *prog) {
  if (!prog)
    return;
  lw_free(prog->circuit);
  lw_free(prog->flow);
  lw_provenance_free(&prog->prov);
  free_pins(&prog->inputs);
  free_pins(&prog->outputs);
  lw_vec_free(&prog->setup);
  lw_vec_free(&prog->cycles);
  lw_vec_free(&prog->init_cells);
  lw_free(prog);
}

/* The owned strings of lw_provenance, for free and copy. */
#define PROVENANCE_STRINGS(S)                                                  \
  S(lowwear)                                                                   \
  S(flow) S(gates) S(cost) S(synth) S(abc_script) S(netlist_gates) S(reinit)

void lw_provenance_free(lw_provenance *prov) {
#define S(field) lw_free(prov->field);
  PROVENANCE_STRINGS(S)
#undef S
  memset(prov, 0, sizeof *prov);
}

void lw_provenance_copy(lw_provenance *dst, const lw_provenance *src) {
  *dst = *src;
#define S(field) dst->field = src->field ? lw_strdup(src->field) : NULL;
  PROVENANCE_STRINGS(S)
#undef S
}

void lw_program_add_input(lw_program *prog, const char *name, uint32_t cell) {
  lw_pin pin = {lw_strdup(name), cell};
  lw_vec_push(&prog->inputs, pin);
}

void lw_program_add_output(lw_program *prog, const char *name, uint32_t cell) {
  lw_pin pin = {lw_strdup(name), cell};
  lw_vec_push(&prog->outputs, pin);
}

void lw_program_add_init(lw_program *prog, int in_setup, int value,
                         const uint32_t *cells, uint32_t n) {
  lw_op op = {.type = LW_OP_INIT,
              .value = (uint8_t)value,
              .out = prog->init_cells.size,
              .ncells = n};
  for (uint32_t i = 0; i < n; i++)
    lw_vec_push(&prog->init_cells, cells[i]);
  lw_vec_push(in_setup ? &prog->setup : &prog->cycles, op);
}

void lw_program_add_gate(lw_program *prog, lw_gate_type type,
                         const uint32_t *in, uint32_t nin, uint32_t out) {
  lw_op op = {.type = (uint8_t)type, .nin = (uint8_t)nin, .out = out};
  memcpy(op.in, in, nin * sizeof *in);
  lw_vec_push(&prog->cycles, op);
}

static void touch(uint32_t *used, uint32_t cell) {
  if (cell + 1 > *used)
    *used = cell + 1;
}

void lw_program_compute_metrics(lw_program *prog) {
  lw_metrics *m = &prog->metrics;
  memset(m, 0, sizeof *m);
  /* A cell counts as re-initialised when a gate wrote it before the INIT. */
  uint32_t ncell = prog->row_size;
  uint8_t *written = lw_alloc(ncell + 1);
  lw_vec_foreach (&prog->inputs, i)
    touch(&m->cells_used, prog->inputs.data[i].cell);
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    for (uint32_t k = 0; k < op->ncells; k++)
      touch(&m->cells_used, lw_op_cells(prog, op)[k]);
  }
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    m->latency++;
    if (op->type == LW_OP_INIT) {
      m->init_cycles++;
      for (uint32_t k = 0; k < op->ncells; k++) {
        uint32_t c = lw_op_cells(prog, op)[k];
        touch(&m->cells_used, c);
        /* "written before" at any earlier cycle, as docs/program.md says */
        if (c < ncell && written[c])
          m->reinit_cells++;
      }
      continue;
    }
    m->gate_cycles++;
    m->gates[op->type]++;
    m->toggle_estimate += lw_gate(op->type)->rate;
    for (uint32_t k = 0; k < op->nin; k++)
      touch(&m->cells_used, op->in[k]);
    touch(&m->cells_used, op->out);
    if (op->out < ncell)
      written[op->out] = 1;
  }
  m->toggle_estimate += 0.5 * m->reinit_cells;
  lw_free(written);
}
