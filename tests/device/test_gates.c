/* The device check's gate rows (device/gates.h) against the gate library
 * (net/gate.h): a device row that models a library gate must agree with it
 * on arity, the output's initial value and the truth table, and every
 * stateful gate the mapper can put in a program must have a device row. */
#include "lw_test.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "device/gates.h"
#include "net/gate.h"

/* Device rows with no library gate, each with why. */
static const char *const device_only[] = {
    "COPYr", /* COPY by a conditional reset (a one-input OR, output first
              * set to 1; docs/device.md): no program op of its own */
};

static int is_device_only(const char *name) {
  for (size_t i = 0; i < sizeof device_only / sizeof *device_only; i++)
    if (!strcmp(device_only[i], name))
      return 1;
  return 0;
}

/* The library gate of a device row: its name less any trailing digits is
 * the program op, its input devices the op's "in" operands. */
static lw_gate_type library_gate(const lw_dgate *g) {
  char op[16];
  snprintf(op, sizeof op, "%s", g->name);
  size_t n = strlen(op);
  while (n > 0 && isdigit((unsigned char)op[n - 1]))
    op[--n] = 0;
  return lw_gate_find_op(op, g->inputs);
}

static void assert_same_truth_table(const lw_dgate *g, lw_gate_type t) {
  int k = lw_dgate_operands(g);
  for (uint32_t bits = 0; bits < 1u << k; bits++) {
    int initial[LW_PMR_MAX_DEVICES], expected;
    lw_dgate_case(g, bits, initial, &expected);
    uint64_t in[LW_GATE_MAX_FANIN];
    for (int i = 0; i < k; i++)
      in[i] = initial[i] ? ~0ull : 0;
    uint64_t out = lw_gate_eval(t, in, (uint32_t)k);
    if ((int)(out & 1) != expected)
      fail_msg("%s, operands %u: device table says %d, gate table %d", g->name,
               bits, expected, (int)(out & 1));
  }
}

static void test_device_rows_agree_with_gate_table(void **state) {
  (void)state;
  int matched = 0;
  for (int i = 0; i < lw_dgate_count(); i++) {
    const lw_dgate *g = lw_dgate_at(i);
    lw_gate_type t = library_gate(g);
    if (t == LW_GATE_COUNT) {
      if (!is_device_only(g->name))
        fail_msg("device gate %s matches no gate of net/gate.h", g->name);
      continue;
    }
    const lw_gate_info *info = lw_gate(t);
    /* arity: every operand, the held output y included */
    assert_int_equal(lw_dgate_operands(g), info->arity);
    /* a HOLD output is the overwritten operand; otherwise it starts at init */
    if (g->init == LW_DINIT_HOLD) {
      assert_int_equal(info->init, -1);
      assert_int_equal(info->over, info->arity - 1);
    } else {
      assert_int_equal(info->init, g->init);
      assert_int_equal(info->over, -1);
    }
    assert_int_equal(g->group == LW_DGROUP_WIDE, info->lib == LW_LIB_WIDE);
    assert_same_truth_table(g, t);
    matched++;
  }
  assert_int_equal(matched + (int)(sizeof device_only / sizeof *device_only),
                   lw_dgate_count());
}

static void test_every_program_gate_has_a_device_row(void **state) {
  (void)state;
  for (int t = 0; t < LW_GATE_COUNT; t++) {
    if (!lw_gate_is_stateful((lw_gate_type)t))
      continue;
    int found = 0;
    for (int i = 0; i < lw_dgate_count(); i++)
      found |= library_gate(lw_dgate_at(i)) == (lw_gate_type)t;
    if (!found)
      fail_msg("gate %s (%s) has no device row", lw_gate_table[t].genlib,
               lw_gate_table[t].op);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_device_rows_agree_with_gate_table),
      cmocka_unit_test(test_every_program_gate_has_a_device_row),
  };
  return lw_test_run(tests, NULL, NULL);
}
