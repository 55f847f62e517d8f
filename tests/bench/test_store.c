/* A circuit's results written to OUT/circuits/NAME.json and read back are
 * the same results, bit for bit (bench --device's fields too); a folder of them
 * loads in index order with duplicates dropped; a flow a run left out has no
 * key; a missing, corrupt or foreign file is an error that names the file. */
#include "lw_test.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/proc.h"
#include "bench/store.h"

/* A flow that ran, its numbers drawn from seed (reals that decimal text
 * cannot hold exactly, so a lossy writer shows). */
static void ran(lw_bench_flow *f, uint32_t row, double seed) {
  f->included = f->ran = f->verified = 1;
  f->min_row = row - 3;
  f->row_size = row;
  f->latency = (uint32_t)(seed * 7);
  f->gate_cycles = f->latency - 4;
  f->init_cycles = 4;
  f->gates[LW_GATE_NOR2] = f->gate_cycles - 1;
  f->gates[LW_GATE_NOT] = 1;
  f->toggle_estimate = seed / 3;
  f->measured_flips = seed / 7;
  f->steady_flips = seed / 11;
  f->hottest_cell_flips = seed / 13;
  f->mean_cell_flips = seed / 17;
  f->vectors = 1ull << 40;
  f->exhaustive = seed > 5;
  f->seconds = seed / 19;
  f->verify_seconds = seed / 23;
  /* bench --device's results on some flows (seed above 5), none on the
   * others: both read back as written */
  if (seed > 5) {
    f->device_ran = 1;
    f->device_pass = seed < 9;
    f->device_energy_j = seed / 29 * 1e-7;
    f->device_init_share = seed / 31;
    f->device_least_margin_nm = seed / 37;
    f->device_seconds = seed / 41;
  }
}

/* c: the paper's three flows, and lowwear-wide from netlist when wide. */
static void result(lw_bench_circuit *c, const char *name, uint32_t index,
                   int wide, lw_bench_netlist netlist) {
  memset(c, 0, sizeof *c);
  snprintf(c->name, sizeof c->name, "%s", name);
  snprintf(c->suite, sizeof c->suite, "lgsynth91");
  snprintf(c->path, sizeof c->path, "/b/%s.pla", name);
  snprintf(c->options, sizeof c->options, "cec=1 seed=%u", index);
  c->index = index;
  c->chosen_row = 40 + index;
  c->seconds = 1.0 / (index + 3);
  for (int k = 0; k < LW_BENCH_NPAPER; k++)
    ran(&c->flows[LW_BENCH_ORDER[k]], c->chosen_row, 4.0 + k + index);
  /* bench --exact's figures, every status over the circuits */
  lw_bench_flow *low = &c->flows[LW_FLOW_LOWWEAR];
  low->exact_status = (lw_exact_status)(index % 4);
  if (low->exact_status != LW_EXACT_OFF) {
    low->exact_row = c->chosen_row - 1;
    low->exact_bound = c->chosen_row - 3;
  }
  if (wide) {
    ran(&c->flows[LW_FLOW_LOWWEAR_WIDE], c->chosen_row, 9.5);
    c->flows[LW_FLOW_LOWWEAR_WIDE].netlist = netlist;
  }
}

/* DIR/circuits/FILE, the folder made when missing. */
static char *file_path(const char *dir, const char *file) {
  char *sub = lw_path_join(dir, "circuits");
  mkdir(dir, 0777);
  mkdir(sub, 0777);
  char *path = lw_path_join(sub, file);
  lw_free(sub);
  return path;
}

static char *circuit_path(const char *dir, const char *name) {
  char file[160];
  snprintf(file, sizeof file, "%s.json", name);
  return file_path(dir, file);
}

static void write_result(const char *dir, const lw_bench_circuit *c) {
  char *path = circuit_path(dir, c->name);
  lw_error err;
  assert_int_equal(lw_bench_result_write(c, path, &err), LW_OK);
  lw_free(path);
}

static void write_text(const char *dir, const char *file, const char *text) {
  char *path = file_path(dir, file);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
  lw_free(path);
}

