/* The gate netlist every stage works on. Nodes live in one array addressed
 * by uint32_t id; fanins are stored flat (node.fanin is an offset into
 * net->fanins). Primary inputs are nodes of type PI; a primary output is a
 * name bound to a driver node, and several outputs may share one. Ids need
 * not be topological: readers keep the order of their source (SIMPLER's node
 * numbering depends on it); lw_net_topo gives an order and finds loops. */
#ifndef LW_NET_NET_H
#define LW_NET_NET_H

#include <stdint.h>

#include "base/vec.h"
#include "lowwear/status.h"
#include "net/gate.h"

typedef struct lw_node {
  uint32_t type : 8;
  uint32_t nfanin : 24;
  uint32_t fanin; /* offset into net->fanins */
} lw_node;
LW_VEC_DEFINE(lw_nodes, lw_node);

/* A .names cover as the circuit file wrote it, kept by the BLIF reader for
 * the node it defines (the last of the nodes it was decomposed into), so
 * that io/blif_write.c can hand ABC the circuit with its covers rather than
 * their decomposition (ABC's result depends on the covers' form). */
typedef struct lw_net_cover {
  uint32_t node;
  uint32_t leaf, nleaf;  /* offset into net->cover_leaves: a node per column */
  uint32_t cube, ncubes; /* offset into net->cover_cubes: rows of nleaf */
  int onset;             /* 1: rows are the ON-set, 0: the OFF-set */
} lw_net_cover;
LW_VEC_DEFINE(lw_net_covers, lw_net_cover);

typedef struct lw_net {
  char *name;
  lw_nodes nodes;
  lw_u32s fanins;
  lw_u32s pis;       /* node ids, declaration order */
  lw_u32s pos;       /* driver node id of each output, declaration order */
  lw_u32s po_names;  /* offset into names of each output's name */
  lw_u32s node_name; /* per node: offset into names + 1, 0 = unnamed */
  lw_chars names;
  lw_net_covers covers; /* optional, see lw_net_cover; empty elsewhere */
  lw_u32s cover_leaves;
  lw_chars cover_cubes;
} lw_net;

#define LW_NONE UINT32_MAX

lw_net *lw_net_new(const char *name);
void lw_net_free(lw_net *net);

/* Add a node of `type` with n fanin slots (filled by lw_net_set_fanin or
 * copied from `fanins` when not NULL). name may be NULL. Returns its id. */
uint32_t lw_net_add_node(lw_net *net, lw_gate_type type, uint32_t n,
                         const uint32_t *fanins, const char *name);
uint32_t lw_net_add_pi(lw_net *net, const char *name);
void lw_net_add_po(lw_net *net, uint32_t driver, const char *name);
void lw_net_set_fanin(lw_net *net, uint32_t id, uint32_t k, uint32_t f);

const char *lw_net_node_name(const lw_net *net, uint32_t id); /* or NULL */
const char *lw_net_po_name(const lw_net *net, uint32_t i);

#define lw_net_size(net) ((net)->nodes.size)
#define lw_net_type(net, id) ((lw_gate_type)(net)->nodes.data[id].type)
#define lw_net_nfanin(net, id) ((uint32_t)(net)->nodes.data[id].nfanin)
#define lw_net_fanin(net, id, k)                                               \
  ((net)->fanins.data[(net)->nodes.data[id].fanin + (k)])

#define lw_net_foreach_node(net, id)                                           \
  for (uint32_t id = 0; id < (net)->nodes.size; id++)
#define lw_net_foreach_fanin(net, id, k, f)                                    \
  for (uint32_t k = 0, f;                                                      \
       k < lw_net_nfanin(net, id) && ((f = lw_net_fanin(net, id, k)), 1); k++)
#define lw_net_foreach_pi(net, i, id)                                          \
  for (uint32_t i = 0, id;                                                     \
       i < (net)->pis.size && ((id = (net)->pis.data[i]), 1); i++)
#define lw_net_foreach_po(net, i, id)                                          \
  for (uint32_t i = 0, id;                                                     \
       i < (net)->pos.size && ((id = (net)->pos.data[i]), 1); i++)

/* Topological order of all nodes (fanins first; among ready nodes, lower id
 * first). Fails with LW_ERR_CIRCUIT naming a node on a loop, or an unset
 * fanin. */
lw_status lw_net_topo(const lw_net *net, lw_u32s *order, lw_error *err);
/* Number of readers of each node (gate fanins; outputs not counted). */
void lw_net_fanout_counts(const lw_net *net, lw_u32s *count);
/* Count nodes of each gate type into counts[LW_GATE_COUNT]. */
void lw_net_count_types(const lw_net *net, uint32_t *counts);
/* Sum of the toggle rates of all nodes. */
double lw_net_toggle_sum(const lw_net *net);

#endif
