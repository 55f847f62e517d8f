/* The rewrite stage on hand-made netlists: every rule, every legality case,
 * and cycles that need a COPY. Each result is checked three ways: its gates
 * and fanins, its equivalence to the input by exhaustive simulation, and the
 * contract with the mapper (no protected value overwritten, no value
 * overwritten twice, the ordering constraints acyclic), checked here
 * independently of the stage's own bookkeeping. */
#include "lw_net_check.h"
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "rewrite/rewrite.h"

/* ---- helpers ------------------------------------------------------------- */

static uint32_t gate2(lw_net *n, lw_gate_type t, uint32_t a, uint32_t b,
                      const char *name) {
  uint32_t f[2] = {a, b};
  return lw_net_add_node(n, t, 2, f, name);
}

static uint32_t gate1(lw_net *n, lw_gate_type t, uint32_t a, const char *name) {
  return lw_net_add_node(n, t, 1, &a, name);
}

static uint32_t find(const lw_net *net, const char *name) {
  lw_net_foreach_node (net, id) {
    const char *s = lw_net_node_name(net, id);
    if (s && !strcmp(s, name))
      return id;
  }
  fail_msg("no node named %s", name);
  return LW_NONE;
}

static lw_net *rewrite(const lw_net *in, int paper, lw_merge_criterion crit,
                       int max_ops, lw_rewrite_stats *s) {
  lw_rewrite_params p = lw_rewrite_params_default();
  p.paper_rules = paper;
  p.criterion = crit;
  p.max_onor_operands = max_ops;
  lw_net *out = NULL;
  lw_error err = {0};
  assert_int_equal(lw_rewrite_run(in, &p, s, &out, &err), LW_OK);
  assert_equivalent(in, out);
  assert_contract(out);
  assert_true(s->toggle_after <= s->toggle_before);
  return out;
}

static lw_net *rewrite_default(const lw_net *in, lw_rewrite_stats *s) {
  return rewrite(in, 0, LW_MERGE_TOGGLE, 2, s);
}

#define fanin_name(net, id, k) lw_net_node_name(net, lw_net_fanin(net, id, k))

/* a b d e inputs; c = OR(d, e), a value that is no input and no inner gate */
static lw_net *base_net(void) {
  lw_net *n = lw_net_new("t");
  uint32_t d, e;
  lw_net_add_pi(n, "a");
  lw_net_add_pi(n, "b");
  d = lw_net_add_pi(n, "d");
  e = lw_net_add_pi(n, "e");
  gate2(n, LW_GATE_OR2, d, e, "c");
  return n;
}

/* ---- rules --------------------------------------------------------------- */

static void test_r1_nor_into_or(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t p = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "p");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, p, find(in, "c"), "o"), "out");
  lw_rewrite_stats s;
  lw_net *out = rewrite_default(in, &s);
  assert_int_equal(s.r1, 1);
  assert_int_equal(lw_net_size(out), 6); /* a b d e c o: p is gone */
  uint32_t o = find(out, "o");
  assert_int_equal(o, 5); /* the merged gate takes the OR's place */
  assert_int_equal(lw_net_type(out, o), LW_GATE_ONOR2);
  assert_string_equal(fanin_name(out, o, 0), "a");
  assert_string_equal(fanin_name(out, o, 1), "b");
  assert_string_equal(fanin_name(out, o, 2), "c");
  assert_float_equal(s.toggle_before, 0.75, 1e-12);
  assert_float_equal(s.toggle_after, 0.375, 1e-12);
  assert_int_equal(s.gates_after, s.gates_before - 1);
  lw_net_free(out);
  lw_net_free(in);
}

static void test_r2_not_into_or(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t na = gate1(in, LW_GATE_NOT, find(in, "a"), "na");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, find(in, "c"), na, "o"), "out");
  lw_rewrite_stats s;
  lw_net *out = rewrite_default(in, &s);
  assert_int_equal(s.r2, 1);
  uint32_t o = find(out, "o");
  assert_int_equal(lw_net_type(out, o), LW_GATE_IMP);
  assert_string_equal(fanin_name(out, o, 0), "a");
  assert_string_equal(fanin_name(out, o, lw_gate(LW_GATE_IMP)->over), "c");
  assert_float_equal(s.toggle_after, 0.5, 1e-12);
  lw_net_free(out);
  lw_net_free(in);
}

/* Both OR inputs are NORs: the first is absorbed, unless the second may not
 * be overwritten (it drives an output); then the other ordering is used. */
