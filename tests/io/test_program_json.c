/* Program JSON: round trip, strict reader errors, atomic writes. */
#include "lw_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "io/atomic.h"
#include "io/program.h"
#include "lowwear/lowwear.h"
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
  lw_vec_foreach(&p->cycles, i) {
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_double_text_round_trips),
      cmocka_unit_test(test_reader_errors),
      cmocka_unit_test(test_atomic_writes),
  };
  return lw_test_run(tests, NULL, NULL);
}
