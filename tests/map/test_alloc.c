/* The cell pools' invariant (src/map/alloc.c): a sound row passes, broken
 * ones abort, also when lw_map_alloc is fed an execution order that breaks
 * the rule of composites (the other readers of the value first). */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/assert.h"
#include "base/str.h"
#include "io/print.h"
#include "map/alloc.h"
#include "map/map.h"
#include "net/program.h"

/* ---- lw_map_check_cells directly ----------------------------------------- */

typedef struct cells_case {
  uint32_t pool_a[4], na, pool_b[4], nb, live[4], nlive;
} cells_case;

/* row of 8: cells 0-1 fixed, the rest spread over two pools and live */
static const cells_case cases[] = {
    {{2, 3}, 2, {4}, 1, {5, 6, 7}, 3},    /* sound */
    {{2, 3}, 2, {3, 4}, 2, {5, 6, 7}, 3}, /* 3 free twice */
    {{2, 3}, 2, {4}, 1, {4, 6, 7}, 3},    /* 4 free and live */
    {{2, 3}, 2, {4}, 1, {5, 5, 7}, 3},    /* 5 holds two live values */
    {{2, 3}, 2, {4}, 1, {5, 6}, 2},       /* 7 is nowhere */
    {{1, 3}, 2, {4}, 1, {5, 6, 7}, 3},    /* 1 is fixed and free */
};

static void check_case(void *ctx) {
  const cells_case *c = ctx;
  lw_u32s a = {.data = (uint32_t *)c->pool_a, .size = c->na, .cap = c->na};
  lw_u32s b = {.data = (uint32_t *)c->pool_b, .size = c->nb, .cap = c->nb};
  const lw_u32s *pools[] = {&a, &b};
  lw_map_check_cells(8, 2, pools, 2, c->live, c->nlive);
}

static void test_check_cells(void **state) {
  (void)state;
  assert_false(lw_test_aborts(check_case, (void *)&cases[0], NULL, 0));
  lw_test_need_checks();
  for (size_t i = 1; i < sizeof cases / sizeof *cases; i++)
    lw_test_expect_abort(check_case, (void *)&cases[i], "map/alloc.c");
}

/* ---- through lw_map_alloc ------------------------------------------------ */

/* y = NOR(a, b); r = NOT(y); o = ONOR(a, b) overwriting y; outputs r, o */
typedef struct fixture {
  lw_net *net;
  lw_map_view view;
  uint32_t y, r, o;
} fixture;

static void build(fixture *f) {
  f->net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(f->net, "a"), b = lw_net_add_pi(f->net, "b");
  f->y = lw_net_add_node(f->net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "y");
  f->r = lw_net_add_node(f->net, LW_GATE_NOT, 1, &f->y, "r");
  f->o =
      lw_net_add_node(f->net, LW_GATE_ONOR2, 3, (uint32_t[]){a, b, f->y}, "o");
  lw_net_add_po(f->net, f->r, "r");
  lw_net_add_po(f->net, f->o, "o");
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(f->net, &f->view, &err), LW_OK);
}

/* Map in the order y, then r and o as `composite_last` says. */
static void map_in_order(void *ctx) {
  int composite_last = (int)(intptr_t)ctx;
  fixture f;
  build(&f);
  lw_u32s order = {0};
  lw_vec_push(&order, f.y);
  lw_vec_push(&order, composite_last ? f.r : f.o);
  lw_vec_push(&order, composite_last ? f.o : f.r);
  lw_map_params mp = lw_map_params_default();
  mp.flow = "test";
  lw_program *prog = lw_program_new("t", "test", 8);
  lw_error err = {0};
  lw_status st = lw_map_alloc(&f.view, &order, &mp, NULL, 8, prog, NULL, &err);
  lw_program_free(prog);
  lw_vec_free(&order);
  lw_map_view_free(&f.view);
  lw_net_free(f.net);
  if (st != LW_OK)
    _exit(3);
}

static void test_alloc_order(void **state) {
  (void)state;
  assert_false(lw_test_aborts(map_in_order, (void *)(intptr_t)1, NULL, 0));
  lw_test_need_checks();
  /* r frees y's cell, which o has taken over: free and live at once */
  char msg[512];
  assert_true(
      lw_test_aborts(map_in_order, (void *)(intptr_t)0, msg, sizeof msg));
  assert_non_null(strstr(msg, "map/alloc.c"));
  assert_non_null(strstr(msg, "!seen[live[i]]"));
}

/* ---- the cells and INIT cycles chosen ----------------------------------- */

/* The program's cells and cycles in the text form, from its setup line on. */
static char *body(const lw_program *prog) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  lw_error err = {0};
  assert_int_equal(lw_io_print_program_text(prog, f, &err), LW_OK);
  fclose(f);
  char *setup = strstr(text, "setup:");
  assert_non_null(setup);
  char *copy = lw_strdup(setup);
  free(text);
  return copy;
}

/* Map net in the given order at `row` cells; *text gets the body on
 * success. */
