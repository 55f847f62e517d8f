/* The program viewer page (lowwear/page.h, docs/view.md): the program, the
 * gate table's truth functions and the measured wear per cell as one JSON
 * object, embedded into the HTML template src/report/page.html (compiled in
 * by cmake/embed.cmake) and written atomically. The page's script simulates
 * the row from the truth tables, so it and the C simulator share one
 * definition of every gate. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/page.h"
#include "lowwear/wear.h"
#include "net/program.h"
#include "report/writers.h"

extern const char lw_page_template[]; /* generated page_html.c */

#define PAGE_SLOT "@LOWWEAR_DATA@"

lw_page_params lw_page_params_default(void) {
  lw_page_params p = {1, 4096, 1};
  return p;
}

/* Output of gate t for every combination of its fanins (the overwritten
 * operand last, as the row simulator passes it): character i is the output
 * when fanin k holds bit k of i. */
static json_t *truth_table(lw_gate_type t) {
  uint32_t nf = (uint32_t)lw_gate(t)->arity;
  uint64_t in[LW_GATE_MAX_FANIN];
  for (uint32_t k = 0; k < nf; k++) {
    in[k] = 0;
    for (uint32_t lane = 0; lane < (1u << nf); lane++)
      in[k] |= (uint64_t)((lane >> k) & 1) << lane;
  }
  uint64_t out = lw_gate_eval(t, in, nf);
  char text[(1 << LW_GATE_MAX_FANIN) + 1];
  for (uint32_t lane = 0; lane < (1u << nf); lane++)
    text[lane] = (out >> lane) & 1 ? '1' : '0';
  text[1u << nf] = 0;
  return json_string(text);
}

/* Indexed by gate type: the stateful gates with their truth tables, null
 * for the rows a program never holds. */
static json_t *gates_json(void) {
  json_t *a = json_array();
  for (int t = 0; t < LW_GATE_COUNT; t++) {
    const lw_gate_info *g = lw_gate(t);
    if (!lw_gate_is_stateful(t)) {
      json_array_append_new(a, json_null());
      continue;
    }
    json_array_append_new(a, json_pack("{s:s, s:s, s:i, s:i, s:i, s:o}", "op",
                                       g->op, "genlib", g->genlib, "fanins",
                                       g->arity, "over", g->over, "init",
                                       g->init, "truth", truth_table(t)));
  }
  return a;
}

static json_t *cells_json(const uint32_t *cells, uint32_t n) {
  json_t *a = json_array();
  for (uint32_t k = 0; k < n; k++)
    json_array_append_new(a, json_integer(cells[k]));
  return a;
}

/* A cycle: [gate type, operands, output cell], or for an INIT
 * [-1, cells, value]. */
static json_t *op_json(const lw_program *prog, const lw_op *op) {
  if (op->type == LW_OP_INIT)
    return json_pack("[i, o, i]", -1,
                     cells_json(lw_op_cells(prog, op), op->ncells), op->value);
  return json_pack("[i, o, i]", op->type, cells_json(op->in, op->nin), op->out);
}

static json_t *ops_json(const lw_program *prog, const lw_ops *ops) {
  json_t *a = json_array();
  lw_vec_foreach (ops, i)
    json_array_append_new(a, op_json(prog, &ops->data[i]));
  return a;
}

/* [[name, cell], ...] in the program's order. */
static json_t *pins_json(const lw_pins *pins) {
  json_t *a = json_array();
  lw_vec_foreach (pins, i)
    json_array_append_new(
        a, json_pack("[s, i]", pins->data[i].name, pins->data[i].cell));
  return a;
}

static json_t *wear_json(const lw_wear_report *rep) {
  json_t *flips = json_array();
  for (uint32_t c = 0; c < rep->ncells; c++)
    json_array_append_new(flips, json_real(rep->cell_flips[c]));
  return json_pack("{s:o, s:I, s:b, s:i, s:f}", "cell_flips", flips, "vectors",
                   (json_int_t)rep->vectors, "exhaustive", rep->exhaustive,
                   "hottest_cell", rep->hottest_cell, "steady_flips_per_run",
                   rep->steady_flips_per_run);
}

static json_t *page_data(const lw_program *prog, const lw_wear_report *rep) {
  json_t *d = json_pack(
      "{s:s, s:s, s:s, s:i, s:i, s:f}", "format", "lowwear-page/1", "circuit",
      prog->circuit ? prog->circuit : "", "flow", prog->flow ? prog->flow : "",
      "row", prog->row_size, "latency", prog->cycles.size, "toggle_estimate",
      prog->metrics.toggle_estimate);
  if (!d)
    return NULL;
  json_object_set_new(d, "gates", gates_json());
  json_object_set_new(d, "inputs", pins_json(&prog->inputs));
  json_object_set_new(d, "outputs", pins_json(&prog->outputs));
  json_object_set_new(d, "setup", ops_json(prog, &prog->setup));
  json_object_set_new(d, "cycles", ops_json(prog, &prog->cycles));
  json_object_set_new(d, "wear", rep ? wear_json(rep) : json_null());
  return d;
}

typedef struct page_text {
  const char *json;
} page_text;

/* The JSON inside the <script> element: every '<' as \u003c (valid in a
 * JSON string, and no "</script>" or "<!--" can end or bend the element). */
static int emit_json(FILE *out, const char *json) {
  for (const char *s = json; *s; s++)
    if (*s == '<')
      fputs("\\u003c", out);
    else
      fputc(*s, out);
  return 0;
}

static int emit_page(FILE *out, const void *ctx) {
  const page_text *p = ctx;
  const char *slot = strstr(lw_page_template, PAGE_SLOT);
  if (!slot)
    return 1;
  fwrite(lw_page_template, 1, (size_t)(slot - lw_page_template), out);
  emit_json(out, p->json);
  fputs(slot + strlen(PAGE_SLOT), out);
  return 0;
}

/* A page shows what the program does: a wrong one is refused, as by
 * lowwear wear. */
static lw_status simulate_first(const lw_net *circuit, const lw_program *prog,
                                const char *path, lw_error *err) {
  char what[1024];
  snprintf(what, sizeof what, "incorrect program, no page written to %s", path);
  return lw_sim_check(circuit, prog, NULL, what, err);
}

static lw_status measure_wear(const lw_program *prog, const lw_page_params *p,
                              lw_wear_report *rep, lw_error *err) {
  lw_wear_params wp = lw_wear_params_default();
  wp.random_vectors = p->random_vectors;
  wp.seed = p->seed;
  return lw_wear_measure(&prog, 1, &wp, rep, err);
}

lw_status lw_page_write(const lw_net *circuit, const lw_program *prog,
                        const lw_page_params *params, const char *path,
                        lw_error *err) {
  lw_page_params p = params ? *params : lw_page_params_default();
  lw_wear_report rep;
  memset(&rep, 0, sizeof rep);
  lw_status st = simulate_first(circuit, prog, path, err);
  if (st == LW_OK && p.wear)
    st = measure_wear(prog, &p, &rep, err);
  if (st != LW_OK) {
    lw_wear_report_free(&rep);
    return st;
  }
  json_t *data = page_data(prog, p.wear ? &rep : NULL);
  char *json = data ? json_dumps(data, JSON_COMPACT) : NULL;
  json_decref(data);
  lw_wear_report_free(&rep);
  if (!json)
    return lw_error_set(err, LW_ERR_INTERNAL, path, 0,
                        "cannot build the page's data");
  page_text text = {json};
  st = lw_report_write_file(path, emit_page, &text, err);
  free(json);
  return st;
}
