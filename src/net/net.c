#include "net/net.h"

#include <stdio.h>
#include <string.h>

static uint32_t intern(lw_net *net, const char *s) {
  uint32_t off = net->names.size;
  uint32_t n = (uint32_t)strlen(s) + 1;
  lw_vec_reserve(&net->names, off + n);
  memcpy(net->names.data + off, s, n);
  net->names.size += n;
  return off;
}

lw_net *lw_net_new(const char *name) {
  lw_net *net = lw_alloc(sizeof *net);
  net->name = lw_strdup(name ? name : "top");
  return net;
}

void lw_net_free(lw_net *net) {
  if (!net)
    return;
  lw_free(net->name);
  lw_vec_free(&net->nodes);
  lw_vec_free(&net->fanins);
  lw_vec_free(&net->pis);
  lw_vec_free(&net->pos);
  lw_vec_free(&net->po_names);
  lw_vec_free(&net->node_name);
  lw_vec_free(&net->names);
  lw_vec_free(&net->covers);
  lw_vec_free(&net->cover_leaves);
  lw_vec_free(&net->cover_cubes);
  lw_free(net);
}

uint32_t lw_net_add_node(lw_net *net, lw_gate_type type, uint32_t n,
                         const uint32_t *fanins, const char *name) {
  lw_node node = {.type = type, .nfanin = n, .fanin = net->fanins.size};
  uint32_t id = net->nodes.size;
  lw_vec_push(&net->nodes, node);
  for (uint32_t k = 0; k < n; k++)
    lw_vec_push(&net->fanins, fanins ? fanins[k] : LW_NONE);
  lw_vec_push(&net->node_name, name ? intern(net, name) + 1 : 0);
  if (type == LW_GATE_PI)
    lw_vec_push(&net->pis, id);
  return id;
}

uint32_t lw_net_add_pi(lw_net *net, const char *name) {
  return lw_net_add_node(net, LW_GATE_PI, 0, NULL, name);
}

void lw_net_add_po(lw_net *net, uint32_t driver, const char *name) {
  lw_vec_push(&net->pos, driver);
  lw_vec_push(&net->po_names, intern(net, name));
}

void lw_net_set_fanin(lw_net *net, uint32_t id, uint32_t k, uint32_t f) {
  net->fanins.data[net->nodes.data[id].fanin + k] = f;
}

const char *lw_net_node_name(const lw_net *net, uint32_t id) {
  uint32_t off = net->node_name.data[id];
  return off ? net->names.data + off - 1 : NULL;
}

const char *lw_net_po_name(const lw_net *net, uint32_t i) {
  return net->names.data + net->po_names.data[i];
}

void lw_net_fanout_counts(const lw_net *net, lw_u32s *count) {
  lw_vec_clear(count);
  lw_vec_resize(count, lw_net_size(net));
  lw_net_foreach_node (net, id)
    lw_net_foreach_fanin (net, id, k, f)
      count->data[f]++;
}

void lw_net_count_types(const lw_net *net, uint32_t *counts) {
  memset(counts, 0, sizeof(uint32_t) * LW_GATE_COUNT);
  lw_net_foreach_node (net, id)
    counts[lw_net_type(net, id)]++;
}

double lw_net_toggle_sum(const lw_net *net) {
  double sum = 0;
  lw_net_foreach_node (net, id)
    sum += lw_gate(lw_net_type(net, id))->rate;
  return sum;
}

static const char *describe(const lw_net *net, uint32_t id, char *buf,
                            size_t n) {
  const char *name = lw_net_node_name(net, id);
  if (name)
    return name;
  snprintf(buf, n, "node %u", id);
  return buf;
}

/* Kahn's algorithm with a min-heap would order ready nodes by id; a plain
 * DFS post-order from each node in id order gives a deterministic order that
 * is just as good for every stage and is linear. Explicit stack: netlists of
 * 200k nodes with deep chains must not overflow the C stack. */
lw_status lw_net_topo(const lw_net *net, lw_u32s *order, lw_error *err) {
  uint32_t n = lw_net_size(net);
  uint8_t *mark = lw_alloc(n); /* 0 new, 1 on stack, 2 done */
  lw_u32s stack = {0}, pos = {0};
  lw_status st = LW_OK;
  lw_vec_clear(order);
  for (uint32_t root = 0; root < n && st == LW_OK; root++) {
    if (mark[root])
      continue;
    lw_vec_push(&stack, root);
    lw_vec_push(&pos, 0);
    mark[root] = 1;
    while (stack.size) {
      uint32_t v = lw_vec_last(&stack);
      uint32_t *k = &pos.data[pos.size - 1];
      if (*k < lw_net_nfanin(net, v)) {
        uint32_t f = lw_net_fanin(net, v, (*k)++);
        char buf[32];
        if (f >= n) {
          st = lw_error_set(err, LW_ERR_CIRCUIT, NULL, 0,
                            "signal '%s' reads an undriven signal",
                            describe(net, v, buf, sizeof buf));
          break;
        }
        if (mark[f] == 1) {
          st = lw_error_set(err, LW_ERR_CIRCUIT, NULL, 0,
                            "combinational loop through signal '%s'",
                            describe(net, f, buf, sizeof buf));
          break;
        }
        if (!mark[f]) {
          mark[f] = 1;
          lw_vec_push(&stack, f);
          lw_vec_push(&pos, 0);
        }
      } else {
        mark[v] = 2;
        lw_vec_push(order, v);
        stack.size--;
        pos.size--;
      }
    }
  }
  lw_vec_free(&stack);
  lw_vec_free(&pos);
  lw_free(mark);
  return st;
}
