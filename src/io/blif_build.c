/* The native BLIF reader, building: the parsed definitions (io/blif.h)
 * become nodes; a .names cover becomes an AND of literals per cube and an
 * OR of cubes, a .gate line its cell of the gate table. */
#include <stdio.h>
#include <string.h>

#include "io/blif.h"

typedef struct builder {
  lw_blif_parser *p;
  lw_net *net;
  lw_u32s node;   /* per signal: its node, LW_NONE until built */
  lw_u32s inv;    /* per signal: shared NOT node, LW_NONE if none yet */
  lw_u32s fixups; /* (node, fanin slot, signal) read before it was built */
  lw_u32s kept;   /* definitions whose cover is kept in the net */
} builder;

static void set_fanin(builder *b, uint32_t id, uint32_t k, uint32_t s) {
  if (b->node.data[s] != LW_NONE) {
    lw_net_set_fanin(b->net, id, k, b->node.data[s]);
    return;
  }
  lw_vec_push(&b->fixups, id);
  lw_vec_push(&b->fixups, k);
  lw_vec_push(&b->fixups, s);
}

static uint32_t gate1(builder *b, lw_gate_type t, uint32_t s,
                      const char *name) {
  uint32_t id = lw_net_add_node(b->net, t, 1, NULL, name);
  set_fanin(b, id, 0, s);
  return id;
}

/* The node standing for a literal: positive literals need no node of their
 * own, but their signal may not be built yet, so callers take `s` instead
 * when `*pos` is set. */
static uint32_t literal(builder *b, uint32_t s, char c, int *pos) {
  *pos = c == '1';
  if (*pos)
    return s;
  if (b->inv.data[s] == LW_NONE)
    b->inv.data[s] = gate1(b, LW_GATE_NOT, s, NULL);
  return b->inv.data[s];
}

/* A gate over the literals or terms in lits (pos[i]: lits[i] is a signal). */
static uint32_t wide(builder *b, lw_gate_type t, const lw_u32s *lits,
                     const lw_u32s *pos, const char *name) {
  uint32_t id = lw_net_add_node(b->net, t, lits->size, NULL, name);
  lw_vec_foreach (lits, i) {
    if (pos->data[i])
      set_fanin(b, id, i, lits->data[i]);
    else
      lw_net_set_fanin(b->net, id, i, lits->data[i]);
  }
  return id;
}

/* A .names cover as nodes: per cube an AND of literals, an ORN of cubes, a
 * NOT on top for an OFF-set cover; single literals and cubes need none. */
static uint32_t build_cover(builder *b, const lw_blif_def *d,
                            const char *name) {
  const lw_blif_parser *p = b->p;
  /* covers of constants may leave both arrays empty (NULL) */
  const char *cubes = p->cubes.data ? p->cubes.data + d->cube : "";
  const uint32_t *fan = p->fanins.data ? p->fanins.data + d->fanin : NULL;
  int on = d->onset != 0;
  if (!d->ncubes)
    return lw_net_add_node(b->net, LW_GATE_CONST0, 0, NULL, name);
  for (uint32_t c = 0; c < d->ncubes; c++) {
    uint32_t k = 0;
    while (k < d->nfanin && cubes[c * d->nfanin + k] == '-')
      k++;
    if (k == d->nfanin) /* a cube without literals: the cover is 1 */
      return lw_net_add_node(b->net, on ? LW_GATE_CONST1 : LW_GATE_CONST0, 0,
                             NULL, name);
  }
  if (d->ncubes == 1) {
    /* x or !x, or their complements for an OFF-set: one BUF or NOT */
    uint32_t nlit = 0, s = 0;
    char ch = 0;
    for (uint32_t k = 0; k < d->nfanin; k++)
      if (cubes[k] != '-') {
        nlit++;
        s = fan[k];
        ch = cubes[k];
      }
    if (nlit == 1) {
      int positive = (ch == '1') == on;
      uint32_t id = gate1(b, positive ? LW_GATE_BUF : LW_GATE_NOT, s, name);
      if (!positive && b->inv.data[s] == LW_NONE)
        b->inv.data[s] = id;
      return id;
    }
  }
  lw_vec_push(&b->kept, (uint32_t)(d - p->defs.data));
  lw_u32s terms = {0}, tpos = {0}, lits = {0}, lpos = {0};
  for (uint32_t c = 0; c < d->ncubes; c++) {
    lw_vec_clear(&lits);
    lw_vec_clear(&lpos);
    for (uint32_t k = 0; k < d->nfanin; k++) {
      char ch = cubes[c * d->nfanin + k];
      if (ch == '-')
        continue;
      int pos;
      lw_vec_push(&lits, literal(b, fan[k], ch, &pos));
      lw_vec_push(&lpos, (uint32_t)pos);
    }
    int last = d->ncubes == 1 && on;
    if (lits.size == 1) {
      lw_vec_push(&terms, lits.data[0]);
      lw_vec_push(&tpos, lpos.data[0]);
    } else {
      lw_vec_push(&terms,
                  wide(b, LW_GATE_AND, &lits, &lpos, last ? name : NULL));
      lw_vec_push(&tpos, 0);
    }
  }
  uint32_t f = terms.data[0];
  if (d->ncubes > 1)
    f = wide(b, LW_GATE_ORN, &terms, &tpos, on ? name : NULL);
  lw_vec_free(&lits);
  lw_vec_free(&lpos);
  lw_vec_free(&terms);
  lw_vec_free(&tpos);
  if (!on)
    f = lw_net_add_node(b->net, LW_GATE_NOT, 1, &f, name);
  return f;
}

