/* Programs as "lowwear-program/1" JSON (docs/program.md): the writer prints the
 * fixed key order by hand, one cycle per line, so that files diff well and
 * doubles are printed shortest-exact; the reader parses with jansson and
 * checks every field, naming the offending entry ("cycles[12].in[1]"). */
#include "io/print.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "io/atomic.h"
#include "lowwear/lowwear.h"

/* ---- shared writer helpers ----------------------------------------------- */

void lw_io_double_text(double x, char *buf) { lw_json_real_text(x, buf); }

void lw_io_json_string(FILE *f, const char *s) { lw_json_print_string(f, s); }

/* ---- provenance -----------------------------------------------------------
 * One row per field of lw_provenance: its key (the field's name) and type,
 * in the order written. */
#define PROVENANCE_FIELDS(F)                                                   \
  F(lowwear, STR)                                                              \
  F(flow, STR)                                                                 \
  F(row_requested, U32)                                                        \
  F(row_used, U32)                                                             \
  F(min_row, U32)                                                              \
  F(gates, STR)                                                                \
  F(max_inputs, INT)                                                           \
  F(cost, STR)                                                                 \
  F(synth, STR)                                                                \
  F(abc_script, STR)                                                           \
  F(abc_alternative, INT)                                                      \
  F(abc_alternatives, INT)                                                     \
  F(netlist_gates, STR)                                                        \
  F(reinit, STR)                                                               \
  F(paper_rules, BOOL)                                                         \
  F(wear_aware, BOOL)                                                          \
  F(prob_reinit, BOOL)                                                         \
  F(latency_slack, REAL)                                                       \
  F(verified, BOOL)                                                            \
  F(cec, BOOL)                                                                 \
  F(vectors, U32)                                                              \
  F(seed, U64)                                                                 \
  F(variant, U32)                                                              \
  F(variants, U32)

typedef enum { STR, U32, INT, BOOL, REAL, U64 } field_type;

typedef struct prov_field {
  const char *key;
  field_type type;
  size_t offset;
} prov_field;

static const prov_field prov_fields[] = {
#define F(field, type) {#field, type, offsetof(lw_provenance, field)},
    PROVENANCE_FIELDS(F)
#undef F
};
#define NPROV_FIELDS (sizeof prov_fields / sizeof *prov_fields)

static json_t *field_json(const prov_field *f, const lw_provenance *prov) {
  const void *at = (const char *)prov + f->offset;
  switch (f->type) {
  case STR:
    return *(char *const *)at ? json_string(*(char *const *)at) : json_null();
  case U32:
    return json_integer(*(const uint32_t *)at);
  case INT:
    return json_integer(*(const int *)at);
  case BOOL:
    return json_boolean(*(const int *)at);
  case REAL:
    return json_real(*(const double *)at);
  case U64:
    return json_integer((json_int_t) * (const uint64_t *)at);
  }
  return json_null();
}

void lw_io_print_provenance(FILE *f, const lw_provenance *prov) {
  if (!prov->lowwear)
    return;
  json_t *o = json_object();
  for (size_t i = 0; i < NPROV_FIELDS; i++)
    json_object_set_new(o, prov_fields[i].key,
                        field_json(&prov_fields[i], prov));
  /* 15 digits: a typed-in option (0.05) reads as typed */
  json_dumpf(o, f, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
  json_decref(o);
}

/* ---- writer -------------------------------------------------------------- */

static void write_pins(FILE *f, const char *key, const lw_pins *pins) {
  fprintf(f, "  \"%s\": [", key);
  lw_vec_foreach (pins, i) {
    fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
    lw_io_json_string(f, pins->data[i].name);
    fprintf(f, ", \"cell\": %u}", pins->data[i].cell);
  }
  fputs(pins->size ? "\n  ],\n" : "],\n", f);
}

static lw_status write_op(FILE *f, const lw_program *prog, const lw_op *op,
                          lw_error *err) {
  if (op->type == LW_OP_INIT) {
    fprintf(f, "{\"op\": \"INIT\", \"value\": %d, \"cells\": [", op->value);
    for (uint32_t k = 0; k < op->ncells; k++)
      fprintf(f, k ? ", %u" : "%u", lw_op_cells(prog, op)[k]);
    fputs("]}", f);
    return LW_OK;
  }
  if (op->type >= LW_GATE_COUNT || !lw_gate_is_stateful(op->type) ||
      op->nin != lw_gate_program_inputs(op->type))
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "program holds an op (type %u, %u operands) that is "
                        "not a stateful gate",
                        op->type, op->nin);
  fprintf(f, "{\"op\": \"%s\", \"in\": [", lw_gate(op->type)->op);
  for (uint32_t k = 0; k < op->nin; k++)
    fprintf(f, k ? ", %u" : "%u", op->in[k]);
  fprintf(f, "], \"out\": %u}", op->out);
  return LW_OK;
}