static void test_round_trip(void **state) {
  (void)state;
  lw_bench_circuit c[4];
  result(&c[0], "wide", 5, 1, LW_NETLIST_OWN);
  result(&c[1], "row", 2, 1, LW_NETLIST_PAPER_ROW);
  result(&c[2], "toggle", 9, 1, LW_NETLIST_PAPER_TOGGLE);
  result(&c[3], "bad", 0, 0, LW_NETLIST_OWN);
  c[3].status = LW_BENCH_UNVERIFIED;
  c[3].flows[LW_FLOW_LOSSS].verified = 0;
  snprintf(c[3].flows[LW_FLOW_LOSSS].error, 64, "output \"z\",\nvector 3");
  c[3].flows[LW_FLOW_SIMPLER].ran = 0;
  char *dir = lw_path_join(lw_test_dir, "trip");
  for (int i = 0; i < 4; i++)
    write_result(dir, &c[i]);
  /* a running worker's temporary and other files are not results */
  write_text(dir, ".wide.json", "{");
  write_text(dir, "notes.txt", "{");
  lw_bench_circuits back = {0};
  lw_error err;
  assert_int_equal(lw_bench_result_load_dir(dir, &back, &err), LW_OK);
  assert_int_equal(lw_bench_result_load_dir(dir, &back, &err), LW_OK);
  assert_int_equal(back.size, 8);
  lw_bench_result_sort(&back); /* by index, each name once */
  assert_int_equal(back.size, 4);
  static const int order[] = {3, 1, 0, 2};
  for (int i = 0; i < 4; i++)
    assert_memory_equal(&back.data[i], &c[order[i]], sizeof c[0]);
  lw_vec_free(&back);
  lw_free(dir);
}

/* A --no-wide result holds no key for the wide flow, as one written before
 * that flow existed; it reads back without it. */
static void test_flow_left_out(void **state) {
  (void)state;
  lw_bench_circuit c, back;
  result(&c, "narrow", 1, 0, LW_NETLIST_OWN);
  char *dir = lw_path_join(lw_test_dir, "narrow");
  write_result(dir, &c);
  char *path = circuit_path(dir, c.name);
  json_error_t jerr;
  json_t *o = json_load_file(path, 0, &jerr);
  assert_non_null(o);
  const json_t *flows = json_object_get(o, "flows");
  assert_null(json_object_get(flows, "lowwear-wide"));
  assert_non_null(json_object_get(flows, "simpler"));
  json_decref(o);
  lw_error err;
  assert_int_equal(lw_bench_result_read(path, &back, &err), LW_OK);
  assert_false(back.flows[LW_FLOW_LOWWEAR_WIDE].included);
  assert_true(back.flows[LW_FLOW_SIMPLER].included);
  lw_free(path);
  lw_free(dir);
}

/* read fails on path with status want, naming the file (and line > 0 when
 * line). */
static void expect_error(const char *path, lw_status want, int line) {
  lw_bench_circuit c;
  lw_error err;
  memset(&err, 0, sizeof err);
  assert_int_equal(lw_bench_result_read(path, &c, &err), want);
  assert_string_equal(err.file, path);
  assert_true(err.msg[0]);
  if (line)
    assert_true(err.line > 0);
}

static void test_bad_files(void **state) {
  (void)state;
  char *dir = lw_path_join(lw_test_dir, "bad");
  char *missing = circuit_path(dir, "missing");
  expect_error(missing, LW_ERR_PARSE, 0);
  write_text(dir, "cut.json",
             "{\n  \"format\": \"lowwear-bench-circuit/1\",\n");
  char *cut = circuit_path(dir, "cut");
  expect_error(cut, LW_ERR_PARSE, 1);
  write_text(dir, "other.json", "{\"format\": \"lowwear-program/1\"}\n");
  char *other = circuit_path(dir, "other");
  expect_error(other, LW_ERR_PARSE, 0);
  /* a folder holding one bad result does not load, and says which */
  lw_bench_circuits cs = {0};
  lw_error err;
  assert_int_equal(lw_bench_result_load_dir(dir, &cs, &err), LW_ERR_PARSE);
  assert_true(!strcmp(err.file, cut) || !strcmp(err.file, other));
  lw_vec_free(&cs);
  /* a folder without circuits/ is an error naming that folder */
  char *none = lw_path_join(lw_test_dir, "none");
  assert_int_equal(lw_bench_result_load_dir(none, &cs, &err), LW_ERR_IO);
  assert_non_null(strstr(err.file, "none/circuits"));
  assert_int_equal(cs.size, 0);
  lw_free(none);
  lw_free(other);
  lw_free(cut);
  lw_free(missing);
  lw_free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_flow_left_out),
      cmocka_unit_test(test_bad_files),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
