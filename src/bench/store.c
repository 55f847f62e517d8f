/* One circuit's bench results as JSON (OUT/circuits/NAME.json), what a
 * worker leaves for the parent and a later run resumes from. Reals are
 * written by jansson with 17 significant digits, so a result read back is
 * bit-identical to the one written: a merged report equals a full run's. */
#include "bench/store.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "io/atomic.h"

/* Why the paper netlist was used, kept in the JSON beside "netlist". */
static const char *netlist_reason(const lw_bench_flow *f) {
  return f->netlist == LW_NETLIST_PAPER_ROW      ? "row"
         : f->netlist == LW_NETLIST_PAPER_TOGGLE ? "toggle"
                                                 : "";
}

/* ---- writing ------------------------------------------------------------- */

/* bench --device's results, only when it ran (results without it read back
 * as before). */
static json_t *device_json(const lw_bench_flow *f) {
  json_t *o = json_object();
  json_object_set_new(o, "pass", json_boolean(f->device_pass));
  json_object_set_new(o, "energy_j", json_real(f->device_energy_j));
  json_object_set_new(o, "init_share", json_real(f->device_init_share));
  json_object_set_new(o, "least_margin_nm",
                      json_real(f->device_least_margin_nm));
  json_object_set_new(o, "seconds", json_real(f->device_seconds));
  return o;
}

static json_t *flow_json(const lw_bench_flow *f, lw_flow_id id) {
  json_t *gates = json_object();
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_is_stateful((lw_gate_type)t))
      json_object_set_new(gates, lw_gate(t)->genlib, json_integer(f->gates[t]));
  json_t *o = json_object();
  json_object_set_new(o, "ran", json_boolean(f->ran));
  json_object_set_new(o, "min_row", json_integer(f->min_row));
  json_object_set_new(o, "row_size", json_integer(f->row_size));
  json_object_set_new(o, "latency", json_integer(f->latency));
  json_object_set_new(o, "gate_cycles", json_integer(f->gate_cycles));
  json_object_set_new(o, "init_cycles", json_integer(f->init_cycles));
  json_object_set_new(o, "gates", gates);
  json_object_set_new(o, "toggle_estimate", json_real(f->toggle_estimate));
  json_object_set_new(o, "measured_flips", json_real(f->measured_flips));
  json_object_set_new(o, "steady_flips", json_real(f->steady_flips));
  json_object_set_new(o, "hottest_cell_flips",
                      json_real(f->hottest_cell_flips));
  json_object_set_new(o, "mean_cell_flips", json_real(f->mean_cell_flips));
  json_object_set_new(o, "verified", json_boolean(f->verified));
  json_object_set_new(o, "vectors", json_integer((json_int_t)f->vectors));
  json_object_set_new(o, "exhaustive", json_boolean(f->exhaustive));
  if (lw_bench_best_of(id)) {
    json_object_set_new(o, "netlist",
                        json_string(lw_bench_netlist_name(f, id)));
    json_object_set_new(o, "netlist_reason", json_string(netlist_reason(f)));
  }
  if (f->exact_status != LW_EXACT_OFF) {
    json_object_set_new(
        o, "exact_status",
        json_string(lw_flow_exact_status_name(f->exact_status)));
    json_object_set_new(o, "exact_row", json_integer(f->exact_row));
    json_object_set_new(o, "exact_bound", json_integer(f->exact_bound));
  }
  json_object_set_new(o, "seconds", json_real(f->seconds));
  json_object_set_new(o, "verify_seconds", json_real(f->verify_seconds));
  json_object_set_new(o, "error", json_string(f->error));
  if (f->device_ran)
    json_object_set_new(o, "device", device_json(f));
  return o;
}