static lw_status write_ops(FILE *f, const char *key, const lw_program *prog,
                           const lw_ops *ops, lw_error *err) {
  fprintf(f, "  \"%s\": [", key);
  lw_vec_foreach (ops, i) {
    fputs(i ? ",\n    " : "\n    ", f);
    lw_status st = write_op(f, prog, &ops->data[i], err);
    if (st != LW_OK)
      return st;
  }
  fputs(ops->size ? "\n  ],\n" : "],\n", f);
  return LW_OK;
}

/* Gate name in metrics: the op, with its width when it is a wide form
 * ("NOR3"), as the independent checker counts them. */
static void gate_key(lw_gate_type t, char *buf, size_t n) {
  if (lw_gate(t)->lib == LW_LIB_WIDE)
    snprintf(buf, n, "%s%d", lw_gate(t)->op, lw_gate_program_inputs(t));
  else
    snprintf(buf, n, "%s", lw_gate(t)->op);
}

static void write_metrics(FILE *f, const lw_metrics *m) {
  char num[32];
  lw_io_double_text(m->toggle_estimate, num);
  fprintf(f,
          "  \"metrics\": {\"latency\": %u, \"gate_cycles\": %u, "
          "\"init_cycles\": %u, \"toggle_estimate\": %s, "
          "\"reinit_cells\": %u, \"cells_used\": %u, \"gates\": {",
          m->latency, m->gate_cycles, m->init_cycles, num, m->reinit_cells,
          m->cells_used);
  int first = 1;
  for (int t = 0; t < LW_GATE_COUNT; t++) {
    if (!m->gates[t])
      continue;
    char key[32];
    gate_key(t, key, sizeof key);
    fprintf(f, "%s\"%s\": %u", first ? "" : ", ", key, m->gates[t]);
    first = 0;
  }
  fputs("}}\n", f);
}

static lw_status print_json(const lw_program *prog, FILE *f, lw_error *err) {
  /* metrics are recomputed here so that a file never carries stale ones */
  lw_program copy = *prog;
  lw_program_compute_metrics(&copy);
  fprintf(f, "{\n  \"format\": \"%s\",\n  \"circuit\": ", LW_PROGRAM_FORMAT);
  lw_io_json_string(f, prog->circuit ? prog->circuit : "");
  fputs(",\n  \"flow\": ", f);
  lw_io_json_string(f, prog->flow ? prog->flow : "");
  fprintf(f, ",\n  \"row_size\": %u,\n", prog->row_size);
  if (prog->prov.lowwear) {
    fputs("  \"provenance\": ", f);
    lw_io_print_provenance(f, &prog->prov);
    fputs(",\n", f);
  }
  write_pins(f, "inputs", &prog->inputs);
  write_pins(f, "outputs", &prog->outputs);
  lw_status st = write_ops(f, "setup", prog, &prog->setup, err);
  if (st == LW_OK)
    st = write_ops(f, "cycles", prog, &prog->cycles, err);
  if (st != LW_OK)
    return st;
  write_metrics(f, &copy.metrics);
  fputs("}\n", f);
  return LW_OK;
}