static void test_r1_both_orderings(void **state) {
  (void)state;
  for (int protect = 0; protect < 2; protect++) {
    lw_net *in = base_net();
    uint32_t p = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "p");
    uint32_t q = gate2(in, LW_GATE_NOR2, find(in, "d"), find(in, "e"), "q");
    lw_net_add_po(in, gate2(in, LW_GATE_OR2, p, q, "o"), "out");
    lw_net_add_po(in, find(in, "c"), "c");
    if (protect)
      lw_net_add_po(in, q, "q");
    lw_rewrite_stats s;
    lw_net *out = rewrite_default(in, &s);
    uint32_t o = find(out, "o");
    assert_int_equal(lw_net_type(out, o), LW_GATE_ONOR2);
    assert_string_equal(fanin_name(out, o, 0), protect ? "d" : "a");
    assert_string_equal(fanin_name(out, o, 2), protect ? "p" : "q");
    assert_int_equal(s.blocked_io, 0);
    lw_net_free(out);
    lw_net_free(in);
  }
}

/* z = NOT(NOR(NOR(a, b), c)) = ONOR(a, b; c); y = NOT(z) when y is read. */
static void test_r3_with_and_without_kept_not(void **state) {
  (void)state;
  for (int keep = 0; keep < 2; keep++) {
    lw_net *in = base_net();
    uint32_t x = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "x");
    uint32_t y = gate2(in, LW_GATE_NOR2, x, find(in, "c"), "y");
    lw_net_add_po(in, gate1(in, LW_GATE_NOT, y, "z"), "z");
    if (keep)
      lw_net_add_po(in, gate2(in, LW_GATE_NOR2, y, find(in, "e"), "w"), "w");
    lw_rewrite_stats s;
    lw_net *out = rewrite_default(in, &s);
    assert_int_equal(s.r3, 1);
    assert_int_equal(s.r3_kept_not, keep);
    uint32_t z = find(out, "z");
    assert_int_equal(lw_net_type(out, z), LW_GATE_ONOR2);
    assert_string_equal(fanin_name(out, z, 0), "a");
    assert_string_equal(fanin_name(out, z, 2), "c");
    if (keep) {
      uint32_t yy = find(out, "y");
      assert_int_equal(lw_net_type(out, yy), LW_GATE_NOT);
      assert_int_equal(lw_net_fanin(out, yy, 0), z);
      assert_float_equal(s.toggle_after, 0.25 + 0.125 + 0.5 + 0.25, 1e-12);
    } else {
      assert_float_equal(s.toggle_after, 0.25 + 0.125, 1e-12);
    }
    lw_net_free(out);
    lw_net_free(in);
  }
}

static void test_r4_not_not(void **state) {
  (void)state;
  lw_net *in = lw_net_new("t");
  uint32_t a = lw_net_add_pi(in, "a"), b = lw_net_add_pi(in, "b");
  uint32_t n = gate1(in, LW_GATE_NOT, a, "n");
  uint32_t z = gate1(in, LW_GATE_NOT, n, "z");
  lw_net_add_po(in, gate2(in, LW_GATE_NOR2, z, b, "w"), "w");
  lw_net_add_po(in, z, "z");
  lw_rewrite_stats s;
  lw_net *out = rewrite_default(in, &s);
  assert_int_equal(s.r4, 1);
  assert_int_equal(lw_net_size(out), 3); /* a b w */
  assert_string_equal(fanin_name(out, find(out, "w"), 0), "a");
  assert_int_equal(out->pos.data[1], find(out, "a"));
  lw_net_free(out);
  lw_net_free(in);
}

static void test_wide_onor3(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t f[3] = {find(in, "a"), find(in, "b"), find(in, "d")};
  uint32_t p = lw_net_add_node(in, LW_GATE_NOR3, 3, f, "p");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, find(in, "c"), p, "o"), "out");
  lw_rewrite_stats s;
  lw_net *out = rewrite(in, 0, LW_MERGE_TOGGLE, 2, &s);
  assert_int_equal(s.r1, 0); /* no ONOR3 in the paper's library */
  lw_net_free(out);
  out = rewrite(in, 0, LW_MERGE_TOGGLE, 3, &s);
  assert_int_equal(s.r1, 1);
  uint32_t o = find(out, "o");
  assert_int_equal(lw_net_type(out, o), LW_GATE_ONOR3);
  assert_string_equal(fanin_name(out, o, 2), "d");
  assert_string_equal(fanin_name(out, o, lw_gate(LW_GATE_ONOR3)->over), "c");
  lw_net_free(out);
  lw_net_free(in);
}

