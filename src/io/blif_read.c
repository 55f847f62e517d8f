/* The native BLIF reader, parsing: one flat combinational model of .names
 * covers and .gate cells of the gate table's genlib, read line by line into
 * definitions (io/blif.h); blif_build.c makes the netlist. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "io/blif.h"

/* ---- lines and tokens ---------------------------------------------------- */

lw_status lw_io_blif_fail(const lw_blif_parser *p, uint32_t line,
                          const char *fmt, ...) {
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
static int is_continuation(const lw_blif_parser *p, const char *s) {
  if (*s != '\\')
    return 0;
  for (s++; s < p->end && is_blank(*s); s++)
    ;
  return s == p->end || *s == '\n';
}

/* Next logical line as tokens; 0 at the end of the text. *line is where the
 * logical line starts. '#' starts a comment up to the physical line end. */
static int next_line(lw_blif_parser *p, uint32_t *line) {
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
      lw_blif_token t = {.s = s, .n = (uint32_t)(p->pos - s)};
      lw_vec_push(&p->tok, t);
    }
  }
  return p->tok.size > 0;
}

static int tok_is(const lw_blif_token *t, const char *s) {
  return t->n == strlen(s) && !memcmp(t->s, s, t->n);
}

/* ---- parsing ------------------------------------------------------------- */

static uint32_t signal_of(lw_blif_parser *p, const lw_blif_token *t) {
  uint32_t i = lw_io_names_intern(&p->names, t->s, t->n, NULL);
  if (i >= p->sig.size)
    lw_vec_resize(&p->sig, i + 1);
  return i;
}

static void mark_read(lw_blif_parser *p, uint32_t s, uint32_t line) {
  if (!p->sig.data[s].read_line)
    p->sig.data[s].read_line = line;
}

static lw_status drive(lw_blif_parser *p, uint32_t s, uint32_t line,
                       uint32_t def1, uint32_t pi1) {
  lw_blif_signal *g = &p->sig.data[s];
  if (g->def1 || g->pi1) {
    uint32_t first = g->def1 ? p->defs.data[g->def1 - 1].line : 0;
    if (first)
      return lw_io_blif_fail(p, line,
                             "signal '%s' is driven twice (first at line %u)",
                             lw_io_names_str(&p->names, s), first);
    return lw_io_blif_fail(
        p, line, "signal '%s' is driven twice (it is a primary input)",
        lw_io_names_str(&p->names, s));
  }
  g->def1 = def1;
  g->pi1 = pi1;
  return LW_OK;
}

