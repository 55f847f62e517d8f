/* The mapper's view invariants (src/map/view.c): the view of a netlist
 * passes, and a view with a broken field aborts. */
#include "lw_test.h"

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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_view_check),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
