/* Recomputation (src/map/recompute.c): a hand-built netlist where running
 * one gate again provably saves a cell, and random netlists (fixed seeds)
 * whose recomputed programs fit rows below the plain minimum, within the
 * latency budget, and compute the circuit (row simulator). */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>

#include "lowwear/verify.h"
#include "map/recompute.h"
#include "map/view.h"

/* The low-wear flows' plain mapping: every execution order, on demand. */
static lw_map_params params(void) {
  lw_map_params mp = lw_map_params_default();
  mp.reinit = LW_REINIT_DEMAND;
  mp.schedules = LW_SCHEDULE_COUNT;
  return mp;
}

static const lw_map_params *plain_params(void) {
  static lw_map_params mp;
  mp = params();
  return &mp;
}

/* The plain program of net at `row` (0 = its minimum). */
static lw_program *map_at(const lw_net *net, uint32_t row, lw_map_stats *ms) {
  lw_map_params mp = params();
  mp.row = row;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_map_run(net, &mp, ms, &prog, &err), LW_OK);
  return prog;
}

/* Simulation of prog against circuit: it computes the circuit. */
static void assert_computes(const lw_net *circuit, const lw_program *prog) {
  lw_error err = {0};
  lw_status st = lw_sim_check(circuit, prog, NULL, "recomputed", &err);
  if (st != LW_OK)
    fail_msg("%s", err.msg);
}

/* A balanced tree of NORs over eight values: NOTs of the inputs c, the
 * first replaced by `leaf` when given. Its cell usage is 4 either way. */
static uint32_t tree(lw_net *net, const uint32_t *c, uint32_t leaf) {
  uint32_t n[4];
  for (uint32_t i = 0; i < 4; i++) {
    uint32_t p = !i && leaf != LW_NONE
                     ? leaf
                     : lw_net_add_node(net, LW_GATE_NOT, 1, &c[2 * i], NULL);
    uint32_t q = lw_net_add_node(net, LW_GATE_NOT, 1, &c[2 * i + 1], NULL);
    n[i] = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){p, q}, NULL);
  }
  uint32_t m0 =
      lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){n[0], n[1]}, NULL);
  uint32_t m1 =
      lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){n[2], n[3]}, NULL);
  return lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){m0, m1}, NULL);
}

/* x = NOR(a, b) is read by e = NOT(x), a leaf of the first of two equal
 * trees, and again by the output o = NOR(top, x) after both: x holds a
 * cell while the second tree peaks (the netlist has one root, so every
 * execution order is the same). Only inputs feed x, so running it again
 * just before o frees that cell for the cost of one gate. */
static lw_net *gap_net(void) {
  lw_net *net = lw_net_new("gap");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  uint32_t c[8];
  for (int i = 0; i < 8; i++) {
    char name[8];
    snprintf(name, sizeof name, "c%d", i);
    c[i] = lw_net_add_pi(net, name);
  }
  uint32_t x = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){a, b}, "x");
  uint32_t e = lw_net_add_node(net, LW_GATE_NOT, 1, &x, "e");
  uint32_t first = tree(net, c, e), second = tree(net, c, LW_NONE);
  /* equal cell usage: reverse pin order runs `first` first */
  uint32_t top =
      lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){second, first}, NULL);
  uint32_t o = lw_net_add_node(net, LW_GATE_NOR2, 2, (uint32_t[]){top, x}, "o");
  lw_net_add_po(net, o, "o");
  return net;
}

static void test_one_gate_saves_a_cell(void **state) {
  (void)state;
  lw_net *net = gap_net();
  lw_map_stats plain;
  lw_program *p0 = map_at(net, 0, &plain);
  lw_recompute_params rp = {.latency_budget = 2 * p0->cycles.size};
  lw_recompute_stats rs;
  lw_net *out = NULL;
  lw_error err = {0};
  assert_int_equal(lw_map_recompute(net, plain_params(), &rp, &rs, &out, &err),
                   LW_OK);
  assert_int_equal(rs.plain_row, plain.min_row);
  assert_int_equal(rs.row, plain.min_row - 1);
  assert_int_equal(rs.copies, 1); /* x, once */
  assert_int_equal(lw_net_size(out), lw_net_size(net) + 1);
  lw_map_stats ms;
  lw_program *p1 = map_at(out, rs.row, &ms);
  assert_int_equal(ms.min_row, rs.row);
  assert_int_equal(p1->row_size, plain.min_row - 1);
  assert_int_equal(p1->cycles.size, rs.latency);
  assert_true(rs.latency <= rp.latency_budget);
  assert_computes(net, p1);
  lw_program_free(p0);
  lw_program_free(p1);
  lw_net_free(out);
  lw_net_free(net);
}

/* A budget below the recomputed program's latency keeps the netlist as it
 * is: the latency budget binds. */
