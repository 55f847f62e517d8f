#include "io/blif_write.h"

#include <errno.h>
#include <string.h>

/* Signal names: inputs keep theirs, and so does a node that drives an
 * output of its own name (ABC's cec pairs inputs and outputs by name);
 * every other node is lw_n<id>_. */
typedef struct namer {
  const lw_net *net;
  uint8_t *own; /* per node: written under its own name */
} namer;

/* " name" of a node's signal. */
static void put_signal(const namer *nm, uint32_t id, FILE *f) {
  if (nm->own[id])
    fprintf(f, " %s", lw_net_node_name(nm->net, id));
  else
    fprintf(f, " lw_n%u_", id);
}

static void name_nodes(namer *nm) {
  const lw_net *net = nm->net;
  nm->own = lw_alloc(lw_net_size(net) + 1);
  lw_net_foreach_pi (net, i, id)
    nm->own[id] = 1;
  lw_net_foreach_po (net, i, id) {
    const char *name = lw_net_node_name(net, id);
    if (name && !strcmp(name, lw_net_po_name(net, i)))
      nm->own[id] = 1;
  }
}

/* One cover per evaluation rule, written as a rule rather than enumerated:
 * circuit-level AND/OR may have dozens of fanins. */
static void cover(FILE *f, lw_fn fn, uint32_t n) {
  switch (fn) {
  case LW_FN_CONST1:
    fputs("1\n", f);
    break;
  case LW_FN_CONST0:
  case LW_FN_PI:
    break;
  case LW_FN_BUF:
    fputs("1 1\n", f);
    break;
  case LW_FN_NOT:
    fputs("0 1\n", f);
    break;
  case LW_FN_AND:
  case LW_FN_NOR: /* all ones / all zeros */
    for (uint32_t k = 0; k < n; k++)
      fputc(fn == LW_FN_AND ? '1' : '0', f);
    fputs(" 1\n", f);
    break;
  case LW_FN_OR:
    for (uint32_t r = 0; r < n; r++) {
      for (uint32_t k = 0; k < n; k++)
        fputc(k == r ? '1' : '-', f);
      fputs(" 1\n", f);
    }
    break;
  case LW_FN_IMP:
  case LW_FN_ONOR: /* !(x0 | .. | x(n-2)) | y */
    for (uint32_t k = 0; k + 1 < n; k++)
      fputc('0', f);
    fputs("- 1\n", f);
    for (uint32_t k = 0; k + 1 < n; k++)
      fputc('-', f);
    fputs("1 1\n", f);
    break;
  }
}

/* Per node: its kept cover + 1, 0 if none. */
static uint32_t *cover_index(const lw_net *net) {
  uint32_t *at = lw_alloc(sizeof(uint32_t) * (lw_net_size(net) + 1));
  lw_vec_foreach (&net->covers, c)
    at[net->covers.data[c].node] = c + 1;
  return at;
}

/* The nodes the outputs need: through a kept cover's columns rather than
 * the nodes it was decomposed into. */
static uint8_t *needed_nodes(const lw_net *net, const uint32_t *cover) {
  uint8_t *need = lw_alloc(lw_net_size(net) + 1);
  lw_u32s stack = {0};
  lw_net_foreach_po (net, i, id)
    lw_vec_push(&stack, id);
  while (stack.size) {
    uint32_t id = lw_vec_pop(&stack);
    if (need[id])
      continue;
    need[id] = 1;
    if (cover[id]) {
      const lw_net_cover *c = &net->covers.data[cover[id] - 1];
      for (uint32_t k = 0; k < c->nleaf; k++)
        lw_vec_push(&stack, net->cover_leaves.data[c->leaf + k]);
    } else {
      lw_net_foreach_fanin (net, id, k, fi)
        lw_vec_push(&stack, fi);
    }
  }
  lw_vec_free(&stack);
  return need;
}

static void print_cover(const namer *nm, const lw_net_cover *c, FILE *f) {
  const lw_net *net = nm->net;
  for (uint32_t k = 0; k < c->nleaf; k++)
    put_signal(nm, net->cover_leaves.data[c->leaf + k], f);
  put_signal(nm, c->node, f);
  fputc('\n', f);
  for (uint32_t r = 0; r < c->ncubes; r++)
    fprintf(f, "%.*s %d\n", (int)c->nleaf,
            net->cover_cubes.data + c->cube + r * c->nleaf, c->onset);
}

static void print_node(const namer *nm, uint32_t id, FILE *f) {
  const lw_net *net = nm->net;
  lw_net_foreach_fanin (net, id, k, fi)
    put_signal(nm, fi, f);
  put_signal(nm, id, f);
  fputc('\n', f);
  cover(f, lw_gate(lw_net_type(net, id))->fn, lw_net_nfanin(net, id));
}

void lw_io_print_blif(const lw_net *net, FILE *f) {
  namer nm = {net, NULL};
  name_nodes(&nm);
  uint32_t *cov = cover_index(net);
  uint8_t *need = needed_nodes(net, cov);
  fprintf(f, ".model %s\n.inputs", net->name);
  lw_net_foreach_pi (net, i, id)
    fprintf(f, " %s", lw_net_node_name(net, id));
  fputs("\n.outputs", f);
  for (uint32_t i = 0; i < net->pos.size; i++)
    fprintf(f, " %s", lw_net_po_name(net, i));
  fputc('\n', f);
  lw_net_foreach_node (net, id) {
    if (!need[id] || lw_net_type(net, id) == LW_GATE_PI)
      continue;
    fputs(".names", f);
    if (cov[id])
      print_cover(&nm, &net->covers.data[cov[id] - 1], f);
    else
      print_node(&nm, id, f);
  }
  /* each output buffers its driver, unless the driver has its name */
  int logic = 0;
  lw_net_foreach_node (net, id)
    logic |= need[id] && lw_net_type(net, id) != LW_GATE_PI;
  lw_net_foreach_po (net, i, id) {
    const char *name = lw_net_po_name(net, i);
    if (nm.own[id] && !strcmp(lw_net_node_name(net, id), name))
      continue;
    logic = 1;
    fputs(".names", f);
    put_signal(&nm, id, f);
    fprintf(f, " %s\n1 1\n", name);
  }
  /* ABC 1.01 aborts on a model without a single .names (every output is
   * an input): an unused constant, which its strash drops, avoids that */
  if (!logic)
    fprintf(f, ".names lw_n%u_\n", lw_net_size(net));
  fputs(".end\n", f);
  lw_free(need);
  lw_free(cov);
  lw_free(nm.own);
}

lw_status lw_io_write_blif(const lw_net *net, const char *path, lw_error *err) {
  FILE *f = fopen(path, "w");
  if (!f)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
  lw_io_print_blif(net, f);
  if (fclose(f) != 0)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
  return LW_OK;
}