lw_status lw_bench_result_write(const lw_bench_circuit *c, const char *path,
                                lw_error *err) {
  json_t *flows = json_object();
  /* the paper's flows always (empty when they did not run); the others
   * only when the run included them, so a --no-wide result reads back as
   * one written before the wide flow existed */
  for (int i = 0; i < LW_BENCH_NFLOWS; i++) {
    lw_flow_id id = LW_BENCH_ORDER[i];
    if (i < LW_BENCH_NPAPER || c->flows[id].included)
      json_object_set_new(flows, lw_flow_name(id),
                          flow_json(&c->flows[id], id));
  }
  json_t *o = json_object();
  json_object_set_new(o, "format", json_string(LW_BENCH_FORMAT));
  json_object_set_new(o, "circuit", json_string(c->name));
  json_object_set_new(o, "suite", json_string(c->suite));
  json_object_set_new(o, "path", json_string(c->path));
  json_object_set_new(o, "index", json_integer(c->index));
  json_object_set_new(o, "status",
                      json_string(lw_bench_status_name(c->status)));
  json_object_set_new(o, "error", json_string(c->error));
  json_object_set_new(o, "chosen_row", json_integer(c->chosen_row));
  json_object_set_new(o, "seconds", json_real(c->seconds));
  json_object_set_new(o, "options", json_string(c->options));
  json_object_set_new(o, "flows", flows);

  lw_io_atomic out;
  lw_status st = lw_io_atomic_open(path, &out, err);
  if (st == LW_OK) {
    if (json_dumpf(o, out.file, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) ||
        fputc('\n', out.file) == EOF) {
      lw_io_atomic_abort(&out);
      st = lw_error_set(err, LW_ERR_IO, path, 0, "cannot write");
    } else {
      st = lw_io_atomic_commit(&out, err);
    }
  }
  json_decref(o);
  return st;
}

/* ---- reading ------------------------------------------------------------- */

static uint32_t get_u32(const json_t *o, const char *key) {
  const json_t *v = json_object_get(o, key);
  return json_is_integer(v) && json_integer_value(v) >= 0
             ? (uint32_t)json_integer_value(v)
             : 0;
}

static double get_real(const json_t *o, const char *key) {
  return json_number_value(json_object_get(o, key));
}

static void get_str(const json_t *o, const char *key, char *buf, size_t n) {
  const char *s = json_string_value(json_object_get(o, key));
  snprintf(buf, n, "%s", s ? s : "");
}

static void read_flow(const json_t *o, lw_bench_flow *f) {
  f->included = 1;
  f->ran = json_is_true(json_object_get(o, "ran"));
  f->min_row = get_u32(o, "min_row");
  f->row_size = get_u32(o, "row_size");
  f->latency = get_u32(o, "latency");
  f->gate_cycles = get_u32(o, "gate_cycles");
  f->init_cycles = get_u32(o, "init_cycles");
  const json_t *gates = json_object_get(o, "gates");
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_is_stateful((lw_gate_type)t))
      f->gates[t] = get_u32(gates, lw_gate(t)->genlib);
  const char *exact = json_string_value(json_object_get(o, "exact_status"));
  int es = exact ? lw_flow_exact_status_parse(exact) : -1;
  f->exact_status = es > 0 ? (lw_exact_status)es : LW_EXACT_OFF;
  f->exact_row = get_u32(o, "exact_row");
  f->exact_bound = get_u32(o, "exact_bound");
  f->toggle_estimate = get_real(o, "toggle_estimate");
  f->measured_flips = get_real(o, "measured_flips");
  f->steady_flips = get_real(o, "steady_flips");
  f->hottest_cell_flips = get_real(o, "hottest_cell_flips");
  f->mean_cell_flips = get_real(o, "mean_cell_flips");
  f->verified = json_is_true(json_object_get(o, "verified"));
  const json_t *v = json_object_get(o, "vectors");
  f->vectors = json_is_integer(v) ? (uint64_t)json_integer_value(v) : 0;
  f->exhaustive = json_is_true(json_object_get(o, "exhaustive"));
  char netlist[16], reason[16];
  get_str(o, "netlist", netlist, sizeof netlist);
  get_str(o, "netlist_reason", reason, sizeof reason);
  f->netlist = strcmp(netlist, "paper")    ? LW_NETLIST_OWN
               : !strcmp(reason, "toggle") ? LW_NETLIST_PAPER_TOGGLE
                                           : LW_NETLIST_PAPER_ROW;
  f->seconds = get_real(o, "seconds");
  f->verify_seconds = get_real(o, "verify_seconds");
  get_str(o, "error", f->error, sizeof f->error);
  const json_t *d = json_object_get(o, "device");
  if (json_is_object(d)) {
    f->device_ran = 1;
    f->device_pass = json_is_true(json_object_get(d, "pass"));
    f->device_energy_j = get_real(d, "energy_j");
    f->device_init_share = get_real(d, "init_share");
    f->device_least_margin_nm = get_real(d, "least_margin_nm");
    f->device_seconds = get_real(d, "seconds");
  }
}