lw_status lw_io_write_program(const lw_program *prog, const char *path,
                              lw_program_format format, lw_error *err) {
  lw_io_atomic out;
  lw_status st = lw_io_atomic_open(path, &out, err);
  if (st != LW_OK)
    return st;
  switch (format) {
  case LW_FORMAT_JSON:
    st = print_json(prog, out.file, err);
    break;
  case LW_FORMAT_TEXT:
    st = lw_io_print_program_text(prog, out.file, err);
    break;
  case LW_FORMAT_SIMPLER:
    st = lw_io_print_program_simpler(prog, out.file, err);
    break;
  default:
    st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0, "unknown format %d",
                      (int)format);
  }
  if (st != LW_OK) {
    lw_io_atomic_abort(&out);
    if (err && !err->file[0] && path)
      snprintf(err->file, sizeof err->file, "%s", path);
    return st;
  }
  return lw_io_atomic_commit(&out, err);
}

/* ---- reader -------------------------------------------------------------- */

typedef struct reader {
  const char *path;
  lw_program *prog;
  lw_error *err;
} reader;

static lw_status fail(reader *r, const char *where, const char *what) {
  return lw_error_set(r->err, LW_ERR_PARSE, r->path, 0, "%s: %s", where, what);
}

/* A whole number in [0, limit). */
static lw_status get_index(reader *r, json_t *v, const char *where,
                           uint32_t limit, const char *limit_name,
                           uint32_t *out) {
  char msg[160];
  if (!json_is_integer(v))
    return fail(r, where, "expected a whole number");
  json_int_t x = json_integer_value(v);
  if (x < 0 || (uint64_t)x >= limit) {
    snprintf(msg, sizeof msg, "%lld is out of range (0..%u, %s %u)",
             (long long)x, limit ? limit - 1 : 0, limit_name, limit);
    return fail(r, where, msg);
  }
  *out = (uint32_t)x;
  return LW_OK;
}

/* Reject keys outside `allowed` (NULL-terminated): a typo such as "cell"
 * for "cells" must not silently drop data. */
static lw_status only_keys(reader *r, json_t *obj, const char *where,
                           const char *const *allowed) {
  const char *key;
  json_t *v;
  json_object_foreach (obj, key, v) {
    int ok = 0;
    for (int i = 0; allowed[i] && !ok; i++)
      ok = !strcmp(key, allowed[i]);
    if (!ok) {
      char msg[160];
      snprintf(msg, sizeof msg, "unexpected key \"%.100s\"", key);
      return fail(r, where, msg);
    }
  }
  return LW_OK;
}

static lw_status read_pins(reader *r, json_t *root, const char *key,
                           int output) {
  json_t *arr = json_object_get(root, key);
  if (!json_is_array(arr))
    return fail(r, key, arr ? "expected an array" : "missing key");
  static const char *const keys[] = {"name", "cell", NULL};
  size_t i;
  json_t *pin;
  json_array_foreach (arr, i, pin) {
    char where[64];
    snprintf(where, sizeof where, "%s[%zu]", key, i);
    if (!json_is_object(pin))
      return fail(r, where, "expected an object {\"name\", \"cell\"}");
    lw_status st = only_keys(r, pin, where, keys);
    if (st != LW_OK)
      return st;
    json_t *name = json_object_get(pin, "name");
    if (!json_is_string(name) || !json_string_length(name))
      return fail(r, where, "\"name\" must be a non-empty string");
    uint32_t cell;
    json_t *c = json_object_get(pin, "cell");
    if (!c)
      return fail(r, where, "missing key \"cell\"");
    snprintf(where, sizeof where, "%s[%zu].cell", key, i);
    st = get_index(r, c, where, r->prog->row_size, "row_size", &cell);
    if (st != LW_OK)
      return st;
    if (output)
      lw_program_add_output(r->prog, json_string_value(name), cell);
    else
      lw_program_add_input(r->prog, json_string_value(name), cell);
  }
  return LW_OK;
}

