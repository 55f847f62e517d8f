/* The cell pools' invariant (src/map/alloc.c): a sound row passes, broken
 * ones abort, also when lw_map_alloc is fed an execution order that breaks
 * the rule of composites (the other readers of the value first). */
#include "lw_test.h"

#include <string.h>
#include <unistd.h>

#include "base/assert.h"
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_cells),
      cmocka_unit_test(test_alloc_order),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
