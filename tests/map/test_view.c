/* The mapper's view of a netlist (src/map/view.c): what it holds for a
 * hand-built net, its errors, and its invariants (the view of a netlist
 * passes, a view with a broken field aborts). */
#include "lw_test.h"

#include <string.h>

#include "base/assert.h"
#include "map/view.h"

/* y = NOR(a, b); w = BUF(y); r = NOT(w); o = ONOR(a, b) overwriting y;
 * outputs r, o */
typedef struct fixture {
  lw_net *net;
  lw_map_view view;
  uint32_t a, y, w, r, o;
} fixture;

static void build(fixture *f) {
  f->net = lw_net_new("t");
  f->a = lw_net_add_pi(f->net, "a");
  uint32_t b = lw_net_add_pi(f->net, "b");
  f->y = lw_net_add_node(f->net, LW_GATE_NOR2, 2, (uint32_t[]){f->a, b}, "y");
  f->w = lw_net_add_node(f->net, LW_GATE_BUF, 1, &f->y, "w");
  f->r = lw_net_add_node(f->net, LW_GATE_NOT, 1, &f->w, "r");
  f->o = lw_net_add_node(f->net, LW_GATE_ONOR2, 3, (uint32_t[]){f->a, b, f->y},
                         "o");
  lw_net_add_po(f->net, f->r, "r");
  lw_net_add_po(f->net, f->o, "o");
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(f->net, &f->view, &err), LW_OK);
}

enum {
  SOUND,
  READERS,
  FANOUT,
  REP_TO_BUF,
  CHILD_IS_INPUT,
  OVER_ON_NOT,
  AFTER_NOT_A_READER,
  BREAKS
};

static void check_broken(void *ctx) {
  fixture f;
  build(&f);
  lw_map_view *v = &f.view;
  switch ((int)(intptr_t)ctx) {
  case READERS:
    v->readers[f.y]++;
    break;
  case FANOUT:
    v->fanout[f.r] = 0;
    break;
  case REP_TO_BUF:
    v->rep[f.r] = f.w;
    break;
  case CHILD_IS_INPUT:
    v->children.data[v->child_off.data[f.r]] = f.a;
    break;
  case OVER_ON_NOT:
    v->over[f.r] = f.y;
    break;
  case AFTER_NOT_A_READER:
    v->after.data[v->after_off.data[f.o]] = f.o;
    break;
  }
  lw_map_view_check(v);
  lw_map_view_free(v);
  lw_net_free(f.net);
}

static void test_view_check(void **state) {
  (void)state;
  fixture f;
  build(&f);
  /* the fixture is what the broken cases assume */
  assert_int_equal(f.view.rep[f.w], f.y);
  assert_int_equal(f.view.over[f.o], f.y);
  assert_int_equal(f.view.after_off.data[f.o + 1] - f.view.after_off.data[f.o],
                   1);
  lw_map_view_free(&f.view);
  lw_net_free(f.net);
  assert_false(lw_test_aborts(check_broken, (void *)(intptr_t)SOUND, NULL, 0));
  lw_test_need_checks();
  for (int i = SOUND + 1; i < BREAKS; i++)
    lw_test_expect_abort(check_broken, (void *)(intptr_t)i, "map/view.c");
}

static void assert_list(const lw_u32s *off, const lw_u32s *list, uint32_t id,
                        const uint32_t *want, uint32_t n) {
  assert_int_equal(off->data[id + 1] - off->data[id], n);
  for (uint32_t i = 0; i < n; i++)
    assert_int_equal(list->data[off->data[id] + i], want[i]);
}

/* The fixture's view: the buffer resolved, reads counted through it, the
 * children and the composite's operand and after-list. */
