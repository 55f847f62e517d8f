/* The name tables the command line takes its names from (flows, program
 * and input formats, gate sets, cost models, synthesis modes, re-init
 * policies, rotate modes): every name parses back to its id and prints
 * back to itself, an unknown name parses to -1, the lists a message gives
 * hold exactly the listed names, and the binary's --help and errors list
 * them from the tables. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/lowwear.h"

typedef struct table {
  const char *what;
  lw_names names;
  int (*parse)(const char *name);
  const char *(*name)(int id);
} table;

/* The typed name functions, called through one signature. */
#define NAME_OF(fn, type)                                                      \
  static const char *fn##_int(int id) { return fn((type)id); }
NAME_OF(lw_flow_name, lw_flow_id)
NAME_OF(lw_io_format_name, lw_program_format)
NAME_OF(lw_io_input_format_name, lw_input_format)
NAME_OF(lw_synth_cost_name, lw_cost_model)
NAME_OF(lw_synth_gate_set_name, lw_gate_set)
NAME_OF(lw_synth_mode_name, lw_synth_mode)
NAME_OF(lw_flow_reinit_name, lw_reinit)
NAME_OF(lw_rotate_mode_name, lw_rotate_mode)

static table tables[8];

static int setup(void **state) {
  table t[] = {
      {"flow", lw_flow_names(), lw_flow_parse, lw_flow_name_int},
      {"format", lw_io_formats(), lw_io_format_parse, lw_io_format_name_int},
      {"input format", lw_io_input_formats(), lw_io_input_format_parse,
       lw_io_input_format_name_int},
      {"cost", lw_synth_costs(), lw_synth_cost_parse, lw_synth_cost_name_int},
      {"gates", lw_synth_gate_sets(), lw_synth_gate_set_parse,
       lw_synth_gate_set_name_int},
      {"synth", lw_synth_modes(), lw_synth_mode_parse, lw_synth_mode_name_int},
      {"reinit", lw_flow_reinits(), lw_flow_reinit_parse,
       lw_flow_reinit_name_int},
      {"rotate mode", lw_rotate_modes(), lw_rotate_mode_parse,
       lw_rotate_mode_name_int},
  };
  memcpy(tables, t, sizeof tables);
  return lw_test_dir_setup(state);
}

static void test_every_name_round_trips(void **state) {
  (void)state;
  for (size_t k = 0; k < sizeof tables / sizeof *tables; k++) {
    const table *t = &tables[k];
    assert_true(t->names.count >= 2);
    for (int i = 0; i < t->names.count; i++) {
      const lw_name *row = &t->names.rows[i];
      int parses_to = row->listed == 2 ? -1 : row->id; /* output only */
      if (t->parse(row->name) != parses_to)
        fail_msg("%s '%s' parses to %d, not %d", t->what, row->name,
                 t->parse(row->name), parses_to);
      const char *back = t->name(row->id);
      if (!back || strcmp(back, row->name))
        fail_msg("%s %d prints as '%s', not '%s'", t->what, row->id,
                 back ? back : "(null)", row->name);
      for (int j = 0; j < i; j++)
        assert_int_not_equal(t->names.rows[j].id, row->id);
    }
    assert_int_equal(t->parse("no-such-name"), -1);
    assert_int_equal(t->parse(""), -1);
    assert_int_equal(lw_names_parse(t->names, NULL), -1);
  }
}

/* The names a user cannot give: the simpler flow's own library. They name
 * its values in the provenance of a program, and are never listed. */
static void test_internal_values_are_output_only(void **state) {
  (void)state;
  assert_int_equal(lw_synth_cost_parse("simpler"), -1);
  assert_string_equal(lw_synth_cost_name(LW_COST_SIMPLER), "simpler");
  assert_int_equal(lw_synth_gate_set_parse("nor"), -1);
  assert_string_equal(lw_synth_gate_set_name(LW_GATES_NOR), "nor");
  char buf[64];
  lw_names_join(lw_synth_costs(), ", ", " or ", buf, sizeof buf);
  assert_null(strstr(buf, "simpler"));
}

/* lw_names_join lists the listed names, in order, with the separators. */
static void test_join_lists_the_listed_names(void **state) {
  (void)state;
  char buf[256];
  assert_string_equal(
      lw_names_join(lw_synth_costs(), ", ", " or ", buf, sizeof buf),
      "toggle, wear or equal");
  assert_string_equal(
      lw_names_join(lw_synth_gate_sets(), ", ", " or ", buf, sizeof buf),
      "paper or wide");
  /* sv is taken but not listed */
  assert_int_equal(lw_io_input_format_parse("sv"), LW_INPUT_SV);
  assert_string_equal(
      lw_names_join(lw_io_input_formats(), " | ", " | ", buf, sizeof buf),
      "blif | aag | aig | pla | v");
  char tiny[8];
  lw_names_join(lw_flow_names(), ", ", " or ", tiny, sizeof tiny);
  assert_string_equal(tiny, "simpler"); /* cut, terminated */
}

/* The binary's help lists each table's listed names; an unknown name's
 * error lists them all. */
static void test_cli_lists_come_from_the_tables(void **state) {
  (void)state;
  char cmd[1024], path[600], fa[512];
  snprintf(path, sizeof path, "%s/help", lw_test_dir);
  snprintf(cmd, sizeof cmd, "map --help >'%s'", path);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char help[1 << 15];
  size_t n = fread(help, 1, sizeof help - 1, f);
  help[n] = 0;
  fclose(f);
  char list[256];
  for (size_t k = 0; k < sizeof tables / sizeof *tables; k++) {
    if (!strcmp(tables[k].what, "rotate mode"))
      continue; /* wear's option; its help says more between the names */
    lw_names_join(tables[k].names, " | ", " | ", list, sizeof list);
    if (!strcmp(tables[k].what, "synth"))
      lw_names_join(tables[k].names, ", or ", ", or ", list, sizeof list);
    if (!strstr(help, list))
      fail_msg("map --help has no '%s' (the %s table)", list, tables[k].what);
  }
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  char *err = NULL;
  snprintf(cmd, sizeof cmd, "map '%s' --reinit nope", fa);
  assert_int_equal(lw_test_run_cli(cmd, &err), 2);
  lw_names_join(lw_flow_reinits(), ", ", " or ", list, sizeof list);
  assert_non_null(strstr(err, list));
  assert_non_null(strstr(err, "'nope'"));
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_name_round_trips),
      cmocka_unit_test(test_internal_values_are_output_only),
      cmocka_unit_test(test_join_lists_the_listed_names),
      cmocka_unit_test(test_cli_lists_come_from_the_tables),
  };
  return cmocka_run_group_tests(tests, setup, lw_test_dir_teardown);
}