static lw_status read_init(reader *r, json_t *o, const char *where,
                           int in_setup) {
  static const char *const keys[] = {"op", "value", "cells", NULL};
  lw_status st = only_keys(r, o, where, keys);
  if (st != LW_OK)
    return st;
  json_t *value = json_object_get(o, "value");
  json_t *cells = json_object_get(o, "cells");
  if (!json_is_integer(value) ||
      (json_integer_value(value) != 0 && json_integer_value(value) != 1))
    return fail(r, where, "INIT needs \"value\": 0 or 1");
  if (!json_is_array(cells) || !json_array_size(cells))
    return fail(r, where, "INIT needs a non-empty array \"cells\"");
  lw_u32s list = {0};
  size_t k;
  json_t *c;
  json_array_foreach (cells, k, c) {
    char at[96];
    uint32_t cell;
    snprintf(at, sizeof at, "%s.cells[%zu]", where, k);
    st = get_index(r, c, at, r->prog->row_size, "row_size", &cell);
    if (st != LW_OK) {
      lw_vec_free(&list);
      return st;
    }
    lw_vec_push(&list, cell);
  }
  lw_program_add_init(r->prog, in_setup, (int)json_integer_value(value),
                      list.data, list.size);
  lw_vec_free(&list);
  return LW_OK;
}

/* Operand counts the op name accepts, for the error message. */
static void describe_widths(const char *op, char *buf, size_t n) {
  int lo = 99, hi = -1;
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_is_stateful(t) && !strcmp(lw_gate(t)->op, op)) {
      int k = lw_gate_program_inputs(t);
      lo = k < lo ? k : lo;
      hi = k > hi ? k : hi;
    }
  if (hi < 0)
    buf[0] = 0;
  else if (lo == hi)
    snprintf(buf, n, "%d", lo);
  else
    snprintf(buf, n, "%d to %d", lo, hi);
}

static lw_status read_op(reader *r, json_t *o, const char *where,
                         int in_setup) {
  if (!json_is_object(o))
    return fail(r, where, "expected an object");
  json_t *opv = json_object_get(o, "op");
  if (!json_is_string(opv))
    return fail(r, where, "missing string \"op\"");
  const char *op = json_string_value(opv);
  if (!strcmp(op, "INIT"))
    return read_init(r, o, where, in_setup);
  static const char *const keys[] = {"op", "in", "out", NULL};
  lw_status st = only_keys(r, o, where, keys);
  if (st != LW_OK)
    return st;
  char msg[200], widths[32];
  describe_widths(op, widths, sizeof widths);
  if (!widths[0]) {
    snprintf(msg, sizeof msg, "unknown op \"%.100s\"", op);
    return fail(r, where, msg);
  }
  json_t *in = json_object_get(o, "in");
  if (!json_is_array(in))
    return fail(r, where, "missing array \"in\"");
  size_t nin = json_array_size(in);
  lw_gate_type t =
      nin <= LW_GATE_MAX_FANIN ? lw_gate_find_op(op, (int)nin) : LW_GATE_COUNT;
  if (t == LW_GATE_COUNT) {
    snprintf(msg, sizeof msg, "%s takes %s operands in \"in\", not %zu", op,
             widths, nin);
    return fail(r, where, msg);
  }
  uint32_t cells[LW_GATE_MAX_FANIN], out;
  size_t k;
  json_t *c;
  json_array_foreach (in, k, c) {
    char at[96];
    snprintf(at, sizeof at, "%s.in[%zu]", where, k);
    st = get_index(r, c, at, r->prog->row_size, "row_size", &cells[k]);
    if (st != LW_OK)
      return st;
  }
  json_t *outv = json_object_get(o, "out");
  if (!outv)
    return fail(r, where, "missing key \"out\"");
  char at[96];
  snprintf(at, sizeof at, "%s.out", where);
  st = get_index(r, outv, at, r->prog->row_size, "row_size", &out);
  if (st != LW_OK)
    return st;
  lw_program_add_gate(r->prog, t, cells, (uint32_t)nin, out);
  if (in_setup) { /* kept so that the verifier reports it */
    lw_op gate = lw_vec_pop(&r->prog->cycles);
    lw_vec_push(&r->prog->setup, gate);
  }
  return LW_OK;
}