lw_status lw_bench_result_read(const char *path, lw_bench_circuit *c,
                               lw_error *err) {
  memset(c, 0, sizeof *c);
  json_error_t jerr;
  json_t *o = json_load_file(path, 0, &jerr);
  if (!o)
    return lw_error_set(err, LW_ERR_PARSE, path, jerr.line, "%s", jerr.text);
  const char *format = json_string_value(json_object_get(o, "format"));
  const json_t *flows = json_object_get(o, "flows");
  const char *status = json_string_value(json_object_get(o, "status"));
  if (!format || strcmp(format, LW_BENCH_FORMAT) || !json_is_object(flows) ||
      !status) {
    json_decref(o);
    return lw_error_set(err, LW_ERR_PARSE, path, 0,
                        "not a bench result (format %s)", LW_BENCH_FORMAT);
  }
  get_str(o, "circuit", c->name, sizeof c->name);
  get_str(o, "suite", c->suite, sizeof c->suite);
  get_str(o, "path", c->path, sizeof c->path);
  c->index = get_u32(o, "index");
  c->status = LW_BENCH_FAILED;
  for (int s = 0; s < 3; s++)
    if (!strcmp(status, lw_bench_status_name((lw_bench_status)s)))
      c->status = (lw_bench_status)s;
  get_str(o, "error", c->error, sizeof c->error);
  c->chosen_row = get_u32(o, "chosen_row");
  c->seconds = get_real(o, "seconds");
  get_str(o, "options", c->options, sizeof c->options);
  for (int i = 0; i < LW_BENCH_NFLOWS; i++) {
    lw_flow_id id = LW_BENCH_ORDER[i];
    const json_t *f = json_object_get(flows, lw_flow_name(id));
    if (json_is_object(f))
      read_flow(f, &c->flows[id]);
  }
  json_decref(o);
  return LW_OK;
}

/* ---- folders ------------------------------------------------------------- */

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && !strcmp(s + a - b, suffix);
}

lw_status lw_bench_result_load_dir(const char *dir, lw_bench_circuits *out,
                                   lw_error *err) {
  char *sub = lw_path_join(dir, "circuits");
  DIR *d = opendir(sub);
  if (!d) {
    lw_status st = lw_error_set(err, LW_ERR_IO, sub, 0,
                                "cannot open the folder: %s", strerror(errno));
    lw_free(sub);
    return st;
  }
  lw_status st = LW_OK;
  struct dirent *e;
  while (st == LW_OK && (e = readdir(d))) {
    /* hidden names are atomic-write temporaries of a running worker */
    if (e->d_name[0] == '.' || !ends_with(e->d_name, ".json"))
      continue;
    char *path = lw_path_join(sub, e->d_name);
    lw_vec_resize(out, out->size + 1);
    st = lw_bench_result_read(path, &lw_vec_last(out), err);
    if (st != LW_OK)
      out->size--;
    lw_free(path);
  }
  closedir(d);
  lw_free(sub);
  return st;
}

static int by_index(const void *a, const void *b) {
  const lw_bench_circuit *x = a, *y = b;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return strcmp(x->name, y->name);
}

void lw_bench_result_sort(lw_bench_circuits *cs) {
  if (cs->size > 1)
    qsort(cs->data, cs->size, sizeof *cs->data, by_index);
  /* a circuit run in two shards (overlapping shard folders) is kept once */
  uint32_t n = 0;
  lw_vec_foreach (cs, i) {
    int dup = 0;
    for (uint32_t j = 0; j < n && !dup; j++)
      dup = !strcmp(cs->data[j].name, cs->data[i].name);
    if (!dup)
      cs->data[n++] = cs->data[i];
  }
  cs->size = n;
}