/* A NOR that stays (another reader) still pays in toggle, not in gates. */
static void test_criterion(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t p = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "p");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, p, find(in, "c"), "o"), "out");
  lw_net_add_po(in, gate2(in, LW_GATE_NOR2, p, find(in, "e"), "w"), "w");
  lw_rewrite_stats s;
  lw_net *out = rewrite(in, 0, LW_MERGE_TOGGLE, 2, &s);
  assert_int_equal(s.r1, 1);
  assert_int_equal(lw_net_type(out, find(out, "p")), LW_GATE_NOR2);
  lw_net_free(out);
  out = rewrite(in, 0, LW_MERGE_GATES, 2, &s);
  assert_int_equal(s.r1, 0);
  assert_int_equal(s.gates_after, s.gates_before);
  lw_net_free(out);
  lw_net_free(in);
}

/* ---- legality ------------------------------------------------------------ */

/* c is also read by r: the paper's L1 forbids the merge; the relaxed rule
 * makes it and r must run before the composite. */
static void test_l1_strict_and_relaxed(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t p = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "p");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, p, find(in, "c"), "o"), "out");
  lw_net_add_po(in, gate2(in, LW_GATE_NOR2, find(in, "c"), find(in, "a"), "r"),
                "r");
  lw_rewrite_stats s;
  lw_net *out = rewrite(in, 1, LW_MERGE_TOGGLE, 2, &s);
  assert_int_equal(s.r1, 0);
  assert_int_equal(s.blocked_l1, 1);
  assert_int_equal(lw_net_type(out, find(out, "o")), LW_GATE_OR2);
  lw_net_free(out);
  out = rewrite(in, 0, LW_MERGE_TOGGLE, 2, &s);
  assert_int_equal(s.r1, 1);
  assert_int_equal(s.blocked_l1, 0);
  assert_int_equal(lw_net_type(out, find(out, "o")), LW_GATE_ONOR2);
  lw_net_free(out);
  lw_net_free(in);
}

/* Two ORs want to overwrite the same c: the second would read (and
 * overwrite) a value the first composite overwrites. */
static void test_l2_value_already_overwritten(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t c = find(in, "c");
  uint32_t p1 = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "p1");
  uint32_t p2 = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "e"), "p2");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, p1, c, "o1"), "o1");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, p2, c, "o2"), "o2");
  lw_rewrite_stats s;
  lw_net *out = rewrite(in, 0, LW_MERGE_TOGGLE, 2, &s);
  assert_int_equal(s.r1, 1);
  assert_int_equal(s.blocked_l2, 1);
  assert_int_equal(lw_net_type(out, find(out, "o1")), LW_GATE_ONOR2);
  assert_int_equal(lw_net_type(out, find(out, "o2")), LW_GATE_OR2);
  lw_net_free(out);
  out = rewrite(in, 1, LW_MERGE_TOGGLE, 2, &s); /* strict: L1 on both */
  assert_int_equal(s.r1, 0);
  assert_int_equal(s.blocked_l1, 2);
  lw_net_free(out);
  lw_net_free(in);
}

/* Inputs and outputs are never overwritten; a COPY is made only where it
 * pays: not for R1 (0.5 > 0.375 saved), yes for R3 (1.0 saved). */
static void test_pi_po_protection(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t p = gate2(in, LW_GATE_NOR2, find(in, "b"), find(in, "d"), "p");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, p, find(in, "a"), "o1"), "o1");
  uint32_t q = gate2(in, LW_GATE_NOR2, find(in, "b"), find(in, "e"), "q");
  lw_net_add_po(in, gate2(in, LW_GATE_OR2, q, find(in, "c"), "o2"), "o2");
  lw_net_add_po(in, find(in, "c"), "c");
  lw_rewrite_stats s;
  lw_net *out = rewrite_default(in, &s);
  assert_int_equal(s.r1, 0);
  assert_int_equal(s.blocked_io, 2);
  assert_int_equal(s.copies, 0);
  lw_net_free(out);
  lw_net_free(in);

  in = base_net();
  uint32_t x = gate2(in, LW_GATE_NOR2, find(in, "b"), find(in, "d"), "x");
  uint32_t y = gate2(in, LW_GATE_NOR2, x, find(in, "a"), "y");
  lw_net_add_po(in, gate1(in, LW_GATE_NOT, y, "z"), "z");
  for (int paper = 0; paper < 2; paper++) {
    out = rewrite(in, paper, LW_MERGE_TOGGLE, 2, &s);
    assert_int_equal(s.r3, 1);
    assert_int_equal(s.copies, 1);
    uint32_t z = find(out, "z");
    uint32_t cp = lw_net_fanin(out, z, 2);
    assert_int_equal(lw_net_type(out, cp), LW_GATE_COPY);
    assert_int_equal(cp, z - 1); /* the COPY sits just before its reader */
    assert_string_equal(fanin_name(out, cp, 0), "a");
    lw_net_free(out);
  }
  lw_net_free(in);
}

