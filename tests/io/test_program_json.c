/* Program JSON: round trip, strict reader errors, atomic writes. */
#include "lw_test.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "io/atomic.h"
#include "io/print.h"
#include "lowwear/lowwear.h"
#include "lowwear/version.h"
#include "net/program.h"

/* A program using every paper gate and a wide NOR. */
static lw_program *sample(void) {
  lw_program *p = lw_program_new("sample \"q\"", "lowwear", 12);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b[1]", 1);
  lw_program_add_input(p, "c", 2);
  lw_program_add_init(p, 1, 0, (uint32_t[]){3, 4, 5, 6, 7}, 5);
  lw_program_add_init(p, 1, 1, (uint32_t[]){8}, 1);
  lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, 1}, 2, 3);
  lw_program_add_gate(p, LW_GATE_NOR3, (uint32_t[]){0, 1, 2}, 3, 4);
  lw_program_add_gate(p, LW_GATE_NOT, (uint32_t[]){0}, 1, 5);
  lw_program_add_gate(p, LW_GATE_COPY, (uint32_t[]){1}, 1, 6);
  lw_program_add_gate(p, LW_GATE_IMP, (uint32_t[]){0}, 1, 6);
  lw_program_add_gate(p, LW_GATE_ONOR2, (uint32_t[]){0, 1}, 2, 3);
  lw_program_add_gate(p, LW_GATE_OR2, (uint32_t[]){1, 2}, 2, 8);
  lw_program_add_init(p, 0, 0, (uint32_t[]){5, 9}, 2);
  lw_program_add_gate(p, LW_GATE_COPY, (uint32_t[]){2}, 1, 9);
  lw_program_add_output(p, "n", 3);
  lw_program_add_output(p, "w", 4);
  lw_program_add_output(p, "o", 8);
  lw_program_add_output(p, "k", 9);
  return p;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = calloc(1, 1 << 20);
  size_t n = fread(buf, 1, (1 << 20) - 1, f);
  buf[n] = 0;
  fclose(f);
  return buf;
}

static void spit(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static void test_round_trip(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  char *path = lw_path_join(dir, "p.json");
  char *again = lw_path_join(dir, "q.json");
  lw_program *p = sample();
  lw_error err = {0};
  assert_int_equal(lw_io_write_program(p, path, LW_FORMAT_JSON, &err), LW_OK);
  lw_program *q = NULL;
  assert_int_equal(lw_io_read_program(path, &q, &err), LW_OK);
  assert_string_equal(q->circuit, p->circuit);
  assert_string_equal(q->flow, "lowwear");
  assert_int_equal(q->row_size, 12);
  assert_int_equal(q->inputs.size, 3);
  assert_string_equal(q->inputs.data[1].name, "b[1]");
  assert_int_equal(q->outputs.data[3].cell, 9);
  assert_int_equal(q->setup.size, 2);
  assert_int_equal(q->cycles.size, p->cycles.size);
  lw_vec_foreach (&p->cycles, i) {
    const lw_op *a = &p->cycles.data[i], *b = &q->cycles.data[i];
    assert_int_equal(a->type, b->type);
    if (a->type == LW_OP_INIT) {
      assert_int_equal(a->ncells, b->ncells);
      assert_int_equal(a->value, b->value);
      for (uint32_t k = 0; k < a->ncells; k++)
        assert_int_equal(lw_op_cells(p, a)[k], lw_op_cells(q, b)[k]);
    } else {
      assert_int_equal(a->nin, b->nin);
      assert_int_equal(a->out, b->out);
      assert_memory_equal(a->in, b->in, a->nin * sizeof(uint32_t));
    }
  }
  lw_program_compute_metrics(p);
  assert_int_equal(q->metrics.latency, 9);
  assert_int_equal(q->metrics.init_cycles, 1);
  assert_int_equal(q->metrics.reinit_cells, 1); /* c5, written by NOT */
  assert_float_equal(q->metrics.toggle_estimate, p->metrics.toggle_estimate, 0);
  /* written again, the file is byte for byte the same */
  assert_int_equal(lw_io_write_program(q, again, LW_FORMAT_JSON, &err), LW_OK);
  char *t1 = slurp(path), *t2 = slurp(again);
  assert_string_equal(t1, t2);
  assert_non_null(
      strstr(t1, "{\"op\": \"NOR\", \"in\": [0, 1, 2], \"out\": 4}"));
  assert_non_null(strstr(t1, "\"NOR3\": 1"));
  /* key order of docs/program.md */
  const char *keys[] = {"\"format\"",   "\"circuit\"", "\"flow\"",
                        "\"row_size\"", "\"inputs\"",  "\"outputs\"",
                        "\"setup\"",    "\"cycles\"",  "\"metrics\""};
  const char *prev = t1;
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const char *at = strstr(t1, keys[i]);
    assert_non_null(at);
    assert_true(at >= prev);
    prev = at;
  }
  free(t1);
  free(t2);
  lw_program_free(p);
  lw_program_free(q);
  lw_free(path);
  lw_free(again);
  lw_tmpdir_remove(dir);
}

