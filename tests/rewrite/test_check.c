/* The rewrite graph's invariant checks (src/rewrite/check.c, graph.c): a
 * sound graph passes, and each kind of broken state makes them abort. */
#include "lw_test.h"

#include "base/assert.h"
#include "rewrite/graph.h"

/* a, b inputs; n = NOR(a, b); y = NOT(b); o = ONOR(a, b) over y */
typedef struct fixture {
  lw_rewrite_graph g;
  uint32_t a, b, n, y, o;
} fixture;

static void build(fixture *f, int reverse_order) {
  lw_rewrite_graph *g = &f->g;
  *g = (lw_rewrite_graph){.budget = 64};
  f->a = lw_rewrite_add_node(g, LW_GATE_PI, 0);
  f->b = lw_rewrite_add_node(g, LW_GATE_PI, 1);
  f->n = lw_rewrite_add_node(g, LW_GATE_NOR2, 2);
  f->y = lw_rewrite_add_node(g, LW_GATE_NOT, 3);
  f->o = lw_rewrite_add_node(g, LW_GATE_ONOR2, 4);
  lw_rewrite_rewire(g, f->n, LW_GATE_NOR2, 2, (uint32_t[]){f->a, f->b});
  lw_rewrite_rewire(g, f->y, LW_GATE_NOT, 1, (uint32_t[]){f->b});
  /* ONOR2's fanins: the two operands, then the overwritten value */
  lw_rewrite_rewire(g, f->o, LW_GATE_ONOR2, 3, (uint32_t[]){f->a, f->b, f->y});
  lw_rewrite_set_over(g, f->y, f->o);
  lw_rewrite_at(g, f->a)->prot = lw_rewrite_at(g, f->b)->prot = 1;
  lw_rewrite_commit(g);
  lw_u32s order = {0};
  uint32_t fwd[] = {f->a, f->b, f->n, f->y, f->o};
  uint32_t bad[] = {f->a, f->b, f->y, f->o, f->n}; /* fine too */
  uint32_t back[] = {f->n, f->a, f->b, f->y, f->o};
  const uint32_t *use = reverse_order == 1 ? back : reverse_order ? bad : fwd;
  for (int i = 0; i < 5; i++)
    lw_vec_push(&order, use[i]);
  lw_rewrite_order_init(g, &order);
  lw_vec_free(&order);
}

static void sound(void *ctx) {
  fixture f;
  build(&f, (int)(intptr_t)ctx);
  lw_rewrite_check(&f.g);
  lw_rewrite_graph_free(&f.g);
}

static void reader_before_fanin(void *ctx) { sound((void *)(intptr_t)1); }

static void extra_reader_entry(void *ctx) {
  fixture f;
  build(&f, 0);
  lw_vec_push(&lw_rewrite_at(&f.g, f.a)->readers, f.n);
  lw_rewrite_check(&f.g);
}

static void composite_before_other_reader(void *ctx) {
  fixture f;
  build(&f, 0);
  /* a second reader of y, placed after the composite that overwrites y */
  uint32_t r = lw_rewrite_add_node(&f.g, LW_GATE_NOT, 5);
  lw_rewrite_rewire(&f.g, r, LW_GATE_NOT, 1, &f.y);
  lw_vec_push(&f.g.pos, LW_NONE);
  lw_rewrite_set_key(&f.g, r, f.g.pos.size - 1);
  lw_rewrite_commit(&f.g);
  lw_rewrite_check(&f.g);
}

static void over_by_not_a_composite(void *ctx) {
  fixture f;
  build(&f, 0);
  lw_rewrite_at(&f.g, f.n)->over_by = f.y; /* y is a NOT */
  lw_rewrite_check(&f.g);
}

static void journal_names_no_node(void *ctx) {
  fixture f;
  build(&f, 0);
  lw_rewrite_edit e = {0, 0, 99, LW_NONE};
  lw_vec_push(&f.g.journal, e);
  lw_rewrite_check_journal(&f.g);
}

static void key_not_in_pos(void *ctx) {
  fixture f;
  build(&f, 0);
  f.g.pos.data[lw_rewrite_at(&f.g, f.n)->key] = LW_NONE;
  lw_rewrite_check(&f.g);
}

static void test_sound_graph_passes(void **state) {
  (void)state;
  assert_false(lw_test_aborts(sound, (void *)(intptr_t)0, NULL, 0));
  assert_false(lw_test_aborts(sound, (void *)(intptr_t)2, NULL, 0));
}

static void test_broken_graphs_abort(void **state) {
  (void)state;
  lw_test_need_checks();
  static void (*const broken[])(void *) = {
      reader_before_fanin, extra_reader_entry, composite_before_other_reader,
      over_by_not_a_composite, key_not_in_pos};
  for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
    lw_test_expect_abort(broken[i], NULL, "rewrite/check.c");
  lw_test_expect_abort(journal_names_no_node, NULL, "rewrite/graph.c");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sound_graph_passes),
      cmocka_unit_test(test_broken_graphs_abort),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