static lw_status map_order(const lw_net *net, const uint32_t *ids, uint32_t n,
                           lw_reinit_policy reinit, uint32_t row,
                           uint32_t *min_row, char **text, lw_error *err) {
  lw_map_view view;
  assert_int_equal(lw_map_view_build(net, &view, err), LW_OK);
  lw_u32s order = {0};
  for (uint32_t i = 0; i < n; i++)
    lw_vec_push(&order, ids[i]);
  lw_map_stats ms = {0};
  lw_map_min_row(&view, &order, &ms);
  *min_row = ms.min_row;
  lw_map_params mp = lw_map_params_default();
  mp.reinit = reinit;
  mp.flow = "test";
  lw_program *prog = lw_program_new("t", "test", row);
  lw_status st = lw_map_alloc(&view, &order, &mp, NULL, row, prog, NULL, err);
  *text = st == LW_OK ? body(prog) : NULL;
  lw_program_free(prog);
  lw_vec_free(&order);
  lw_map_view_free(&view);
  return st;
}

/* y = NOR(a, b); z = NOT(y); w = NOT(z); output w. Two values live at
 * once over two input cells: 4 cells. Free cells are taken from the top of
 * the row; at 4 cells w needs y's dead cell, re-initialised to NOT's init
 * value 0 in an INIT cycle; at 5 it takes the never-used cell 2 instead. */
static void test_chain(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  uint32_t y = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "y");
  uint32_t z = lw_net_add_node(net, LW_GATE_NOT, 1, &y, "z");
  uint32_t w = lw_net_add_node(net, LW_GATE_NOT, 1, &z, "w");
  lw_net_add_po(net, w, "w");
  uint32_t order[] = {y, z, w}, min_row = 0;
  char *text = NULL;
  lw_error err = {0};
  assert_int_equal(
      map_order(net, order, 3, LW_REINIT_DEMAND, 4, &min_row, &text, &err),
      LW_OK);
  assert_int_equal(min_row, 4);
  assert_string_equal(text, "setup: INIT0 c2 c3\n"
                            "T1: c3 = NOR(c0, c1)\n"
                            "T2: c2 = NOT(c3)\n"
                            "T3: INIT0 c3\n"
                            "T4: c3 = NOT(c2)\n");
  free(text);
  assert_int_equal(
      map_order(net, order, 3, LW_REINIT_DEMAND, 5, &min_row, &text, &err),
      LW_OK);
  assert_string_equal(text, "setup: INIT0 c2 c3 c4\n"
                            "T1: c4 = NOR(c0, c1)\n"
                            "T2: c3 = NOT(c4)\n"
                            "T3: c2 = NOT(c3)\n");
  free(text);
  /* below the minimum: the row error, naming the row and the netlist */
  assert_int_equal(
      map_order(net, order, 3, LW_REINIT_DEMAND, 3, &min_row, &text, &err),
      LW_ERR_ROW);
  assert_null(text);
  assert_non_null(strstr(err.msg, "a row of 3 cells is too small for 't'"));
  lw_net_free(net);
}

/* p = NOT(a), q = NOT(b), g = NOR(p, q), h = NOT(g), k = OR(a, h); output
 * k. When h runs, p's and q's cells are dead: SIMPLER's batch policy
 * re-initialises both in one INIT, on demand only the one h needs (the
 * next demand, k's, is for a 1). k then takes g's dead cell, set to 1. */
static const char *const reinit_programs[2] = {
    "setup: INIT0 c2 c3 c4\n"
    "T1: c4 = NOT(c0)\n"
    "T2: c3 = NOT(c1)\n"
    "T3: c2 = NOR(c4, c3)\n"
    "T4: INIT0 c3 c4\n"
    "T5: c4 = NOT(c2)\n"
    "T6: INIT1 c2\n"
    "T7: c2 = OR(c0, c4)\n",
    "setup: INIT0 c2 c3 c4\n"
    "T1: c4 = NOT(c0)\n"
    "T2: c3 = NOT(c1)\n"
    "T3: c2 = NOR(c4, c3)\n"
    "T4: INIT0 c4\n"
    "T5: c4 = NOT(c2)\n"
    "T6: INIT1 c2\n"
    "T7: c2 = OR(c0, c4)\n",
};

static void test_reinit_policy(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  uint32_t p = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "p");
  uint32_t q = lw_net_add_node(net, LW_GATE_NOT, 1, &b, "q");
  uint32_t g = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){p, q}, "g");
  uint32_t h = lw_net_add_node(net, LW_GATE_NOT, 1, &g, "h");
  uint32_t k = lw_net_add_node(net, LW_GATE_OR2, 2, (uint32_t[]){a, h}, "k");
  lw_net_add_po(net, k, "k");
  uint32_t order[] = {p, q, g, h, k}, min_row = 0;
  lw_reinit_policy policies[2] = {LW_REINIT_ALL, LW_REINIT_DEMAND};
  for (int i = 0; i < 2; i++) {
    char *text = NULL;
    lw_error err = {0};
    assert_int_equal(
        map_order(net, order, 5, policies[i], 5, &min_row, &text, &err), LW_OK);
    assert_int_equal(min_row, 5);
    assert_string_equal(text, reinit_programs[i]);
    free(text);
  }
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_cells),
      cmocka_unit_test(test_alloc_order),
      cmocka_unit_test(test_chain),
      cmocka_unit_test(test_reinit_policy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