static void test_budget_binds(void **state) {
  (void)state;
  lw_net *net = gap_net();
  lw_map_stats plain;
  lw_program *p0 = map_at(net, 0, &plain);
  lw_recompute_params rp = {.latency_budget = p0->cycles.size};
  lw_recompute_stats rs;
  lw_net *out = NULL;
  lw_error err = {0};
  assert_int_equal(lw_map_recompute(net, plain_params(), &rp, &rs, &out, &err),
                   LW_OK);
  assert_int_equal(rs.row, plain.min_row);
  assert_int_equal(rs.copies, 0);
  assert_true(rs.budget_stopped);
  lw_program_free(p0);
  lw_net_free(out);
  lw_net_free(net);
}

/* ---- random netlists ----------------------------------------------------- */

static uint64_t next(uint64_t *s) {
  *s = *s * 6364136223846793005ull + 1442695040888963407ull;
  return *s >> 33;
}

/* seed's netlist: 6-10 inputs, 30-70 NOT/NOR2/OR2 gates over earlier
 * nodes (recent ones more likely, so values live across gaps), the last
 * gates and a few others as outputs. */
static lw_net *random_net(uint64_t seed) {
  uint64_t s = seed * 2654435761u + 1;
  lw_net *net = lw_net_new("random");
  uint32_t npi = 6 + (uint32_t)(next(&s) % 5);
  uint32_t ngate = 30 + (uint32_t)(next(&s) % 41);
  for (uint32_t i = 0; i < npi; i++) {
    char name[16];
    snprintf(name, sizeof name, "i%u", i);
    lw_net_add_pi(net, name);
  }
  static const lw_gate_type types[] = {LW_GATE_NOT, LW_GATE_NOR2, LW_GATE_NOR2,
                                       LW_GATE_OR2};
  for (uint32_t g = 0; g < ngate; g++) {
    uint32_t n = lw_net_size(net);
    lw_gate_type t = types[next(&s) % 4];
    uint32_t f[2];
    for (int k = 0; k < lw_gate(t)->arity; k++) {
      uint32_t back = (uint32_t)(next(&s) % (next(&s) % 2 ? 4 : n)) + 1;
      f[k] = n - (back > n ? n : back);
    }
    lw_net_add_node(net, t, (uint32_t)lw_gate(t)->arity, f, NULL);
  }
  uint32_t n = lw_net_size(net), outs = 0;
  for (uint32_t id = npi; id < n; id++)
    if (id >= n - 3 || next(&s) % 8 == 0) {
      char name[16];
      snprintf(name, sizeof name, "o%u", outs++);
      lw_net_add_po(net, id, name);
    }
  return net;
}

/* At the minimum row reached and at every row between it and the plain
 * minimum, the recomputed program computes the circuit, fits the row and
 * stays within budget; some seeds must reach a smaller row. */
static void test_random_netlists(void **state) {
  (void)state;
  int smaller = 0;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    lw_net *net = random_net(seed);
    lw_map_stats plain;
    lw_program *p0 = map_at(net, 0, &plain);
    lw_recompute_params rp = {.latency_budget =
                                  (uint32_t)(1.5 * p0->cycles.size)};
    lw_recompute_stats rs;
    lw_net *out = NULL;
    lw_error err = {0};
    assert_int_equal(
        lw_map_recompute(net, plain_params(), &rp, &rs, &out, &err), LW_OK);
    assert_true(rs.row <= plain.min_row);
    assert_true(rs.latency <= rp.latency_budget);
    smaller += rs.row < plain.min_row;
    for (uint32_t row = rs.row; row <= plain.min_row; row++) {
      lw_map_stats ms;
      lw_program *p = map_at(out, row, &ms);
      assert_true(p->row_size <= row);
      assert_computes(net, p);
      if (row == rs.row)
        assert_int_equal(p->cycles.size, rs.latency);
      lw_program_free(p);
    }
    lw_program_free(p0);
    lw_net_free(out);
    lw_net_free(net);
  }
  /* 4 of the 40 seeds: the plain order already comes from the least-peak
   * search, which leaves recomputation less to gain on nets this small */
  assert_true(smaller >= 3);
}

/* A target row stops the search as soon as it is reached. */
static void test_target_row(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    lw_net *net = random_net(seed);
    lw_map_stats plain;
    lw_program *p0 = map_at(net, 0, &plain);
    lw_recompute_params rp = {.latency_budget = 2 * p0->cycles.size};
    lw_recompute_stats full, part;
    lw_net *a = NULL, *b = NULL;
    lw_error err = {0};
    assert_int_equal(
        lw_map_recompute(net, plain_params(), &rp, &full, &a, &err), LW_OK);
    if (full.row + 1 < plain.min_row) {
      rp.target_row = plain.min_row - 1;
      assert_int_equal(
          lw_map_recompute(net, plain_params(), &rp, &part, &b, &err), LW_OK);
      assert_int_equal(part.row, plain.min_row - 1);
      assert_true(part.copies <= full.copies);
    }
    lw_program_free(p0);
    lw_net_free(a);
    lw_net_free(b);
    lw_net_free(net);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_one_gate_saves_a_cell),
      cmocka_unit_test(test_budget_binds),
      cmocka_unit_test(test_random_netlists),
      cmocka_unit_test(test_target_row),
  };
  return lw_test_run(tests, NULL, NULL);
}