/* r reads both c and the composite's result: overwriting c itself would need
 * r before and after z. The merge pays even with a COPY of c. */
static void test_cycle_needs_copy(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t c = find(in, "c");
  uint32_t x = gate2(in, LW_GATE_NOR2, find(in, "a"), find(in, "b"), "x");
  uint32_t y = gate2(in, LW_GATE_NOR2, x, c, "y");
  uint32_t z = gate1(in, LW_GATE_NOT, y, "z");
  lw_net_add_po(in, gate2(in, LW_GATE_NOR2, z, c, "r"), "r");
  lw_rewrite_stats s;
  lw_net *out = rewrite_default(in, &s);
  assert_int_equal(s.r3, 1);
  assert_int_equal(s.copies, 1);
  uint32_t zz = find(out, "z");
  assert_int_equal(lw_net_type(out, zz), LW_GATE_ONOR2);
  uint32_t cp = lw_net_fanin(out, zz, 2);
  assert_int_equal(lw_net_type(out, cp), LW_GATE_COPY);
  assert_int_equal(lw_net_fanin(out, cp, 0), find(out, "c"));
  assert_float_equal(s.toggle_after, 0.25 + 0.5 + 0.125 + 0.25, 1e-12);
  lw_net_free(out);
  lw_net_free(in);
}

/* A must be read before B is overwritten and vice versa (docs/method.md section
 * 3): the first composite overwrites A and reads B, the second would overwrite
 * B and read A. It is made with a COPY of B; with R1 (where a COPY does not
 * pay) it is blocked as a cycle. */
static void test_two_composite_cycle(void **state) {
  (void)state;
  for (int r3 = 0; r3 < 2; r3++) {
    lw_net *in = lw_net_new("t");
    uint32_t pi[6];
    const char *names[6] = {"a1", "a2", "b1", "b2", "e", "f"};
    for (int i = 0; i < 6; i++)
      pi[i] = lw_net_add_pi(in, names[i]);
    uint32_t A = gate2(in, LW_GATE_OR2, pi[0], pi[1], "A");
    uint32_t B = gate2(in, LW_GATE_OR2, pi[2], pi[3], "B");
    uint32_t x1 = gate2(in, LW_GATE_NOR2, B, pi[4], "x1");
    uint32_t x2 = gate2(in, LW_GATE_NOR2, A, pi[5], "x2");
    if (r3) {
      uint32_t y1 = gate2(in, LW_GATE_NOR2, x1, A, "y1");
      uint32_t y2 = gate2(in, LW_GATE_NOR2, x2, B, "y2");
      lw_net_add_po(in, gate1(in, LW_GATE_NOT, y1, "o1"), "o1");
      lw_net_add_po(in, gate1(in, LW_GATE_NOT, y2, "o2"), "o2");
    } else {
      lw_net_add_po(in, gate2(in, LW_GATE_OR2, x1, A, "o1"), "o1");
      lw_net_add_po(in, gate2(in, LW_GATE_OR2, x2, B, "o2"), "o2");
    }
    lw_rewrite_stats s;
    lw_net *out = rewrite_default(in, &s);
    assert_int_equal(s.r1 + s.r3, r3 ? 2 : 1);
    assert_int_equal(s.copies, r3 ? 1 : 0);
    assert_int_equal(s.blocked_cycle, r3 ? 0 : 1);
    uint32_t o2 = find(out, "o2");
    if (r3) {
      assert_int_equal(lw_net_type(out, o2), LW_GATE_ONOR2);
      assert_int_equal(lw_net_type(out, lw_net_fanin(out, o2, 2)),
                       LW_GATE_COPY);
    } else {
      assert_int_equal(lw_net_type(out, o2), LW_GATE_OR2);
    }
    lw_net_free(out);
    out = rewrite(in, 1, LW_MERGE_TOGGLE, 2, &s);
    assert_int_equal(s.blocked_cycle, 0); /* strict rules add no order edge */
    lw_net_free(out);
    lw_net_free(in);
  }
}

