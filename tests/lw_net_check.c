/* Netlist simulation and the equivalence and contract checks of the tests
 * (lw_net_check.h). A failure names the caller's file and line. */
#include "lw_net_check.h"

#include "lw_test.h"

#include <stdlib.h>
#include <string.h>

#define CHECK(cond, ...)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      print_error(__VA_ARGS__);                                                \
      _fail(file, line);                                                       \
    }                                                                          \
  } while (0)

uint64_t *lw_test_net_values(const lw_net *net, const uint64_t *pi) {
  uint64_t *val = calloc(lw_net_size(net) + 1, sizeof *val);
  lw_u32s order = {0};
  lw_error err = {0};
  assert_non_null(val);
  assert_int_equal(lw_net_topo(net, &order, &err), LW_OK);
  lw_net_foreach_pi (net, i, id)
    val[id] = pi[i];
  lw_words in = {0}; /* a read circuit's AND or OR may have any fanin */
  lw_vec_foreach (&order, i) {
    uint32_t v = order.data[i];
    if (lw_net_type(net, v) == LW_GATE_PI)
      continue;
    in.size = 0;
    lw_net_foreach_fanin (net, v, k, f)
      lw_vec_push(&in, val[f]);
    val[v] = lw_gate_eval(lw_net_type(net, v), in.data, in.size);
  }
  lw_vec_free(&in);
  lw_vec_free(&order);
  return val;
}

void lw_test_net_outputs(const lw_net *net, const uint64_t *pi, uint64_t *po) {
  uint64_t *val = lw_test_net_values(net, pi);
  lw_net_foreach_po (net, i, d)
    po[i] = val[d];
  free(val);
}

/* Input words of one round: assignments base .. base + 63 when exhaustive
 * (bit i of the assignment is input i), else the next xorshift64 words. */
static void round_inputs(uint32_t n, int exhaustive, uint64_t base,
                         uint64_t *seed, uint64_t *pi) {
  for (uint32_t i = 0; i < n; i++) {
    pi[i] = 0;
    if (exhaustive)
      for (uint64_t lane = 0; lane < 64; lane++)
        pi[i] |= (((base + lane) >> i) & 1) << lane;
    else {
      *seed ^= *seed << 13, *seed ^= *seed >> 7, *seed ^= *seed << 17;
      pi[i] = *seed;
    }
  }
}

static void same_interface(const lw_net *a, const lw_net *b, const char *file,
                           int line) {
  CHECK(a->pis.size == b->pis.size && a->pos.size == b->pos.size,
        "%u/%u inputs, %u/%u outputs\n", a->pis.size, b->pis.size, a->pos.size,
        b->pos.size);
  lw_net_foreach_pi (a, i, id) {
    const char *x = lw_net_node_name(a, id);
    const char *y = lw_net_node_name(b, b->pis.data[i]);
    CHECK(x && y && !strcmp(x, y), "input %u: %s, %s\n", i, x ? x : "(none)",
          y ? y : "(none)");
  }
  for (uint32_t i = 0; i < a->pos.size; i++)
    CHECK(!strcmp(lw_net_po_name(a, i), lw_net_po_name(b, i)),
          "output %u: %s, %s\n", i, lw_net_po_name(a, i), lw_net_po_name(b, i));
}

void lw_test_equivalent_at(const lw_net *a, const lw_net *b, const char *file,
                           int line) {
  same_interface(a, b, file, line);
  uint32_t n = a->pis.size, no = a->pos.size;
  int exhaustive = n <= 16;
  uint64_t rounds = exhaustive ? ((1ull << n) + 63) / 64 : 256;
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  uint64_t *pi = calloc(n + 1, 8), *pa = calloc(no + 1, 8);
  uint64_t *pb = calloc(no + 1, 8);
  for (uint64_t r = 0; r < rounds; r++) {
    round_inputs(n, exhaustive, 64 * r, &seed, pi);
    lw_test_net_outputs(a, pi, pa);
    lw_test_net_outputs(b, pi, pb);
    for (uint32_t o = 0; o < no; o++)
      CHECK(pa[o] == pb[o], "output %s differs\n", lw_net_po_name(a, o));
  }
  free(pi), free(pa), free(pb);
}