static lw_status read_ops(reader *r, json_t *root, const char *key,
                          int required) {
  json_t *arr = json_object_get(root, key);
  if (!arr && !required)
    return LW_OK;
  if (!json_is_array(arr))
    return fail(r, key, arr ? "expected an array" : "missing key");
  size_t i;
  json_t *o;
  json_array_foreach (arr, i, o) {
    char where[64];
    snprintf(where, sizeof where, "%s[%zu]", key, i);
    lw_status st = read_op(r, o, where, !required);
    if (st != LW_OK)
      return st;
  }
  return LW_OK;
}

/* Claimed metrics must agree with the program: a mismatch means the file
 * was edited or damaged. Keys beyond these (measured figures) are free. */
static lw_status check_metrics(reader *r, json_t *root) {
  json_t *m = json_object_get(root, "metrics");
  if (!m)
    return LW_OK;
  if (!json_is_object(m))
    return fail(r, "metrics", "expected an object");
  lw_program_compute_metrics(r->prog);
  const lw_metrics *have = &r->prog->metrics;
  const struct {
    const char *key;
    uint32_t value;
  } counts[] = {{"latency", have->latency},
                {"gate_cycles", have->gate_cycles},
                {"init_cycles", have->init_cycles},
                {"reinit_cells", have->reinit_cells},
                {"cells_used", have->cells_used}};
  char msg[200];
  for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
    json_t *v = json_object_get(m, counts[i].key);
    if (!v)
      continue;
    if (!json_is_integer(v) || json_integer_value(v) != counts[i].value) {
      snprintf(msg, sizeof msg, "%s is not %u, the value the program has",
               counts[i].key, counts[i].value);
      return fail(r, "metrics", msg);
    }
  }
  json_t *v = json_object_get(m, "toggle_estimate");
  if (v && (!json_is_number(v) ||
            fabs(json_number_value(v) - have->toggle_estimate) >
                1e-9 * (1 + fabs(have->toggle_estimate)))) {
    snprintf(msg, sizeof msg,
             "toggle_estimate is not %.17g, the value the program has",
             have->toggle_estimate);
    return fail(r, "metrics", msg);
  }
  return LW_OK;
}

static int field_from_json(const prov_field *f, json_t *v,
                           lw_provenance *prov) {
  void *at = (char *)prov + f->offset;
  json_int_t x = json_is_integer(v) ? json_integer_value(v) : -1;
  switch (f->type) {
  case STR:
    if (!json_is_string(v) && !json_is_null(v))
      return 0;
    *(char **)at = json_is_string(v) ? lw_strdup(json_string_value(v)) : NULL;
    return 1;
  case U32:
    *(uint32_t *)at = (uint32_t)x;
    return x >= 0 && x <= UINT32_MAX;
  case INT:
    *(int *)at = (int)x;
    return x >= 0 && x <= INT32_MAX;
  case BOOL:
    *(int *)at = json_is_true(v);
    return json_is_boolean(v);
  case REAL:
    *(double *)at = json_number_value(v);
    return json_is_number(v);
  case U64:
    *(uint64_t *)at = (uint64_t)x;
    return x >= 0;
  }
  return 0;
}

/* Optional (files written before it lack it); when present, every key must
 * be one of lw_provenance's fields with its type, and "lowwear" is needed. */
