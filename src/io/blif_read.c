/* The native BLIF reader: one flat combinational model of .names covers
 * and .gate cells of the gate table's genlib. Parsing fills a list of
 * definitions; building turns each into nodes once every signal is known,
 * because BLIF may read a signal before the line that drives it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "io/read.h"

typedef struct token {
  const char *s;
  uint32_t n;
} token;
LW_VEC_DEFINE(tokens, token);

/* One .names or .gate. A cover is ncubes rows of nfanin chars in `cubes`. */
typedef struct def {
  uint32_t out, line;
  uint32_t fanin, nfanin; /* offset into parser.fanins (signal indices) */
  uint32_t cube, ncubes;  /* offset into parser.cubes */
  int onset;              /* 1 ON-set, 0 OFF-set, -1 no cover line yet */
  lw_gate_type gate;      /* LW_GATE_COUNT for a .names */
} def;
LW_VEC_DEFINE(defs, def);

typedef struct signal {
  uint32_t def1;      /* driving def + 1; 0 = none */
  uint32_t pi1;       /* input number + 1; 0 = not an input */
  uint32_t read_line; /* first line that reads it; 0 = never read */
} signal;
LW_VEC_DEFINE(signals, signal);

typedef struct parser {
  const char *path, *end, *pos;
  uint32_t line; /* physical line at pos */
  const lw_read_params *params;
  lw_blif_mode mode;
  lw_error *err;
  char *model;
  lw_io_names names;
  signals sig;
  lw_u32s pis, pos_sig, pos_line;
  defs defs;
  lw_u32s fanins;
  lw_chars cubes;
  tokens tok;
} parser;

/* ---- lines and tokens ---------------------------------------------------- */