/* Contract (a) and (b): the composite overwriting each value, LW_NONE where
 * none does. */
static uint32_t *overwriters(const lw_net *net, const char *file, int line) {
  uint32_t n = lw_net_size(net);
  uint32_t *owner = malloc((n + 1) * sizeof *owner);
  uint8_t *is_po = calloc(n + 1, 1);
  for (uint32_t i = 0; i < n; i++)
    owner[i] = LW_NONE;
  lw_net_foreach_po (net, i, d)
    is_po[d] = 1;
  lw_net_foreach_node (net, g) {
    int over = lw_gate(lw_net_type(net, g))->over;
    if (over < 0)
      continue;
    uint32_t y = lw_net_fanin(net, g, (uint32_t)over);
    lw_fn fn = lw_gate(lw_net_type(net, y))->fn;
    CHECK(fn != LW_FN_PI && fn != LW_FN_CONST0 && fn != LW_FN_CONST1,
          "node %u overwrites an input or a constant (%u)\n", g, y);
    CHECK(!is_po[y], "node %u overwrites output value %u\n", g, y);
    CHECK(owner[y] == LW_NONE, "nodes %u and %u both overwrite %u\n", owner[y],
          g, y);
    owner[y] = g;
    lw_net_foreach_fanin (net, g, k, f)
      CHECK((int)k == over || f != y, "node %u reads the value it overwrites\n",
            g);
  }
  free(is_po);
  return owner;
}

/* Kahn's algorithm over the edges (CSR, linear: benchmarks are large);
 * the number of nodes it orders. */
static uint32_t kahn_ordered(uint32_t n, const lw_u32s *from,
                             const lw_u32s *to) {
  uint32_t *off = calloc(n + 2, 4), *adj = calloc(from->size + 1, 4);
  uint32_t *indeg = calloc(n + 1, 4), done = 0;
  lw_vec_foreach (from, e)
    off[from->data[e] + 2]++;
  for (uint32_t v = 0; v < n; v++)
    off[v + 2] += off[v + 1];
  lw_vec_foreach (from, e) {
    adj[off[from->data[e] + 1]++] = to->data[e];
    indeg[to->data[e]]++;
  }
  lw_u32s ready = {0};
  for (uint32_t v = 0; v < n; v++)
    if (!indeg[v])
      lw_vec_push(&ready, v);
  while (ready.size) {
    uint32_t v = lw_vec_pop(&ready);
    done++;
    for (uint32_t j = off[v]; j < off[v + 1]; j++)
      if (--indeg[adj[j]] == 0)
        lw_vec_push(&ready, adj[j]);
  }
  lw_vec_free(&ready);
  free(off), free(adj), free(indeg);
  return done;
}

void lw_test_contract_at(const lw_net *net, const char *file, int line) {
  uint32_t n = lw_net_size(net);
  uint32_t *owner = overwriters(net, file, line);
  /* (c) edges: fanin -> reader, and reader of y -> the composite owning y */
  lw_u32s from = {0}, to = {0};
  lw_net_foreach_node (net, v)
    lw_net_foreach_fanin (net, v, k, f) {
      lw_vec_push(&from, f);
      lw_vec_push(&to, v);
      if (owner[f] != LW_NONE && owner[f] != v) {
        lw_vec_push(&from, v);
        lw_vec_push(&to, owner[f]);
      }
    }
  uint32_t done = kahn_ordered(n, &from, &to);
  CHECK(done == n, "the order constraints have a cycle (%u of %u ordered)\n",
        done, n);
  lw_vec_free(&from);
  lw_vec_free(&to);
  free(owner);
}