static void test_view_build(void **state) {
  (void)state;
  fixture f;
  build(&f);
  const lw_map_view *v = &f.view;
  assert_int_equal(v->n, 6);
  assert_int_equal(v->kind[f.a], LW_VIEW_PI);
  assert_int_equal(v->kind[f.w], LW_VIEW_BUF);
  assert_int_equal(v->kind[f.y], LW_VIEW_GATE);
  for (uint32_t id = 0; id < v->n; id++)
    assert_int_equal(v->rep[id], id == f.w ? f.y : id);
  /* by id (a b y w r o): y is read by r (through w) and o, a and b by y
   * and o; r and o are outputs */
  const uint32_t readers[] = {2, 2, 2, 0, 0, 0}, fanout[] = {2, 2, 2, 0, 1, 1};
  assert_true(f.a == 0 && f.y == 2 && f.w == 3 && f.r == 4 && f.o == 5);
  for (uint32_t id = 0; id < v->n; id++) {
    assert_int_equal(v->readers[id], readers[id]);
    assert_int_equal(v->fanout[id], fanout[id]);
    assert_int_equal(v->over[id], id == f.o ? f.y : LW_NONE);
    assert_false(v->const_read[id]);
  }
  /* children: executed gates only (inputs left out) */
  assert_list(&v->child_off, &v->children, f.y, NULL, 0);
  assert_list(&v->child_off, &v->children, f.w, NULL, 0);
  assert_list(&v->child_off, &v->children, f.r, (uint32_t[]){f.y}, 1);
  assert_list(&v->child_off, &v->children, f.o, (uint32_t[]){f.y}, 1);
  /* r reads y before o overwrites it */
  assert_list(&v->after_off, &v->after, f.o, (uint32_t[]){f.r}, 1);
  assert_list(&v->after_off, &v->after, f.r, NULL, 0);
  lw_map_view_free(&f.view);
  lw_net_free(f.net);
}

/* g = NOR(a, one) then h = NOR(g, x) with x = NOT(a): children in reverse
 * pin order; the constant g reads needs a cell, the constant output does
 * not. */
static void test_view_constants(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a");
  uint32_t one = lw_net_add_node(net, LW_GATE_CONST1, 0, NULL, "one");
  uint32_t zero = lw_net_add_node(net, LW_GATE_CONST0, 0, NULL, "zero");
  uint32_t g = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, one}, "g");
  uint32_t x = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "x");
  uint32_t h = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){g, x}, "h");
  lw_net_add_po(net, h, "h");
  lw_net_add_po(net, zero, "z");
  lw_map_view v;
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(net, &v, &err), LW_OK);
  assert_int_equal(v.kind[one], LW_VIEW_CONST);
  assert_true(v.const_read[one]);
  assert_false(v.const_read[zero]);
  assert_int_equal(v.fanout[zero], 1);
  assert_int_equal(v.readers[zero], 0);
  assert_list(&v.child_off, &v.children, h, (uint32_t[]){x, g}, 2);
  assert_list(&v.child_off, &v.children, g, NULL, 0);
  lw_map_view_free(&v);
  lw_net_free(net);
}

/* A gate with no stateful form is bad input naming the gate; a composite
 * overwriting an output is the mapper's own error. */
static void test_view_errors(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  lw_net_add_po(
      net, lw_net_add_node(net, LW_GATE_AND, 2, (uint32_t[]){a, b}, "g"), "g");
  lw_map_view v;
  lw_error err = {0};
  assert_int_equal(lw_map_view_build(net, &v, &err), LW_ERR_CIRCUIT);
  assert_non_null(strstr(err.msg, "gate g (AND) has no stateful form"));
  lw_map_view_free(&v);
  lw_net_free(net);

  net = lw_net_new("t");
  a = lw_net_add_pi(net, "a");
  b = lw_net_add_pi(net, "b");
  uint32_t y = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "y");
  uint32_t o =
      lw_net_add_node(net, LW_GATE_ONOR2, 3, (uint32_t[]){a, b, y}, "o");
  lw_net_add_po(net, y, "y");
  lw_net_add_po(net, o, "o");
  assert_int_equal(lw_map_view_build(net, &v, &err), LW_ERR_INTERNAL);
  assert_non_null(strstr(err.msg, "overwrites a value that must survive"));
  lw_map_view_free(&v);
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_view_build),
      cmocka_unit_test(test_view_constants),
      cmocka_unit_test(test_view_errors),
      cmocka_unit_test(test_view_check),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