/* The covers of several literals, kept in the net as written (columns
 * without a literal left out), once every signal has its node. */
static void keep_covers(builder *b) {
  const lw_blif_parser *p = b->p;
  lw_net *net = b->net;
  lw_vec_foreach (&b->kept, i) {
    const lw_blif_def *d = &p->defs.data[b->kept.data[i]];
    const char *cubes = p->cubes.data + d->cube;
    lw_net_cover c = {.node = b->node.data[d->out],
                      .leaf = net->cover_leaves.size,
                      .cube = net->cover_cubes.size,
                      .ncubes = d->ncubes,
                      .onset = d->onset != 0};
    uint8_t *used = lw_alloc(d->nfanin + 1);
    for (uint32_t r = 0; r < d->ncubes; r++)
      for (uint32_t k = 0; k < d->nfanin; k++)
        used[k] |= cubes[r * d->nfanin + k] != '-';
    for (uint32_t k = 0; k < d->nfanin; k++)
      if (used[k])
        lw_vec_push(&net->cover_leaves,
                    b->node.data[p->fanins.data[d->fanin + k]]);
    c.nleaf = net->cover_leaves.size - c.leaf;
    for (uint32_t r = 0; r < d->ncubes; r++)
      for (uint32_t k = 0; k < d->nfanin; k++)
        if (used[k])
          lw_vec_push(&net->cover_cubes, cubes[r * d->nfanin + k]);
    lw_free(used);
    lw_vec_push(&net->covers, c);
  }
}

/* Mapped netlists hold cells only; a cover that needs helper nodes means the
 * file was never mapped. */
static lw_status check_mapped(lw_blif_parser *p, const lw_blif_def *d) {
  if (d->gate != LW_GATE_COUNT || d->ncubes == 0)
    return LW_OK;
  uint32_t lits = 0;
  for (uint32_t k = 0; k < d->nfanin; k++)
    lits += p->cubes.data[d->cube + k] != '-';
  if (d->ncubes == 1 && lits <= 1)
    return LW_OK;
  return lw_io_blif_fail(p, d->line,
                         "not a mapped netlist: '%s' is a .names cover, not a "
                         "cell of the gate table",
                         lw_io_names_str(&p->names, d->out));
}

/* Definitions in node-id order (see read.h). */
static void def_order(lw_blif_parser *p, lw_u32s *order) {
  uint32_t n = p->defs.size;
  if (p->mode == LW_BLIF_CIRCUIT) {
    for (uint32_t i = 0; i < n; i++)
      lw_vec_push(order, i);
    return;
  }
  uint8_t *is_po = lw_alloc(n + 1);
  lw_vec_foreach (&p->pos_sig, i) {
    uint32_t d1 = p->sig.data[p->pos_sig.data[i]].def1;
    if (d1)
      is_po[d1 - 1] = 1;
  }
  for (uint32_t i = 0; i < n; i++)
    if (!is_po[i])
      lw_vec_push(order, i);
  lw_vec_foreach (&p->pos_sig, i) {
    uint32_t d1 = p->sig.data[p->pos_sig.data[i]].def1;
    if (d1 && is_po[d1 - 1]) {
      is_po[d1 - 1] = 0; /* an output listed twice has one node */
      lw_vec_push(order, d1 - 1);
    }
  }
  lw_free(is_po);
}

