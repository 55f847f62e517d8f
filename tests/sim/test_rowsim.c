/* The row simulator: a correct program over every paper gate and a wide
 * NOR passes; each precondition of docs/program.md, broken alone, is caught. */
#include "lw_test.h"

#include <string.h>

#include "lowwear/lowwear.h"
#include "net/net.h"
#include "net/program.h"
#include "sim/sim.h"

/* nor = NOR(a,b), nor3 = NOR(a,b,c), na = !a, imp = !a|b,
 * onor = !(a|b)|c, or = b|c, cpy = c */
static lw_net *circuit(void) {
  lw_net *net = lw_net_new("all");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b"),
           c = lw_net_add_pi(net, "c");
  lw_net_add_po(net,
                lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, NULL),
                "nor");
  lw_net_add_po(
      net, lw_net_add_node(net, LW_GATE_NOR3, 3, (uint32_t[]){a, b, c}, NULL),
      "nor3");
  lw_net_add_po(net, lw_net_add_node(net, LW_GATE_NOT, 1, &a, NULL), "na");
  lw_net_add_po(net,
                lw_net_add_node(net, LW_GATE_IMP, 2, (uint32_t[]){a, b}, NULL),
                "imp");
  lw_net_add_po(
      net, lw_net_add_node(net, LW_GATE_ONOR2, 3, (uint32_t[]){a, b, c}, NULL),
      "onor");
  lw_net_add_po(net,
                lw_net_add_node(net, LW_GATE_OR2, 2, (uint32_t[]){b, c}, NULL),
                "or");
  lw_net_add_po(net, c, "cpy");
  return net;
}

typedef enum variant {
  OK,
  NOT_INITIALISED,  /* c3 left out of the setup */
  WRONG_INIT,       /* OR's cell initialised to 0 */
  OUT_IS_OPERAND,   /* NOR(c0, c3) -> c3 */
  NO_REINIT,        /* a second gate into c3 without an INIT */
  COMPOSITE_EMPTY,  /* IMP over a cell that holds nothing */
  READS_UNWRITTEN,  /* NOR reads c11 */
  COMPOSITE_INPUT,  /* IMP overwrites input cell c1 after its last read */
  INIT_INPUT,       /* INIT of input cell c2 at the end */
  OUTSIDE_ROW,      /* a gate writes c12 of a 12-cell row */
  SETUP_GATE,       /* a NOR in the setup */
  SETUP_INPUT,      /* the setup initialises input cell c0 */
  SETUP_TWICE,      /* c7 twice in the setup */
  OUTPUT_MISSING,   /* "cpy" not placed */
  OUTPUT_WRONG,     /* "na" read from the "nor" cell */
  OUTPUT_UNWRITTEN, /* "cpy" read from c11 */
  INPUT_UNKNOWN,    /* an input the circuit does not have */
} variant;