static void test_rejects_composites(void **state) {
  (void)state;
  lw_net *in = base_net();
  uint32_t f[2] = {find(in, "a"), find(in, "c")};
  lw_net_add_po(in, lw_net_add_node(in, LW_GATE_IMP, 2, f, "g"), "g");
  lw_net *out = NULL;
  lw_error err = {0};
  assert_int_equal(lw_rewrite_run(in, NULL, NULL, &out, &err), LW_ERR_CIRCUIT);
  assert_null(out);
  assert_non_null(strstr(err.msg, "composite"));
  lw_net_free(in);
}

/* Random NOT/NOR/OR netlists, every mode: equivalence and contract. Shared
 * values make the order constraints, undo and COPY paths fire. */
static void test_random_netlists(void **state) {
  (void)state;
  uint64_t seed = 12345;
  uint32_t merges = 0, copies = 0, cycles = 0;
  for (int round = 0; round < 300; round++) {
    lw_net *in = lw_net_new("r");
    uint32_t npi = 4 + round % 5, ngates = 10 + round % 40;
    for (uint32_t i = 0; i < npi; i++) {
      char name[16];
      snprintf(name, sizeof name, "i%u", i);
      lw_net_add_pi(in, name);
    }
    for (uint32_t i = 0; i < ngates; i++) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      uint32_t n = lw_net_size(in), r = (uint32_t)(seed >> 33);
      uint32_t a = r % n, b = (r / n) % n;
      int kind = (int)((seed >> 20) % 7);
      if (b == a)
        b = (a + 1) % n;
      if (kind == 0)
        gate1(in, LW_GATE_NOT, a, NULL);
      else if (kind <= 2)
        gate2(in, LW_GATE_NOR2, a, b, NULL);
      else if (kind == 3) { /* NOR3 for the wide mode */
        uint32_t f[3] = {a, b, (r / 7) % n};
        if (f[2] == a || f[2] == b)
          f[2] = (a + b + 1) % n != a && (a + b + 1) % n != b ? (a + b + 1) % n
                                                              : (a + b + 2) % n;
        lw_net_add_node(in, LW_GATE_NOR3, 3, f, NULL);
      } else
        gate2(in, LW_GATE_OR2, a, b, NULL);
    }
    uint32_t n = lw_net_size(in);
    for (uint32_t i = 0; i < 3; i++) {
      char name[16];
      snprintf(name, sizeof name, "o%u", i);
      lw_net_add_po(in, n - 1 - i * (1 + round % 3), name);
    }
    for (int mode = 0; mode < 6; mode++) {
      lw_rewrite_stats s;
      lw_net *out =
          rewrite(in, mode & 1, mode & 2 ? LW_MERGE_GATES : LW_MERGE_TOGGLE,
                  mode & 4 ? 3 : 2, &s);
      if (mode & 2)
        assert_true(s.gates_after <= s.gates_before);
      merges += s.r1 + s.r2 + s.r3;
      copies += s.copies;
      cycles += s.blocked_cycle;
      lw_net_free(out);
    }
    lw_net_free(in);
  }
  /* the generator must exercise the interesting paths */
  assert_true(merges > 1000);
  assert_true(copies > 0);
  assert_true(cycles > 0);
  print_message("random: %u merges, %u copies, %u blocked by cycles\n", merges,
                copies, cycles);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_r1_nor_into_or),
      cmocka_unit_test(test_r2_not_into_or),
      cmocka_unit_test(test_r1_both_orderings),
      cmocka_unit_test(test_r3_with_and_without_kept_not),
      cmocka_unit_test(test_r4_not_not),
      cmocka_unit_test(test_wide_onor3),
      cmocka_unit_test(test_criterion),
      cmocka_unit_test(test_l1_strict_and_relaxed),
      cmocka_unit_test(test_l2_value_already_overwritten),
      cmocka_unit_test(test_pi_po_protection),
      cmocka_unit_test(test_cycle_needs_copy),
      cmocka_unit_test(test_two_composite_cycle),
      cmocka_unit_test(test_rejects_composites),
      cmocka_unit_test(test_random_netlists),
  };
  return lw_test_run(tests, NULL, NULL);
}