static void test_double_text_round_trips(void **state) {
  (void)state;
  const double xs[] = {61.375, 0.1, 1.0 / 3, 2.5e-7, 123456789.125, 0};
  for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
    char buf[32];
    lw_io_double_text(xs[i], buf);
    assert_true(strtod(buf, NULL) == xs[i]);
  }
  char buf[32];
  lw_io_double_text(0.1, buf);
  assert_string_equal(buf, "0.1");
}

/* A file whose "provenance" is x. */
#define PROV(x)                                                                \
  "{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"provenance\": " x    \
  ", \"inputs\": [], \"outputs\": [], \"cycles\": []}"

/* Each broken file and a piece of the message it must give. */
static void test_reader_errors(void **state) {
  (void)state;
  static const struct {
    const char *text, *msg;
    int line;
  } cases[] = {
      {"{\"format\": \"lowwear-program/2\", \"row_size\": 4, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": []}",
       "lowwear-program/1", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": [{\"op\": \"XOR\", \"in\": [0, 1], "
       "\"out\": 2}]}",
       "unknown op \"XOR\"", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 8, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": [{\"op\": \"NOR\", \"in\": [0, 1, 2, 3, "
       "4], \"out\": 6}]}",
       "NOR takes 2 to 4 operands", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": [{\"op\": \"IMP\", \"in\": [0, 1], "
       "\"out\": 2}]}",
       "IMP takes 1 operands", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": "
       "[{\"name\": \"a\", \"cell\": 4}], \"outputs\": [], \"cycles\": []}",
       "inputs[0].cell: 4 is out of range", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": "
       "[{\"name\": \"a\", \"cell\": 1.5}], \"outputs\": [], \"cycles\": []}",
       "whole number", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": [], "
       "\"cycles\": []}",
       "outputs: missing key", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": [{\"op\": \"INIT\", \"value\": 2, "
       "\"cells\": [1]}]}",
       "value\": 0 or 1", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": [{\"op\": \"INIT\", \"value\": 1, "
       "\"cell\": [1]}]}",
       "unexpected key \"cell\"", 0},
      {"{\"format\": \"lowwear-program/1\", \"row_size\": 4, \"inputs\": [], "
       "\"outputs\": [], \"cycles\": [{\"op\": \"INIT\", \"value\": 1, "
       "\"cells\": [1]}], \"metrics\": {\"latency\": 7}}",
       "latency is not 1", 0},
      {PROV("[]"), "provenance: expected an object", 0},
      {PROV("{\"flow\": \"lowwear\"}"), "\"lowwear\" (the version) is missing",
       0},
      {PROV("{\"lowwear\": \"0.1.0\", \"sed\": 1}"), "unexpected key \"sed\"",
       0},
      {PROV("{\"lowwear\": \"0.1.0\", \"seed\": -1}"),
       "\"seed\" must be a whole", 0},
      {PROV("{\"lowwear\": \"0.1.0\", \"cec\": 1}"),
       "\"cec\" must be true or false", 0},
      {PROV("{\"lowwear\": 1}"), "\"lowwear\" must be a string", 0},
      {PROV("{\"lowwear\": \"0.1.0\", \"latency_slack\": \"x\"}"),
       "\"latency_slack\" must be a number", 0},
      {"{\n\"format\": \"lowwear-program/1\",\n\"row_size\": 4,\n"
       "\"inputs\": [,]}",
       "", 4},
  };
  char *dir = lw_tmpdir_new();
  char *path = lw_path_join(dir, "bad.json");
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    spit(path, cases[i].text);
    lw_program *p = (lw_program *)1;
    lw_error err = {0};
    assert_int_equal(lw_io_read_program(path, &p, &err), LW_ERR_PARSE);
    assert_null(p);
    if (!strstr(err.msg, cases[i].msg))
      fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.msg, cases[i].msg);
    assert_string_equal(err.file, path);
    if (cases[i].line)
      assert_int_equal(err.line, cases[i].line);
  }
  lw_program *p = NULL;
  lw_error err = {0};
  assert_int_equal(lw_io_read_program("/nonexistent/x.json", &p, &err),
                   LW_ERR_IO);
  lw_free(path);
  lw_tmpdir_remove(dir);
}