static lw_status parse_names(lw_blif_parser *p, uint32_t line) {
  if (p->tok.size < 2)
    return lw_io_blif_fail(p, line, ".names without an output signal");
  lw_blif_def d = {.line = line,
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
static lw_status parse_cube(lw_blif_parser *p, lw_blif_def *d, uint32_t line) {
  uint32_t want = d->nfanin ? 2 : 1;
  if (p->tok.size != want) {
    if (d->nfanin && p->tok.size == 1)
      return lw_io_blif_fail(p, line,
                             "cover line of width %u, .names has %u inputs "
                             "(or the output column is missing)",
                             p->tok.data[0].n, d->nfanin);
    return lw_io_blif_fail(p, line, "cover line has %u fields, expected %u",
                           p->tok.size, want);
  }
  const lw_blif_token *out = &p->tok.data[want - 1];
  if (d->nfanin) {
    const lw_blif_token *c = &p->tok.data[0];
    if (c->n != d->nfanin)
      return lw_io_blif_fail(p, line,
                             "cover line of width %u, .names has %u inputs",
                             c->n, d->nfanin);
    for (uint32_t k = 0; k < c->n; k++)
      if (c->s[k] != '0' && c->s[k] != '1' && c->s[k] != '-')
        return lw_io_blif_fail(
            p, line, "bad character '%c' in cover (only 0, 1 and -)", c->s[k]);
    for (uint32_t k = 0; k < c->n; k++)
      lw_vec_push(&p->cubes, c->s[k]);
  }
  if (out->n != 1 || (out->s[0] != '0' && out->s[0] != '1'))
    return lw_io_blif_fail(p, line, "bad cover output '%.*s' (only 0 or 1)",
                           (int)out->n, out->s);
  int on = out->s[0] == '1';
  if (d->onset >= 0 && d->onset != on)
    return lw_io_blif_fail(
        p, line, "cover of '%s' mixes ON-set (1) and OFF-set (0) lines",
        lw_io_names_str(&p->names, d->out));
  d->onset = on;
  d->ncubes++;
  return LW_OK;
}

/* .gate CELL a=x b=y O=z: pins a, b, c, d are fanins 0..3, O the output. */
static lw_status parse_gate(lw_blif_parser *p, uint32_t line) {
  if (p->tok.size < 2)
    return lw_io_blif_fail(p, line, ".gate without a cell name");
  const lw_blif_token *cell = &p->tok.data[1];
  char name[64];
  snprintf(name, sizeof name, "%.*s", (int)cell->n, cell->s);
  lw_gate_type t =
      cell->n < sizeof name ? lw_gate_find_genlib(name) : LW_GATE_COUNT;
  if (t == LW_GATE_COUNT)
    return lw_io_blif_fail(p, line,
                           "unknown gate '%.*s' (not a cell of the gate table)",
                           (int)cell->n, cell->s);
  uint32_t arity = (uint32_t)lw_gate(t)->arity;
  uint32_t pin[LW_GATE_MAX_FANIN + 1], out = LW_NONE;
  for (uint32_t k = 0; k < arity; k++)
    pin[k] = LW_NONE;
  for (uint32_t k = 2; k < p->tok.size; k++) {
    const lw_blif_token *a = &p->tok.data[k];
    const char *eq = memchr(a->s, '=', a->n);
    if (!eq || eq == a->s || eq + 1 == a->s + a->n)
      return lw_io_blif_fail(p, line,
                             "bad pin binding '%.*s' (expected PIN=SIGNAL)",
                             (int)a->n, a->s);
    lw_blif_token net = {.s = eq + 1, .n = (uint32_t)(a->s + a->n - eq - 1)};
    uint32_t plen = (uint32_t)(eq - a->s), *slot = NULL;
    if (plen == 1 && a->s[0] == 'O')
      slot = &out;
    else if (plen == 1 && a->s[0] >= 'a' && (uint32_t)(a->s[0] - 'a') < arity)
      slot = &pin[a->s[0] - 'a'];
    if (!slot)
      return lw_io_blif_fail(p, line, "cell '%s' has no pin '%.*s'", name,
                             (int)plen, a->s);
    if (*slot != LW_NONE)
      return lw_io_blif_fail(p, line, "pin '%.*s' bound twice", (int)plen,
                             a->s);
    *slot = signal_of(p, &net);
  }
  for (uint32_t k = 0; k < arity; k++)
    if (pin[k] == LW_NONE)
      return lw_io_blif_fail(p, line, "cell '%s' lacks pin '%c'", name,
                             'a' + (int)k);
  if (out == LW_NONE)
    return lw_io_blif_fail(p, line, "cell '%s' lacks its output pin 'O'", name);
  lw_blif_def d = {.out = out,
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

static lw_status parse_io(lw_blif_parser *p, uint32_t line, int inputs) {
  for (uint32_t k = 1; k < p->tok.size; k++) {
    uint32_t s = signal_of(p, &p->tok.data[k]);
    if (!inputs) {
      /* two outputs of one name: ABC aborts on it, cec cannot pair them,
       * and a program names each output once */
      if (p->sig.data[s].po_line)
        return lw_io_blif_fail(p, line,
                               "output '%s' is listed twice (first at line "
                               "%u): each output needs its own name",
                               lw_io_names_str(&p->names, s),
                               p->sig.data[s].po_line);
      p->sig.data[s].po_line = line;
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

void lw_io_blif_warn(const lw_blif_parser *p, uint32_t line, const char *msg) {
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

/* Where the parser is in the file. */
typedef struct parse_state {
  uint32_t cur; /* the def taking cover lines; LW_NONE: none */
  int seen_model, ended, content;
} parse_state;

/* A line that is no directive: a cube of the current .names. */
static lw_status parse_cover_line(lw_blif_parser *p, parse_state *ps,
                                  uint32_t line) {
  const lw_blif_token *t = &p->tok.data[0];
  if (ps->ended)
    return LW_OK;
  if (ps->cur == LW_NONE && !ps->seen_model && !ps->content)
    return lw_io_blif_fail(p, line,
                           "not a BLIF text: it starts with '%.*s', not "
                           "with .model, .inputs, .outputs or .names",
                           (int)(t->n < 40 ? t->n : 40), t->s);
  if (ps->cur == LW_NONE)
    return lw_io_blif_fail(p, line, "'%.*s': a cover line outside any .names",
                           (int)t->n, t->s);
  return parse_cube(p, &p->defs.data[ps->cur], line);
}

/* A directive lowwear refuses (sequential or hierarchical BLIF), or skips
 * (a timing annotation); any other is unknown. */
static lw_status parse_unsupported(lw_blif_parser *p, uint32_t line) {
  const lw_blif_token *t = &p->tok.data[0];
  if (tok_is(t, ".latch") || tok_is(t, ".mlatch") || tok_is(t, ".clock") ||
      tok_is(t, ".start_kiss"))
    return lw_io_blif_fail(p, line,
                           "sequential circuit (%.*s): only combinational "
                           "circuits are supported",
                           (int)t->n, t->s);
  if (tok_is(t, ".subckt") || tok_is(t, ".search"))
    return lw_io_blif_fail(p, line,
                           "%.*s: hierarchical BLIF is not supported "
                           "(flatten it first)",
                           (int)t->n, t->s);
  size_t i = 0, n = sizeof ignored / sizeof *ignored;
  while (i < n && !tok_is(t, ignored[i]))
    i++;
  if (i == n)
    return lw_io_blif_fail(p, line, "unknown directive '%.*s'", (int)t->n,
                           t->s);
  lw_io_blif_warn(p, line, "ignoring a timing annotation");
  return LW_OK;
}

/* A line starting with '.'; after .end (or .exdc) only a second .model
 * matters. */
static lw_status parse_directive(lw_blif_parser *p, parse_state *ps,
                                 uint32_t line) {
  const lw_blif_token *t = &p->tok.data[0];
  ps->cur = LW_NONE;
  if (tok_is(t, ".model")) {
    if (ps->seen_model || ps->ended)
      return lw_io_blif_fail(p, line,
                             "a second .model: hierarchical BLIF is not "
                             "supported (flatten it first)");
    ps->seen_model = 1;
    if (p->tok.size > 1)
      p->model = lw_strndup(p->tok.data[1].s, p->tok.data[1].n);
    return LW_OK;
  }
  if (ps->ended)
    return LW_OK;
  if (tok_is(t, ".inputs") || tok_is(t, ".outputs")) {
    ps->content = 1;
    return parse_io(p, line, tok_is(t, ".inputs"));
  }
  if (tok_is(t, ".names")) {
    ps->content = 1;
    lw_status st = parse_names(p, line);
    ps->cur = p->defs.size - 1;
    return st;
  }
  if (tok_is(t, ".gate")) {
    ps->content = 1;
    return parse_gate(p, line);
  }
  if (tok_is(t, ".exdc"))
    lw_io_blif_warn(p, line,
                    "ignoring the .exdc section (external don't-cares)");
  if (tok_is(t, ".end") || tok_is(t, ".exdc")) {
    ps->ended = 1;
    return LW_OK;
  }
  return parse_unsupported(p, line);
}

static lw_status parse(lw_blif_parser *p) {
  parse_state ps = {.cur = LW_NONE};
  uint32_t line = 0;
  while (next_line(p, &line)) {
    lw_status st = p->tok.data[0].s[0] == '.' ? parse_directive(p, &ps, line)
                                              : parse_cover_line(p, &ps, line);
    if (st != LW_OK)
      return st;
  }
  if (!ps.content)
    return lw_io_blif_fail(p, 0,
                           ps.seen_model
                               ? "the model is empty (no inputs, outputs "
                                 "or logic)"
                               : "empty file: no BLIF model");
  return LW_OK;
}

/* A control character (other than tab, CR and LF) means binary data or a
 * damaged file: no BLIF name holds one, and messages would print it. */
static lw_status check_text(const char *path, const char *text, size_t len,
                            lw_error *err) {
  uint32_t line = 1;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    line += c == '\n';
    if ((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t' || c == '\r')
      continue;
    if (!c)
      return lw_error_set(err, LW_ERR_PARSE, path, (int)line,
                          "a NUL byte: binary data, not a BLIF text");
    return lw_error_set(err, LW_ERR_PARSE, path, (int)line,
                        "control character 0x%02x: binary data or a damaged "
                        "file, not a BLIF text",
                        c);
  }
  return LW_OK;
}

lw_status lw_io_blif_parse(const char *path, const char *text, size_t len,
                           lw_blif_mode mode, const lw_read_params *params,
                           lw_net **net, lw_error *err) {
  *net = NULL;
  lw_status st = check_text(path, text, len, err);
  if (st != LW_OK)
    return st;
  lw_blif_parser p = {.path = path, .end = text + len, .pos = text, .line = 1};
  p.params = params;
  p.mode = mode;
  p.err = err;
  st = parse(&p);
  if (st == LW_OK)
    st = lw_io_blif_build(&p, net);
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
