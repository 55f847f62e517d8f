/* The program viewer page (src/report/page.c): the full adder's page holds
 * its data as valid JSON with the program's cycles and cells, the gate
 * table's truth functions, is self-contained, survives a name that would
 * close its script element, and an incorrect program gets no page. */
#include "lw_test.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "lowwear/page.h"
#include "net/program.h"

static const char data_open[] =
    "<script type=\"application/json\" id=\"lowwear-data\">";

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
  s[n] = 0;
  fclose(f);
  return s;
}

/* The embedded data: the text between the data element's tags, parsed. */
static json_t *page_json(const char *page) {
  const char *start = strstr(page, data_open);
  assert_non_null(start);
  start += strlen(data_open);
  const char *end = strstr(start, "</script>");
  assert_non_null(end);
  json_error_t e;
  json_t *j = json_loadb(start, (size_t)(end - start), 0, &e);
  if (!j)
    fail_msg("embedded JSON, line %d: %s", e.line, e.text);
  return j;
}

static lw_net *circuit;
static lw_program *prog;

static void map_full_adder(void) {
  lw_test_need_abc();
  char path[1024];
  lw_test_source("examples/full_adder.blif", path, sizeof path);
  lw_flow_params fp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  fp.verify_params.cec = 0;
  lw_error err = {0};
  assert_int_equal(lw_flow_run(path, &fp, NULL, NULL, &prog, &err), LW_OK);
  circuit = lw_test_read_circuit(path);
}

static void drop_full_adder(void) {
  lw_program_free(prog);
  lw_net_free(circuit);
  prog = NULL;
  circuit = NULL;
}

static char *write_page(const char *name) {
  static char path[1100];
  snprintf(path, sizeof path, "%s/%s", lw_test_dir, name);
  lw_error err = {0};
  lw_status st = lw_page_write(circuit, prog, NULL, path, &err);
  if (st != LW_OK)
    fail_msg("lw_page_write: %s", err.msg);
  return slurp(path);
}

static void test_data_and_self_contained(void **state) {
  (void)state;
  map_full_adder();
  char *page = write_page("fa.html");
  json_t *d = page_json(page);
  assert_int_equal(json_array_size(json_object_get(d, "cycles")),
                   lw_program_latency(prog));
  assert_int_equal(json_integer_value(json_object_get(d, "row")),
                   lw_program_row_size(prog));
  assert_int_equal(json_array_size(json_object_get(d, "inputs")), 3);
  assert_int_equal(json_array_size(json_object_get(d, "outputs")), 2);
  json_t *flips = json_object_get(json_object_get(d, "wear"), "cell_flips");
  assert_int_equal(json_array_size(flips), lw_program_row_size(prog));
  double sum = 0;
  for (size_t c = 0; c < json_array_size(flips); c++)
    sum += json_real_value(json_array_get(flips, c));
  assert_true(sum > 0);
  for (char *s = page; *s; s++) /* the checks below ignore case */
    *s = (char)tolower((unsigned char)*s);
  const char *banned[] = {"http://", "https://", "<script src", "<link href",
                          "@lowwear_data@"};
  for (size_t k = 0; k < sizeof banned / sizeof *banned; k++)
    if (strstr(page, banned[k]))
      fail_msg("the page holds '%s'", banned[k]);
  json_decref(d);
  free(page);
  drop_full_adder();
}

/* The truth tables the page's script evaluates, against the gates'
 * definitions written out here (fanin k is bit k; the overwritten operand
 * last). */
static void test_truth_tables(void **state) {
  (void)state;
  map_full_adder();
  char *page = write_page("truth.html");
  json_t *d = page_json(page);
  json_t *gates = json_object_get(d, "gates");
  struct {
    lw_gate_type t;
    const char *truth;
  } want[] = {{LW_GATE_NOT, "10"},       {LW_GATE_COPY, "01"},
              {LW_GATE_NOR2, "1000"},    {LW_GATE_OR2, "0111"},
              {LW_GATE_IMP, "1011"},     {LW_GATE_ONOR2, "10001111"},
              {LW_GATE_NOR3, "10000000"}};
  for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
    json_t *g = json_array_get(gates, want[k].t);
    assert_string_equal(json_string_value(json_object_get(g, "truth")),
                        want[k].truth);
  }
  assert_true(json_is_null(json_array_get(gates, LW_GATE_PI)));
  json_decref(d);
  free(page);
  drop_full_adder();
}

/* A circuit name that would end the data's script element. */
static void test_escapes_script_end(void **state) {
  (void)state;
  map_full_adder();
  const char *name = "fa</script><script>alert(1)</script><!--";
  lw_free(prog->circuit);
  prog->circuit = lw_strdup(name);
  char *page = write_page("escape.html");
  json_t *d = page_json(page);
  assert_string_equal(json_string_value(json_object_get(d, "circuit")), name);
  assert_null(strstr(page, "alert(1)</script>"));
  json_decref(d);
  free(page);
  drop_full_adder();
}

/* An output moved to another cell: the program is wrong, no page. */
static void test_incorrect_program_no_page(void **state) {
  (void)state;
  map_full_adder();
  prog->outputs.data[0].cell = prog->outputs.data[1].cell;
  char path[1100];
  snprintf(path, sizeof path, "%s/wrong.html", lw_test_dir);
  lw_error err = {0};
  assert_int_equal(lw_page_write(circuit, prog, NULL, path, &err),
                   LW_ERR_VERIFY);
  assert_non_null(strstr(err.msg, "incorrect program"));
  assert_int_equal(access(path, F_OK), -1);
  drop_full_adder();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_data_and_self_contained),
      cmocka_unit_test(test_truth_tables),
      cmocka_unit_test(test_escapes_script_end),
      cmocka_unit_test(test_incorrect_program_no_page),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