/* A parse error at `line` of the file (0: none). */
static lw_status fail(const parser *p, uint32_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static lw_status fail(const parser *p, uint32_t line, const char *fmt, ...) {
  char msg[sizeof p->err->msg];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return lw_error_set(p->err, LW_ERR_PARSE, p->path, (int)line, "%s", msg);
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* A backslash followed by nothing but blanks up to the end of the physical
 * line continues the logical line. */
static int is_continuation(const parser *p, const char *s) {
  if (*s != '\\')
    return 0;
  for (s++; s < p->end && is_blank(*s); s++)
    ;
  return s == p->end || *s == '\n';
}

/* Next logical line as tokens; 0 at the end of the text. *line is where the
 * logical line starts. '#' starts a comment up to the physical line end. */
static int next_line(parser *p, uint32_t *line) {
  lw_vec_clear(&p->tok);
  while (p->pos < p->end) {
    char c = *p->pos;
    if (is_blank(c)) {
      p->pos++;
    } else if (c == '\n') {
      p->pos++;
      p->line++;
      if (p->tok.size)
        return 1;
    } else if (c == '#') {
      while (p->pos < p->end && *p->pos != '\n')
        p->pos++;
    } else if (is_continuation(p, p->pos)) {
      while (p->pos < p->end && *p->pos != '\n')
        p->pos++;
      if (p->pos < p->end) {
        p->pos++;
        p->line++;
      }
    } else {
      const char *s = p->pos;
      while (p->pos < p->end && !is_blank(*p->pos) && *p->pos != '\n' &&
             *p->pos != '#' && !is_continuation(p, p->pos))
        p->pos++;
      if (!p->tok.size)
        *line = p->line;
      token t = {s, (uint32_t)(p->pos - s)};
      lw_vec_push(&p->tok, t);
    }
  }
  return p->tok.size > 0;
}

static int tok_is(const token *t, const char *s) {
  return t->n == strlen(s) && !memcmp(t->s, s, t->n);
}

/* ---- parsing ------------------------------------------------------------- */

static uint32_t signal_of(parser *p, const token *t) {
  uint32_t i = lw_io_names_intern(&p->names, t->s, t->n, NULL);
  if (i >= p->sig.size)
    lw_vec_resize(&p->sig, i + 1);
  return i;
}

static void mark_read(parser *p, uint32_t s, uint32_t line) {
  if (!p->sig.data[s].read_line)
    p->sig.data[s].read_line = line;
}

static lw_status drive(parser *p, uint32_t s, uint32_t line, uint32_t def1,
                       uint32_t pi1) {
  signal *g = &p->sig.data[s];
  if (g->def1 || g->pi1) {
    uint32_t first = g->def1 ? p->defs.data[g->def1 - 1].line : 0;
    if (first)
      return fail(p, line, "signal '%s' is driven twice (first at line %u)",
                  lw_io_names_str(&p->names, s), first);
    return fail(p, line, "signal '%s' is driven twice (it is a primary input)",
                lw_io_names_str(&p->names, s));
  }
  g->def1 = def1;
  g->pi1 = pi1;
  return LW_OK;
}

static lw_status parse_names(parser *p, uint32_t line) {
  if (p->tok.size < 2)
    return fail(p, line, ".names without an output signal");
  def d = {.line = line,
           .fanin = p->fanins.size,
           .cube = p->cubes.size,
           .onset = -1,
           .gate = LW_GATE_COUNT};
  d.nfanin = p->tok.size - 2;
  for (uint32_t k = 1; k + 1 < p->tok.size; k++) {
    uint32_t s = signal_of(p, &p->tok.data[k]);
    mark_read(p, s, line);
    lw_vec_push(&p->fanins, s);
  }
  d.out = signal_of(p, &lw_vec_last(&p->tok));
  lw_vec_push(&p->defs, d);
  return drive(p, d.out, line, p->defs.size, 0);
}

/* A cover line of the current .names: "CUBE OUT", or "OUT" for none. */
static lw_status parse_cube(parser *p, def *d, uint32_t line) {
  uint32_t want = d->nfanin ? 2 : 1;
  if (p->tok.size != want) {
    if (d->nfanin && p->tok.size == 1)
      return fail(p, line,
                  "cover line of width %u, .names has %u inputs "
                  "(or the output column is missing)",
                  p->tok.data[0].n, d->nfanin);
    return fail(p, line, "cover line has %u fields, expected %u", p->tok.size,
                want);
  }
  const token *out = &p->tok.data[want - 1];
  if (d->nfanin) {
    const token *c = &p->tok.data[0];
    if (c->n != d->nfanin)
      return fail(p, line, "cover line of width %u, .names has %u inputs", c->n,
                  d->nfanin);
    for (uint32_t k = 0; k < c->n; k++)
      if (c->s[k] != '0' && c->s[k] != '1' && c->s[k] != '-')
        return fail(p, line, "bad character '%c' in cover (only 0, 1 and -)",
                    c->s[k]);
    for (uint32_t k = 0; k < c->n; k++)
      lw_vec_push(&p->cubes, c->s[k]);
  }
  if (out->n != 1 || (out->s[0] != '0' && out->s[0] != '1'))
    return fail(p, line, "bad cover output '%.*s' (only 0 or 1)", (int)out->n,
                out->s);
  int on = out->s[0] == '1';
  if (d->onset >= 0 && d->onset != on)
    return fail(p, line, "cover of '%s' mixes ON-set (1) and OFF-set (0) lines",
                lw_io_names_str(&p->names, d->out));
  d->onset = on;
  d->ncubes++;
  return LW_OK;
}

/* .gate CELL a=x b=y O=z: pins a, b, c, d are fanins 0..3, O the output. */
static lw_status parse_gate(parser *p, uint32_t line) {
  if (p->tok.size < 2)
    return fail(p, line, ".gate without a cell name");
  const token *cell = &p->tok.data[1];
  char name[64];
  snprintf(name, sizeof name, "%.*s", (int)cell->n, cell->s);
  lw_gate_type t =
      cell->n < sizeof name ? lw_gate_find_genlib(name) : LW_GATE_COUNT;
  if (t == LW_GATE_COUNT)
    return fail(p, line, "unknown gate '%.*s' (not a cell of the gate table)",
                (int)cell->n, cell->s);
  uint32_t arity = (uint32_t)lw_gate(t)->arity;
  uint32_t pin[LW_GATE_MAX_FANIN + 1], out = LW_NONE;
  for (uint32_t k = 0; k < arity; k++)
    pin[k] = LW_NONE;
  for (uint32_t k = 2; k < p->tok.size; k++) {
    const token *a = &p->tok.data[k];
    const char *eq = memchr(a->s, '=', a->n);
    if (!eq || eq == a->s || eq + 1 == a->s + a->n)
      return fail(p, line, "bad pin binding '%.*s' (expected PIN=SIGNAL)",
                  (int)a->n, a->s);
    token net = {eq + 1, (uint32_t)(a->s + a->n - eq - 1)};
    uint32_t plen = (uint32_t)(eq - a->s), *slot = NULL;
    if (plen == 1 && a->s[0] == 'O')
      slot = &out;
    else if (plen == 1 && a->s[0] >= 'a' && (uint32_t)(a->s[0] - 'a') < arity)
      slot = &pin[a->s[0] - 'a'];
    if (!slot)
      return fail(p, line, "cell '%s' has no pin '%.*s'", name, (int)plen,
                  a->s);
    if (*slot != LW_NONE)
      return fail(p, line, "pin '%.*s' bound twice", (int)plen, a->s);
    *slot = signal_of(p, &net);
  }
  for (uint32_t k = 0; k < arity; k++)
    if (pin[k] == LW_NONE)
      return fail(p, line, "cell '%s' lacks pin '%c'", name, 'a' + (int)k);
  if (out == LW_NONE)
    return fail(p, line, "cell '%s' lacks its output pin 'O'", name);
  def d = {.out = out,
           .line = line,
           .fanin = p->fanins.size,
           .nfanin = arity,
           .onset = -1,
           .gate = t};
  for (uint32_t k = 0; k < arity; k++) {
    mark_read(p, pin[k], line);
    lw_vec_push(&p->fanins, pin[k]);
  }
  lw_vec_push(&p->defs, d);
  return drive(p, out, line, p->defs.size, 0);
}

static lw_status parse_io(parser *p, uint32_t line, int inputs) {
  for (uint32_t k = 1; k < p->tok.size; k++) {
    uint32_t s = signal_of(p, &p->tok.data[k]);
    if (!inputs) {
      lw_vec_push(&p->pos_sig, s);
      lw_vec_push(&p->pos_line, line);
      continue;
    }
    lw_vec_push(&p->pis, s);
    lw_status st = drive(p, s, line, 0, p->pis.size);
    if (st != LW_OK)
      return st;
  }
  return LW_OK;
}

static void warn(parser *p, uint32_t line, const char *msg) {
  if (p->params && p->params->warn)
    p->params->warn(p->params->warn_ctx, p->path, (int)line, msg);
}

/* SIS timing annotations: meaningless here, harmless to skip. */
static const char *const ignored[] = {".area",
                                      ".delay",
                                      ".wire_load_slope",
                                      ".wire",
                                      ".input_arrival",
                                      ".default_input_arrival",
                                      ".output_required",
                                      ".default_output_required",
                                      ".input_drive",
                                      ".default_input_drive",
                                      ".output_load",
                                      ".default_output_load",
                                      ".max_input_load",
                                      ".default_max_input_load"};

static lw_status parse(parser *p) {
  uint32_t line = 0, cur = LW_NONE; /* cur: def taking cover lines */
  int seen_model = 0, ended = 0, content = 0;
  while (next_line(p, &line)) {
    const token *t = &p->tok.data[0];
    if (t->s[0] != '.') {
      if (ended)
        continue;
      if (cur == LW_NONE)
        return fail(p, line, "'%.*s': a cover line outside any .names",
                    (int)t->n, t->s);
      lw_status st = parse_cube(p, &p->defs.data[cur], line);
      if (st != LW_OK)
        return st;
      continue;
    }
    cur = LW_NONE;
    if (tok_is(t, ".model")) {
      if (seen_model || ended)
        return fail(p, line,
                    "a second .model: hierarchical BLIF is not "
                    "supported (flatten it first)");
      seen_model = 1;
      if (p->tok.size > 1)
        p->model = lw_strndup(p->tok.data[1].s, p->tok.data[1].n);
      continue;
    }
    if (ended)
      continue;
    lw_status st = LW_OK;
    if (tok_is(t, ".inputs") || tok_is(t, ".outputs")) {
      st = parse_io(p, line, tok_is(t, ".inputs"));
      content = 1;
    } else if (tok_is(t, ".names")) {
      st = parse_names(p, line);
      cur = p->defs.size - 1;
      content = 1;
    } else if (tok_is(t, ".gate")) {
      st = parse_gate(p, line);
      content = 1;
    } else if (tok_is(t, ".end")) {
      ended = 1;
    } else if (tok_is(t, ".exdc")) {
      warn(p, line, "ignoring the .exdc section (external don't-cares)");
      ended = 1;
    } else if (tok_is(t, ".latch") || tok_is(t, ".mlatch") ||
               tok_is(t, ".clock") || tok_is(t, ".start_kiss")) {
      return fail(p, line,
                  "sequential circuit (%.*s): only combinational "
                  "circuits are supported",
                  (int)t->n, t->s);
    } else if (tok_is(t, ".subckt") || tok_is(t, ".search")) {
      return fail(p, line,
                  "%.*s: hierarchical BLIF is not supported "
                  "(flatten it first)",
                  (int)t->n, t->s);
    } else {
      size_t i = 0, n = sizeof ignored / sizeof *ignored;
      while (i < n && !tok_is(t, ignored[i]))
        i++;
      if (i == n)
        return fail(p, line, "unknown directive '%.*s'", (int)t->n, t->s);
      warn(p, line, "ignoring a timing annotation");
    }
    if (st != LW_OK)
      return st;
  }
  if (!content)
    return fail(p, 0,
                seen_model ? "the model is empty (no inputs, outputs "
                             "or logic)"
                           : "empty file: no BLIF model");
  return LW_OK;
}

/* ---- building ------------------------------------------------------------ */

typedef struct builder {
  parser *p;
  lw_net *net;
  lw_u32s node;   /* per signal: its node, LW_NONE until built */
  lw_u32s inv;    /* per signal: shared NOT node, LW_NONE if none yet */
  lw_u32s fixups; /* (node, fanin slot, signal) read before it was built */
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
  lw_vec_foreach(lits, i) {
    if (pos->data[i])
      set_fanin(b, id, i, lits->data[i]);
    else
      lw_net_set_fanin(b->net, id, i, lits->data[i]);
  }
  return id;
}

/* A .names cover as nodes: per cube an AND of literals, an ORN of cubes, a
 * NOT on top for an OFF-set cover; single literals and cubes need none. */
static uint32_t build_cover(builder *b, const def *d, const char *name) {
  const parser *p = b->p;
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

/* Mapped netlists hold cells only; a cover that needs helper nodes means the
 * file was never mapped. */
static lw_status check_mapped(parser *p, const def *d) {
  if (d->gate != LW_GATE_COUNT || d->ncubes == 0)
    return LW_OK;
  uint32_t lits = 0;
  for (uint32_t k = 0; k < d->nfanin; k++)
    lits += p->cubes.data[d->cube + k] != '-';
  if (d->ncubes == 1 && lits <= 1)
    return LW_OK;
  return fail(p, d->line,
              "not a mapped netlist: '%s' is a .names cover, not a "
              "cell of the gate table",
              lw_io_names_str(&p->names, d->out));
}

/* Definitions in node-id order (see read.h). */
static void def_order(parser *p, lw_u32s *order) {
  uint32_t n = p->defs.size;
  if (p->mode == LW_BLIF_CIRCUIT) {
    for (uint32_t i = 0; i < n; i++)
      lw_vec_push(order, i);
    return;
  }
  uint8_t *is_po = lw_alloc(n + 1);
  lw_vec_foreach(&p->pos_sig, i) {
    uint32_t d1 = p->sig.data[p->pos_sig.data[i]].def1;
    if (d1)
      is_po[d1 - 1] = 1;
  }
  for (uint32_t i = 0; i < n; i++)
    if (!is_po[i])
      lw_vec_push(order, i);
  lw_vec_foreach(&p->pos_sig, i) {
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
static int is_input_alias(const parser *p, const def *d) {
  if (p->mode != LW_BLIF_MAPPED || d->gate != LW_GATE_COUNT || d->ncubes != 1 ||
      d->onset != 1)
    return 0;
  for (uint32_t k = 0; k < d->nfanin; k++)
    if (p->cubes.data[d->cube + k] == '1' &&
        p->sig.data[p->fanins.data[d->fanin + k]].pi1)
      return 1 + (int)k;
  return 0;
}

static lw_status check_driven(parser *p) {
  uint32_t worst = LW_NONE, line = UINT32_MAX;
  lw_vec_foreach(&p->sig, s) {
    const signal *g = &p->sig.data[s];
    if (g->read_line && !g->def1 && !g->pi1 && g->read_line < line) {
      worst = s;
      line = g->read_line;
    }
  }
  if (worst != LW_NONE)
    return fail(p, line, "signal '%s' is read but never driven",
                lw_io_names_str(&p->names, worst));
  lw_vec_foreach(&p->pos_sig, i) {
    const signal *g = &p->sig.data[p->pos_sig.data[i]];
    if (!g->def1 && !g->pi1)
      return fail(p, p->pos_line.data[i], "output '%s' is never driven",
                  lw_io_names_str(&p->names, p->pos_sig.data[i]));
  }
  if (!p->pos_sig.size)
    return fail(p, 0, "the model has no outputs");
  return LW_OK;
}

static lw_status build(parser *p, lw_net **out) {
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
  lw_vec_foreach(&p->pis, i) b.node.data[p->pis.data[i]] =
      lw_net_add_pi(b.net, lw_io_names_str(&p->names, p->pis.data[i]));
  lw_u32s order = {0};
  def_order(p, &order);
  lw_vec_foreach(&order, i) {
    const def *d = &p->defs.data[order.data[i]];
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
  lw_vec_foreach(&p->pos_sig, i) {
    uint32_t s = p->pos_sig.data[i];
    lw_net_add_po(b.net, b.node.data[s], lw_io_names_str(&p->names, s));
  }
  lw_vec_free(&order);
  lw_vec_free(&b.node);
  lw_vec_free(&b.inv);
  lw_vec_free(&b.fixups);
  /* loops: the topological sort finds them and names a signal on one */
  lw_u32s topo = {0};
  st = lw_net_topo(b.net, &topo, p->err);
  lw_vec_free(&topo);
  if (st != LW_OK) {
    if (p->err)
      snprintf(p->err->file, sizeof p->err->file, "%s", p->path);
    lw_net_free(b.net);
    return st;
  }
  *out = b.net;
  return LW_OK;
}

lw_status lw_io_blif_parse(const char *path, const char *text, size_t len,
                           lw_blif_mode mode, const lw_read_params *params,
                           lw_net **net, lw_error *err) {
  *net = NULL;
  const char *nul = memchr(text, 0, len);
  if (nul) {
    uint32_t line = 1;
    for (const char *s = text; s < nul; s++)
      line += *s == '\n';
    return lw_error_set(err, LW_ERR_PARSE, path, (int)line,
                        "a NUL byte: binary data, not a BLIF text");
  }
  parser p = {.path = path, .end = text + len, .pos = text, .line = 1};
  p.params = params;
  p.mode = mode;
  p.err = err;
  lw_status st = parse(&p);
  if (st == LW_OK)
    st = build(&p, net);
  lw_free(p.model);
  lw_io_names_free(&p.names);
  lw_vec_free(&p.sig);
  lw_vec_free(&p.pis);
  lw_vec_free(&p.pos_sig);
  lw_vec_free(&p.pos_line);
  lw_vec_free(&p.defs);
  lw_vec_free(&p.fanins);
  lw_vec_free(&p.cubes);
  lw_vec_free(&p.tok);
  return st;
}