/* A buffer of an input that drives an output is no node in a mapped netlist:
 * the output is the input (SIMPLER reads it from the input cell). */
static int is_input_alias(const lw_blif_parser *p, const lw_blif_def *d) {
  if (p->mode != LW_BLIF_MAPPED || d->gate != LW_GATE_COUNT || d->ncubes != 1 ||
      d->onset != 1)
    return 0;
  for (uint32_t k = 0; k < d->nfanin; k++)
    if (p->cubes.data[d->cube + k] == '1' &&
        p->sig.data[p->fanins.data[d->fanin + k]].pi1)
      return 1 + (int)k;
  return 0;
}

/* yosys's write_blif -impltf leaves its constants undriven: the value of
 * such a net, or -1 for any other name. */
static int yosys_constant(const char *name) {
  if (!strcmp(name, "$true"))
    return 1;
  return !strcmp(name, "$false") || !strcmp(name, "$undef") ? 0 : -1;
}

static int undriven(const lw_blif_signal *g) {
  return (g->read_line || g->po_line) && !g->def1 && !g->pi1;
}

/* Per signal: 1 when an output depends on it (walked back from the
 * outputs through the definitions that drive each signal). */
static uint8_t *output_cone(const lw_blif_parser *p) {
  uint8_t *cone = lw_alloc(p->sig.size + 1);
  lw_u32s todo = {0};
  lw_vec_foreach (&p->pos_sig, i)
    lw_vec_push(&todo, p->pos_sig.data[i]);
  while (todo.size) {
    uint32_t s = lw_vec_pop(&todo), d1 = p->sig.data[s].def1;
    if (cone[s])
      continue;
    cone[s] = 1;
    if (!d1)
      continue;
    const lw_blif_def *d = &p->defs.data[d1 - 1];
    for (uint32_t k = 0; k < d->nfanin; k++)
      if (!cone[p->fanins.data[d->fanin + k]])
        lw_vec_push(&todo, p->fanins.data[d->fanin + k]);
  }
  lw_vec_free(&todo);
  return cone;
}

/* An undriven signal is an error when an output depends on it (or in a
 * mapped netlist, which ABC never leaves undriven); otherwise it is read as
 * 0 with a warning. */
static lw_status check_driven(lw_blif_parser *p) {
  uint8_t *cone = output_cone(p);
  uint32_t worst = LW_NONE, line = UINT32_MAX;
  lw_vec_foreach (&p->sig, s) {
    const lw_blif_signal *g = &p->sig.data[s];
    const char *name = lw_io_names_str(&p->names, s);
    if (!undriven(g) || yosys_constant(name) >= 0 || !g->read_line)
      continue;
    if ((cone[s] || p->mode == LW_BLIF_MAPPED) && g->read_line < line) {
      worst = s;
      line = g->read_line;
    } else if (!cone[s] && p->mode == LW_BLIF_CIRCUIT) {
      char msg[sizeof p->err->msg];
      snprintf(msg, sizeof msg,
               "signal '%s' is read but never driven; no output depends on "
               "it, so it is taken as 0",
               name);
      lw_io_blif_warn(p, g->read_line, msg);
    }
  }
  lw_free(cone);
  if (worst != LW_NONE)
    return lw_io_blif_fail(p, line, "signal '%s' is read but never driven",
                           lw_io_names_str(&p->names, worst));
  lw_vec_foreach (&p->pos_sig, i) {
    uint32_t s = p->pos_sig.data[i];
    const char *name = lw_io_names_str(&p->names, s);
    if (undriven(&p->sig.data[s]) && yosys_constant(name) < 0)
      return lw_io_blif_fail(p, p->pos_line.data[i],
                             "output '%s' is never driven", name);
  }
  if (!p->pos_sig.size)
    return lw_io_blif_fail(p, 0, "the model has no outputs");
  return LW_OK;
}