static lw_program *program(variant v) {
  lw_program *p = lw_program_new("all", "test", 12);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b", 1);
  lw_program_add_input(p, "c", 2);
  if (v == INPUT_UNKNOWN)
    lw_program_add_input(p, "z", 11);
  if (v == NOT_INITIALISED)
    lw_program_add_init(p, 1, 0, (uint32_t[]){4, 5, 6, 7}, 4);
  else if (v == SETUP_INPUT)
    lw_program_add_init(p, 1, 0, (uint32_t[]){0, 3, 4, 5, 6, 7}, 6);
  else
    lw_program_add_init(p, 1, 0, (uint32_t[]){3, 4, 5, 6, 7}, 5);
  lw_program_add_init(p, 1, v == WRONG_INIT ? 0 : 1, (uint32_t[]){8}, 1);
  if (v == SETUP_TWICE)
    lw_program_add_init(p, 1, 0, (uint32_t[]){7}, 1);
  if (v == SETUP_GATE) {
    lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, 1}, 2, 10);
    lw_vec_push(&p->setup, lw_vec_pop(&p->cycles));
  }
  lw_program_add_gate(p, LW_GATE_NOR2,
                      (uint32_t[]){0, v == OUT_IS_OPERAND ? 3 : 1}, 2, 3);
  lw_program_add_gate(p, LW_GATE_NOR3, (uint32_t[]){0, 1, 2}, 3, 4);
  lw_program_add_gate(p, LW_GATE_NOT, (uint32_t[]){0}, 1, 5);
  lw_program_add_gate(p, LW_GATE_COPY, (uint32_t[]){1}, 1, 6);
  lw_program_add_gate(p, LW_GATE_IMP, (uint32_t[]){0}, 1, 6);
  lw_program_add_gate(p, LW_GATE_COPY, (uint32_t[]){2}, 1, 7);
  lw_program_add_gate(p, LW_GATE_ONOR2, (uint32_t[]){0, 1}, 2, 7);
  lw_program_add_gate(p, LW_GATE_OR2, (uint32_t[]){1, 2}, 2, 8);
  lw_program_add_init(p, 0, 0, (uint32_t[]){9}, 1);
  lw_program_add_gate(p, LW_GATE_COPY, (uint32_t[]){2}, 1, 9);
  if (v == NO_REINIT)
    lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, 1}, 2, 3);
  if (v == COMPOSITE_EMPTY)
    lw_program_add_gate(p, LW_GATE_IMP, (uint32_t[]){0}, 1, 10);
  if (v == READS_UNWRITTEN)
    lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, 11}, 2, 9);
  if (v == COMPOSITE_INPUT)
    lw_program_add_gate(p, LW_GATE_IMP, (uint32_t[]){0}, 1, 1);
  if (v == INIT_INPUT)
    lw_program_add_init(p, 0, 0, (uint32_t[]){2}, 1);
  if (v == OUTSIDE_ROW)
    lw_program_add_gate(p, LW_GATE_NOT, (uint32_t[]){0}, 1, 12);
  lw_program_add_output(p, "nor", 3);
  lw_program_add_output(p, "nor3", 4);
  lw_program_add_output(p, "na", v == OUTPUT_WRONG ? 3 : 5);
  lw_program_add_output(p, "imp", 6);
  lw_program_add_output(p, "onor", 7);
  lw_program_add_output(p, "or", 8);
  if (v != OUTPUT_MISSING)
    lw_program_add_output(p, "cpy", v == OUTPUT_UNWRITTEN ? 11 : 9);
  return p;
}

static lw_verify_report verify(variant v, int allow_input_overwrite) {
  lw_net *net = circuit();
  lw_program *p = program(v);
  lw_verify_params params = lw_verify_params_default();
  params.cec = 0;
  params.allow_input_overwrite = allow_input_overwrite;
  lw_verify_report report;
  lw_error err = {0};
  assert_int_equal(lw_sim_verify(net, p, &params, &report, &err), LW_OK);
  assert_int_equal(report.ncells, 12);
  lw_program_free(p);
  lw_net_free(net);
  return report;
}

static void test_correct_program(void **state) {
  (void)state;
  lw_verify_report r = verify(OK, 0);
  if (!r.ok)
    fail_msg("%s", r.first_error);
  assert_int_equal(r.nerrors, 0);
  assert_true(r.exhaustive);
  assert_int_equal(r.vectors, 8);
  assert_false(r.cec_ran);
  assert_true(r.flips_per_run > 0);
  assert_true(r.steady_flips_per_run >= r.flips_per_run);
  lw_verify_report_free(&r);
}