static lw_status read_provenance(reader *r, json_t *root) {
  json_t *o = json_object_get(root, "provenance");
  if (!o)
    return LW_OK;
  if (!json_is_object(o))
    return fail(r, "provenance", "expected an object");
  lw_provenance *prov = &r->prog->prov;
  const char *key;
  json_t *v;
  json_object_foreach (o, key, v) {
    const prov_field *f = NULL;
    for (size_t i = 0; i < NPROV_FIELDS && !f; i++)
      if (!strcmp(prov_fields[i].key, key))
        f = &prov_fields[i];
    char msg[160];
    snprintf(msg, sizeof msg, "unexpected key \"%.100s\"", key);
    if (!f)
      return fail(r, "provenance", msg);
    static const char *const wanted[] = {"a string",       "a whole number",
                                         "a whole number", "true or false",
                                         "a number",       "a whole number"};
    snprintf(msg, sizeof msg, "\"%s\" must be %s", f->key, wanted[f->type]);
    if (!field_from_json(f, v, prov))
      return fail(r, "provenance", msg);
  }
  if (!prov->lowwear)
    return fail(r, "provenance", "\"lowwear\" (the version) is missing");
  return LW_OK;
}

static lw_status read_root(reader *r, json_t *root) {
  if (!json_is_object(root))
    return fail(r, "top level", "expected a JSON object");
  json_t *format = json_object_get(root, "format");
  if (!json_is_string(format))
    return fail(r, "format",
                "missing key (expected \"" LW_PROGRAM_FORMAT "\")");
  if (strcmp(json_string_value(format), LW_PROGRAM_FORMAT)) {
    char msg[200];
    snprintf(msg, sizeof msg, "\"%.100s\" is not \"%s\"",
             json_string_value(format), LW_PROGRAM_FORMAT);
    return fail(r, "format", msg);
  }
  json_t *row = json_object_get(root, "row_size");
  if (!json_is_integer(row) || json_integer_value(row) < 1 ||
      json_integer_value(row) > (1 << 30))
    return fail(r, "row_size",
                row ? "expected a whole number from 1" : "missing key");
  const char *names[2] = {"circuit", "flow"};
  const char *text[2] = {"", ""};
  for (int i = 0; i < 2; i++) {
    json_t *v = json_object_get(root, names[i]);
    if (v && !json_is_string(v))
      return fail(r, names[i], "expected a string");
    if (v)
      text[i] = json_string_value(v);
  }
  r->prog = lw_program_new(text[0], text[1], (uint32_t)json_integer_value(row));
  lw_status st = read_pins(r, root, "inputs", 0);
  if (st == LW_OK)
    st = read_pins(r, root, "outputs", 1);
  if (st == LW_OK)
    st = read_ops(r, root, "setup", 0);
  if (st == LW_OK)
    st = read_ops(r, root, "cycles", 1);
  if (st == LW_OK)
    st = check_metrics(r, root);
  if (st == LW_OK)
    st = read_provenance(r, root);
  return st;
}

lw_status lw_io_read_program(const char *path, lw_program **prog,
                             lw_error *err) {
  *prog = NULL;
  json_error_t jerr;
  json_t *root = !path || !strcmp(path, "-")
                     ? json_loadf(stdin, JSON_REJECT_DUPLICATES, &jerr)
                     : json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
  const char *name = path && strcmp(path, "-") ? path : "<stdin>";
  if (!root) {
    if (json_error_code(&jerr) == json_error_cannot_open_file)
      return lw_error_set(err, LW_ERR_IO, name, 0, "%s", jerr.text);
    return lw_error_set(err, LW_ERR_PARSE, name, jerr.line > 0 ? jerr.line : 0,
                        "%s", jerr.text);
  }
  reader r = {name, NULL, err};
  lw_status st = read_root(&r, root);
  json_decref(root);
  if (st != LW_OK) {
    lw_program_free(r.prog);
    return st;
  }
  lw_program_compute_metrics(r.prog);
  *prog = r.prog;
  return LW_OK;
}