static int count_files(const char *dir) {
  DIR *d = opendir(dir);
  int n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += e->d_name[0] != '.' || strstr(e->d_name, ".tmp.") != NULL;
  closedir(d);
  return n;
}

static void test_atomic_writes(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  char *path = lw_path_join(dir, "p.json");
  lw_program *p = sample();
  lw_error err = {0};
  /* a folder that does not exist: error, nothing created */
  assert_int_equal(
      lw_io_write_program(p, "/nonexistent/dir/p.json", LW_FORMAT_JSON, &err),
      LW_ERR_IO);
  assert_int_not_equal(access("/nonexistent/dir/p.json", F_OK), 0);
  /* a failure half way keeps the old file and leaves no temporary one */
  assert_int_equal(lw_io_write_program(p, path, LW_FORMAT_JSON, &err), LW_OK);
  char *before = slurp(path);
  lw_program *bad = sample();
  lw_program_add_gate(bad, LW_GATE_AND, (uint32_t[]){0, 1}, 2, 10);
  for (int format = 0; format < 3; format++) {
    assert_int_equal(lw_io_write_program(bad, path, format, &err),
                     LW_ERR_INTERNAL);
    char *after = slurp(path);
    assert_string_equal(before, after);
    free(after);
    assert_int_equal(count_files(dir), 1);
  }
  /* the atomic helper on its own: abort leaves nothing */
  char *other = lw_path_join(dir, "other.txt");
  lw_io_atomic out;
  assert_int_equal(lw_io_atomic_open(other, &out, &err), LW_OK);
  fputs("half", out.file);
  lw_io_atomic_abort(&out);
  assert_int_not_equal(access(other, F_OK), 0);
  assert_int_equal(count_files(dir), 1);
  assert_int_equal(lw_io_atomic_open(other, &out, &err), LW_OK);
  fputs("whole", out.file);
  assert_int_equal(lw_io_atomic_commit(&out, &err), LW_OK);
  char *text = slurp(other);
  assert_string_equal(text, "whole");
  free(text);
  free(before);
  lw_free(other);
  lw_program_free(p);
  lw_program_free(bad);
  lw_free(path);
  lw_tmpdir_remove(dir);
}

/* The provenance of a sample: every kind of field set. */
static void set_provenance(lw_program *p) {
  lw_provenance *v = &p->prov;
  v->lowwear = lw_strdup(LW_VERSION);
  v->flow = lw_strdup("lowwear-wide");
  v->row_requested = 0;
  v->row_used = p->row_size;
  v->min_row = 11;
  v->gates = lw_strdup("wide");
  v->max_inputs = 3;
  v->cost = lw_strdup("wear");
  v->synth = lw_strdup("abc");
  v->abc_script = lw_strdup("strash; {dch; map -a | \"q\"; map}");
  v->abc_alternative = 2;
  v->abc_alternatives = 2;
  v->netlist_gates = lw_strdup("paper");
  v->reinit = lw_strdup("batch");
  v->paper_rules = 1;
  v->prob_reinit = 1;
  v->latency_slack = 0.05;
  v->verified = 1;
  v->vectors = 8192;
  v->seed = 4000000000ull;
  v->variant = 1;
  v->variants = 3;
}

/* Written after row_size, read back field by field, written again byte for
 * byte; without it the file is the older one, line for line, and reads. */