/* Undriven signals that passed check_driven: constant nodes. */
static void build_undriven(builder *b) {
  lw_blif_parser *p = b->p;
  lw_vec_foreach (&p->sig, s) {
    if (!undriven(&p->sig.data[s]))
      continue;
    const char *name = lw_io_names_str(&p->names, s);
    b->node.data[s] = lw_net_add_node(
        b->net, yosys_constant(name) == 1 ? LW_GATE_CONST1 : LW_GATE_CONST0, 0,
        NULL, name);
  }
}

/* The topological sort names a signal on a loop; the message gets the file
 * and the line of the definition that drives that signal. */
static void loop_line(const lw_blif_parser *p) {
  lw_error *err = p->err;
  if (!err)
    return;
  snprintf(err->file, sizeof err->file, "%s", p->path);
  const char *q = strchr(err->msg, '\''), *e = q ? strrchr(q + 1, '\'') : NULL;
  uint32_t s =
      e ? lw_io_names_find(&p->names, q + 1, (size_t)(e - q - 1)) : LW_NONE;
  if (s != LW_NONE && p->sig.data[s].def1)
    err->line = (int)p->defs.data[p->sig.data[s].def1 - 1].line;
}

lw_status lw_io_blif_build(lw_blif_parser *p, lw_net **out) {
  lw_status st = check_driven(p);
  if (st != LW_OK)
    return st;
  for (uint32_t i = 0; p->mode == LW_BLIF_MAPPED && i < p->defs.size; i++) {
    st = check_mapped(p, &p->defs.data[i]);
    if (st != LW_OK)
      return st;
  }
  builder b = {.p = p, .net = lw_net_new(p->model)};
  uint32_t nsig = p->sig.size;
  lw_vec_resize(&b.node, nsig);
  lw_vec_resize(&b.inv, nsig);
  for (uint32_t s = 0; s < nsig; s++)
    b.node.data[s] = b.inv.data[s] = LW_NONE;
  lw_vec_foreach (&p->pis, i)
    b.node.data[p->pis.data[i]] =
        lw_net_add_pi(b.net, lw_io_names_str(&p->names, p->pis.data[i]));
  build_undriven(&b);
  lw_u32s order = {0};
  def_order(p, &order);
  lw_vec_foreach (&order, i) {
    const lw_blif_def *d = &p->defs.data[order.data[i]];
    const char *name = lw_io_names_str(&p->names, d->out);
    int alias = is_input_alias(p, d);
    if (alias) {
      b.node.data[d->out] = b.node.data[p->fanins.data[d->fanin + alias - 1]];
    } else if (d->gate != LW_GATE_COUNT) {
      uint32_t id = lw_net_add_node(b.net, d->gate, d->nfanin, NULL, name);
      for (uint32_t k = 0; k < d->nfanin; k++)
        set_fanin(&b, id, k, p->fanins.data[d->fanin + k]);
      b.node.data[d->out] = id;
    } else {
      b.node.data[d->out] = build_cover(&b, d, name);
    }
  }
  for (uint32_t i = 0; i < b.fixups.size; i += 3)
    lw_net_set_fanin(b.net, b.fixups.data[i], b.fixups.data[i + 1],
                     b.node.data[b.fixups.data[i + 2]]);
  keep_covers(&b);
  lw_vec_foreach (&p->pos_sig, i) {
    uint32_t s = p->pos_sig.data[i];
    lw_net_add_po(b.net, b.node.data[s], lw_io_names_str(&p->names, s));
  }
  lw_vec_free(&order);
  lw_vec_free(&b.node);
  lw_vec_free(&b.inv);
  lw_vec_free(&b.fixups);
  lw_vec_free(&b.kept);
  /* loops: the topological sort finds them and names a signal on one */
  lw_u32s topo = {0};
  st = lw_net_topo(b.net, &topo, p->err);
  lw_vec_free(&topo);
  if (st != LW_OK) {
    loop_line(p);
    lw_net_free(b.net);
    return st;
  }
  *out = b.net;
  return LW_OK;
}
