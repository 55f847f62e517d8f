/* Levelling across runs: program variants whose work cells are rotated
 * (choosing them by measured wear is sim/level.c).
 * Renaming cells that are not input cells keeps a program correct (every
 * such cell is written by setup, an INIT or a gate before it is read), so
 * variant k computes the same outputs from the same input cells; a row
 * that cycles through the variants spreads each logical cell's wear over
 * several physical ones. Input cells stay: docs/program.md makes them the data
 * the row is handed, at fixed places. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/rotate.h"
#include "map/rotate.h"
#include "net/program.h"

static int ascending(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* perm[c]: where variant k of r puts cell c. */
static void rotation(const lw_program *prog, uint32_t k, uint32_t r,
                     uint32_t *perm) {
  uint32_t n = prog->row_size;
  uint8_t *is_input = lw_alloc(n + 1);
  lw_vec_foreach (&prog->inputs, j)
    is_input[prog->inputs.data[j].cell] = 1;
  lw_u32s work = {0};
  for (uint32_t c = 0; c < n; c++) {
    perm[c] = c;
    if (!is_input[c])
      lw_vec_push(&work, c);
  }
  uint32_t m = work.size;
  /* k*m/r places: the r variants are spread evenly over the work cells */
  uint32_t shift = m ? (uint32_t)(((uint64_t)k * m / r) % m) : 0;
  for (uint32_t i = 0; i < m; i++)
    perm[work.data[i]] = work.data[(i + shift) % m];
  lw_vec_free(&work);
  lw_free(is_input);
}

lw_program *lw_map_relabel(const lw_program *prog, const uint32_t *perm) {
  uint32_t n = prog->row_size;
#define MAP(c) ((c) < n ? perm[c] : (c))
  lw_program *p = lw_program_new(prog->circuit, prog->flow, n);
  lw_provenance_copy(&p->prov, &prog->prov);
  lw_vec_foreach (&prog->inputs, j)
    lw_program_add_input(p, prog->inputs.data[j].name,
                         prog->inputs.data[j].cell);
  lw_u32s cells = {0};
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    lw_vec_clear(&cells);
    for (uint32_t c = 0; c < op->ncells; c++)
      lw_vec_push(&cells, MAP(lw_op_cells(prog, op)[c]));
    /* setup lists read best in order; INIT order in cycles does not matter */
    qsort(cells.data, cells.size, sizeof *cells.data, ascending);
    lw_program_add_init(p, 1, op->value, cells.data, cells.size);
  }
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    if (op->type == LW_OP_INIT) {
      lw_vec_clear(&cells);
      for (uint32_t c = 0; c < op->ncells; c++)
        lw_vec_push(&cells, MAP(lw_op_cells(prog, op)[c]));
      lw_program_add_init(p, 0, op->value, cells.data, cells.size);
      continue;
    }
    uint32_t in[LW_GATE_MAX_FANIN];
    for (uint32_t j = 0; j < op->nin; j++)
      in[j] = MAP(op->in[j]);
    lw_program_add_gate(p, (lw_gate_type)op->type, in, op->nin, MAP(op->out));
  }
  lw_vec_foreach (&prog->outputs, j)
    lw_program_add_output(p, prog->outputs.data[j].name,
                          MAP(prog->outputs.data[j].cell));
#undef MAP
  lw_program_compute_metrics(p);
  lw_vec_free(&cells);
  return p;
}

lw_status lw_map_check_variant(const lw_program *prog, uint32_t k, uint32_t r,
                               lw_error *err) {
  if (r == 0 || k >= r)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "variant %u of %u does not exist", k, r);
  lw_vec_foreach (&prog->inputs, j)
    if (prog->inputs.data[j].cell >= prog->row_size)
      return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                          "input cell %u is outside the "
                          "row of %u cells",
                          prog->inputs.data[j].cell, prog->row_size);
  return LW_OK;
}

lw_status lw_program_rotate(const lw_program *prog, uint32_t k, uint32_t r,
                            lw_program **out, lw_error *err) {
  *out = NULL;
  lw_status st = lw_map_check_variant(prog, k, r, err);
  if (st != LW_OK)
    return st;
  uint32_t *perm = lw_alloc(sizeof(uint32_t) * (prog->row_size + 1));
  rotation(prog, k, r, perm);
  *out = lw_map_relabel(prog, perm);
  (*out)->prov.variant = k;
  (*out)->prov.variants = r;
  lw_free(perm);
  return LW_OK;
}