static void test_provenance_round_trip(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  char *with = lw_path_join(dir, "with.json");
  char *again = lw_path_join(dir, "again.json");
  char *without = lw_path_join(dir, "without.json");
  lw_program *p = sample();
  lw_error err = {0};
  assert_int_equal(lw_io_write_program(p, without, LW_FORMAT_JSON, &err),
                   LW_OK);
  set_provenance(p);
  assert_int_equal(lw_io_write_program(p, with, LW_FORMAT_JSON, &err), LW_OK);
  lw_program *q = NULL;
  assert_int_equal(lw_io_read_program(with, &q, &err), LW_OK);
  const lw_provenance *a = &p->prov, *b = &q->prov;
  assert_string_equal(b->lowwear, LW_VERSION);
  assert_string_equal(b->flow, a->flow);
  assert_string_equal(b->abc_script, a->abc_script);
  assert_string_equal(b->netlist_gates, "paper");
  assert_string_equal(b->reinit, "batch");
  assert_int_equal(b->min_row, 11);
  assert_int_equal(b->row_used, 12);
  assert_int_equal(b->max_inputs, 3);
  assert_int_equal(b->abc_alternative, 2);
  assert_true(b->paper_rules && b->prob_reinit && b->verified);
  assert_false(b->wear_aware || b->cec);
  assert_float_equal(b->latency_slack, 0.05, 0);
  assert_true(b->seed == 4000000000ull);
  assert_int_equal(b->variants, 3);
  assert_int_equal(lw_io_write_program(q, again, LW_FORMAT_JSON, &err), LW_OK);
  char *t1 = slurp(with), *t2 = slurp(again), *t0 = slurp(without);
  assert_string_equal(t1, t2);
  const char *line = strstr(t1, "  \"provenance\": {\"lowwear\": \"" LW_VERSION
                                "\", \"flow\": \"lowwear-wide\", ");
  assert_non_null(line);
  assert_non_null(strstr(t1, "\"row_size\": 12,\n  \"provenance\""));
  assert_non_null(strstr(line, "\"latency_slack\": 0.05, "));
  assert_non_null(strstr(line, "\"abc_script\": \"strash; {dch; map -a | "
                               "\\\"q\\\"; map}\""));
  /* the rest is the file without provenance, byte for byte */
  const char *end = strchr(line, '\n') + 1;
  assert_int_equal(strlen(t1) - (size_t)(end - line), strlen(t0));
  assert_memory_equal(t1, t0, (size_t)(line - t1));
  assert_string_equal(end, t0 + (line - t1));
  /* the text form carries the same object on a comment line */
  assert_int_equal(lw_io_write_program(p, again, LW_FORMAT_TEXT, &err), LW_OK);
  char *text = slurp(again);
  assert_non_null(strstr(text, "\n# provenance {\"lowwear\": \"" LW_VERSION
                               "\", \"flow\": \"lowwear-wide\", "));
  free(text);
  lw_program_free(q);
  q = NULL;
  assert_int_equal(lw_io_read_program(without, &q, &err), LW_OK);
  assert_null(q->prov.lowwear);
  free(t0);
  free(t1);
  free(t2);
  lw_program_free(p);
  lw_program_free(q);
  lw_free(with);
  lw_free(again);
  lw_free(without);
  lw_tmpdir_remove(dir);
}

/* The version has one source, project(VERSION) in CMakeLists.txt: the
 * library's LW_VERSION and `lowwear --version` say the same. */
static void test_version_one_source(void **state) {
  (void)state;
  char buf[512];
  char *cmake = slurp(lw_test_source("CMakeLists.txt", buf, sizeof buf));
  assert_non_null(cmake);
  const char *at = strstr(cmake, "project(lowwear VERSION ");
  assert_non_null(at);
  char version[32] = "";
  assert_int_equal(sscanf(at, "project(lowwear VERSION %31s", version), 1);
  assert_string_equal(version, LW_VERSION);
  free(cmake);
  char *dir = lw_tmpdir_new();
  char *out = lw_path_join(dir, "v.txt");
  char args[600];
  snprintf(args, sizeof args, "--version >%s", out);
  assert_int_equal(lw_test_run_cli(args, NULL), 0);
  char *text = slurp(out);
  char want[64];
  snprintf(want, sizeof want, "lowwear %s\n", version);
  assert_string_equal(text, want);
  free(text);
  lw_free(out);
  lw_tmpdir_remove(dir);
}

/* `lowwear map` with options OPTS into dir/NAME; the file's text. */
static char *map_to(const char *dir, const char *name, const char *opts) {
  char buf[512], args[1400];
  snprintf(args, sizeof args, "map %s %s -o %s/%s",
           lw_test_source("examples/full_adder.blif", buf, sizeof buf), opts,
           dir, name);
  char *err = NULL;
  int rc = lw_test_run_cli(args, &err);
  if (rc != 0)
    fail_msg("lowwear %s: exit %d: %s", args, rc, err);
  free(err);
  snprintf(args, sizeof args, "%s/%s", dir, name);
  return slurp(args);
}