static void test_each_precondition(void **state) {
  (void)state;
  static const struct {
    variant v;
    const char *msg;
  } cases[] = {
      {NOT_INITIALISED, "T1: NOR needs cell 3 to hold 0 from an INIT"},
      {WRONG_INIT, "T8: OR needs cell 8 to hold 1"},
      {OUT_IS_OPERAND, "also one of its operands"},
      {NO_REINIT, "T11: NOR needs cell 3 to hold 0 from an INIT since its "
                  "last write, but it holds a computed value"},
      {COMPOSITE_EMPTY, "T11: IMP overwrites cell 10, which holds no value"},
      {READS_UNWRITTEN, "reads cell 11, which was never written"},
      {COMPOSITE_INPUT, "T11: IMP overwrites input cell 1"},
      {INIT_INPUT, "T11: INIT overwrites input cell 2"},
      {OUTSIDE_ROW, "T11: cell 12 is outside the row of 12 cells"},
      {SETUP_GATE, "setup[2]: only INIT may stand in the setup"},
      {SETUP_INPUT, "setup[0]: INIT writes input cell 0"},
      {SETUP_TWICE, "cell 7 is initialised twice in the setup"},
      {OUTPUT_MISSING, "circuit output cpy is not placed"},
      {OUTPUT_WRONG, "output na is wrong"},
      {OUTPUT_UNWRITTEN, "output cpy: cell 11 was never written"},
      {INPUT_UNKNOWN, "input z is not an input of the circuit"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    lw_verify_report r = verify(cases[i].v, 0);
    assert_false(r.ok);
    assert_true(r.nerrors >= 1);
    if (!strstr(r.first_error, cases[i].msg))
      fail_msg("case %zu: \"%s\" lacks \"%s\"", i, r.first_error, cases[i].msg);
    lw_verify_report_free(&r);
  }
  /* asked for, an input may be overwritten (after its last read) */
  lw_verify_report r = verify(COMPOSITE_INPUT, 1);
  if (!r.ok)
    fail_msg("%s", r.first_error);
  lw_verify_report_free(&r);
}

/* f = OR(a,b) computed as NOR, OR, INIT, COPY; flips by hand, exhaustive:
 * T1 c2 0->nor 1/4, T2 c3 1->or 1/4, T3 c2 nor->0 1/4, T4 c2 0->or 3/4;
 * next setup: c2 or->0 3/4, c3 or->1 1/4. */
static void test_flips(void **state) {
  (void)state;
  lw_net *net = lw_net_new("or");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  lw_net_add_po(
      net, lw_net_add_node(net, LW_GATE_ORN, 2, (uint32_t[]){a, b}, NULL), "f");
  lw_program *p = lw_program_new("or", "test", 5);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b", 1);
  lw_program_add_init(p, 1, 0, (uint32_t[]){2}, 1);
  lw_program_add_init(p, 1, 1, (uint32_t[]){3}, 1);
  lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, 1}, 2, 2);
  lw_program_add_gate(p, LW_GATE_OR2, (uint32_t[]){0, 1}, 2, 3);
  lw_program_add_init(p, 0, 0, (uint32_t[]){2}, 1);
  lw_program_add_gate(p, LW_GATE_COPY, (uint32_t[]){3}, 1, 2);
  lw_program_add_output(p, "f", 2);
  lw_verify_params params = lw_verify_params_default();
  params.cec = 0;
  lw_verify_report r;
  lw_error err = {0};
  assert_int_equal(lw_sim_verify(net, p, &params, &r, &err), LW_OK);
  if (!r.ok)
    fail_msg("%s", r.first_error);
  assert_int_equal(r.vectors, 4);
  assert_float_equal(r.flips_per_run, 1.5, 1e-12);
  assert_float_equal(r.steady_flips_per_run, 2.5, 1e-12);
  assert_float_equal(r.cell_flips[2], 2.0, 1e-12);
  assert_float_equal(r.cell_flips[3], 0.5, 1e-12);
  assert_float_equal(r.cell_flips[0], 0, 0);
  assert_int_equal(r.hottest_cell, 2);
  assert_float_equal(r.hottest_cell_flips, 2.0, 1e-12);
  lw_verify_report_free(&r);
  lw_program_free(p);
  lw_net_free(net);
}

/* lw_sim_row_run on a program lw_sim_row_check would call unsimulable:
 * an operand outside the row (1), a gate in the setup (2); 0: a sound one. */
static void run_broken(void *ctx) {
  int how = (int)(intptr_t)ctx;
  lw_program *p = lw_program_new("t", "t", 4);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b", 1);
  lw_program_add_init(p, 1, 0, (uint32_t[]){2}, 1);
  lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, how == 1 ? 9 : 1}, 2, 2);
  if (how == 2) {
    lw_op gate = lw_vec_pop(&p->cycles);
    lw_vec_push(&p->setup, gate);
  }
  lw_program_add_output(p, "y", 2);
  uint64_t in[2] = {0x5, 0x3}, cells[4], flips[4] = {0}, setup[4] = {0};
  lw_sim_row_run(p, 1, in, NULL, cells, flips, setup);
  lw_program_free(p);
}

static void test_run_checks_its_program(void **state) {
  (void)state;
  assert_false(lw_test_aborts(run_broken, (void *)(intptr_t)0, NULL, 0));
  lw_test_need_checks();
  for (int how = 1; how <= 2; how++)
    lw_test_expect_abort(run_broken, (void *)(intptr_t)how, "sim/rowsim.c");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_correct_program),
      cmocka_unit_test(test_each_precondition),
      cmocka_unit_test(test_flips),
      cmocka_unit_test(test_run_checks_its_program),
  };
  return lw_test_run(tests, NULL, NULL);
}