static json_t *provenance_of(const char *text) {
  json_error_t jerr;
  json_t *root = json_loads(text, 0, &jerr);
  assert_non_null(root);
  json_t *prov = json_incref(json_object_get(root, "provenance"));
  json_decref(root);
  assert_true(json_is_object(prov));
  return prov;
}

/* The line of text that holds "provenance". */
static char *provenance_line(const char *text) {
  const char *at = strstr(text, "  \"provenance\"");
  assert_non_null(at);
  return lw_strndup(at, (size_t)(strchr(at, '\n') - at));
}

/* The options given show up in the provenance; the same command gives the
 * same bytes; another seed or flow gives another provenance. */
static void test_provenance_of_map(void **state) {
  (void)state;
  if (!lw_test_have_abc())
    skip();
  char *dir = lw_tmpdir_new();
  const char *opts = "--flow losss --row 10 --seed 7 --vectors 100 "
                     "--reinit batch --paper-rules --cost toggle";
  char *one = map_to(dir, "one.json", opts);
  char *two = map_to(dir, "two.json", opts);
  assert_string_equal(one, two);
  json_t *p = provenance_of(one);
  assert_string_equal(json_string_value(json_object_get(p, "lowwear")),
                      LW_VERSION);
  assert_string_equal(json_string_value(json_object_get(p, "flow")), "losss");
  assert_int_equal(json_integer_value(json_object_get(p, "row_requested")), 10);
  assert_int_equal(json_integer_value(json_object_get(p, "row_used")), 10);
  assert_int_equal(json_integer_value(json_object_get(p, "seed")), 7);
  assert_int_equal(json_integer_value(json_object_get(p, "vectors")), 100);
  assert_string_equal(json_string_value(json_object_get(p, "reinit")), "batch");
  assert_true(json_is_true(json_object_get(p, "paper_rules")));
  assert_string_equal(json_string_value(json_object_get(p, "cost")), "toggle");
  assert_string_equal(json_string_value(json_object_get(p, "gates")), "paper");
  assert_string_equal(json_string_value(json_object_get(p, "synth")), "abc");
  /* the script in effect: the flow's default, written out */
  const char *script = json_string_value(json_object_get(p, "abc_script"));
  assert_non_null(script);
  assert_non_null(strstr(script, "&nf -a"));
  json_int_t alt = json_integer_value(json_object_get(p, "abc_alternative"));
  json_int_t alts = json_integer_value(json_object_get(p, "abc_alternatives"));
  assert_true(alt >= 1 && alt <= alts);
  assert_true(json_is_true(json_object_get(p, "verified")));
  /* nothing that changes between runs: no path, no time */
  assert_null(strstr(one, dir));
  json_decref(p);

  /* another seed: only the provenance's seed differs (the program does
   * not depend on it) */
  char *seeded = map_to(dir, "seed.json",
                        "--flow losss --row 10 --seed 8 --vectors 100 "
                        "--reinit batch --paper-rules --cost toggle");
  char *l1 = provenance_line(one), *l2 = provenance_line(seeded);
  assert_string_not_equal(l1, l2);
  assert_non_null(strstr(l2, "\"seed\": 8,"));
  assert_int_equal(strlen(one), strlen(seeded));
  lw_free(l2);
  /* another flow, its own defaults */
  char *lowwear = map_to(dir, "lowwear.json", "--flow lowwear");
  p = provenance_of(lowwear);
  assert_string_equal(json_string_value(json_object_get(p, "flow")), "lowwear");
  assert_int_equal(json_integer_value(json_object_get(p, "row_requested")), 0);
  assert_int_equal(json_integer_value(json_object_get(p, "row_used")),
                   json_integer_value(json_object_get(p, "min_row")));
  assert_string_equal(json_string_value(json_object_get(p, "reinit")),
                      "demand");
  assert_int_equal(json_integer_value(json_object_get(p, "seed")), 1);
  l2 = provenance_line(lowwear);
  assert_string_not_equal(l1, l2);
  json_decref(p);
  lw_free(l1);
  lw_free(l2);
  free(one);
  free(two);
  free(seeded);
  free(lowwear);
  lw_tmpdir_remove(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_double_text_round_trips),
      cmocka_unit_test(test_reader_errors),
      cmocka_unit_test(test_atomic_writes),
      cmocka_unit_test(test_provenance_round_trip),
      cmocka_unit_test(test_version_one_source),
      cmocka_unit_test(test_provenance_of_map),
  };
  return lw_test_run(tests, NULL, NULL);
}
