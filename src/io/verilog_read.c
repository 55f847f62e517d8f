/* ABC's structural Verilog of a mapped network (write_verilog after map):
 * one module of scalar inputs, outputs and wires, cell instances with named
 * pins (.a .b .c .d in fanin order, .O the output), and assigns of a net, an
 * inverted net or a constant. Node ids follow SIMPLER MAGIC's numbering
 * (docs/simpler.md section 2), so the order of declarations is kept. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "io/read.h"

typedef enum tok_kind { T_END, T_ID, T_CONST, T_PUNCT } tok_kind;

typedef struct lexer {
  const char *path, *s, *end;
  int line;
  lw_error *err;
  /* the current token */
  tok_kind kind;
  const char *text;
  uint32_t n;
  int escaped, value, tline;
} lexer;

enum { NET_UNDECLARED, NET_INPUT, NET_OUTPUT, NET_WIRE };

typedef struct net_info {
  uint8_t kind;
  uint32_t driver1;   /* driving instance + 1 */
  uint32_t read_line; /* first reader */
  uint32_t node;      /* node id, LW_NONE until numbered */
} net_info;
LW_VEC_DEFINE(net_infos, net_info);

/* A cell, or an assign (BUF, NOT, CONST0/1; a BUF of an input is an alias
 * and gets no node). */
typedef struct inst {
  lw_gate_type type;
  uint32_t fanin[LW_GATE_MAX_FANIN], nfanin, out, line;
} inst;
LW_VEC_DEFINE(insts, inst);

typedef struct vparser {
  lexer lx;
  lw_io_names names;
  net_infos nets;
  lw_u32s inputs, outputs, wires; /* nets in declaration order */
  insts insts;
  char *module;
} vparser;

/* ---- tokens -------------------------------------------------------------- */

static lw_status next(vparser *v) {
  lexer *l = &v->lx;
  for (;;) {
    while (l->s < l->end && isspace((unsigned char)*l->s))
      l->line += *l->s++ == '\n';
    if (l->s + 1 < l->end && l->s[0] == '/' && l->s[1] == '/') {
      while (l->s < l->end && *l->s != '\n')
        l->s++;
    } else if (l->s + 1 < l->end && l->s[0] == '/' && l->s[1] == '*') {
      for (l->s += 2; l->s < l->end &&
                      !(l->s[0] == '*' && l->s + 1 < l->end && l->s[1] == '/');
           l->s++)
        l->line += *l->s == '\n';
      if (l->s >= l->end)
        return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->line,
                            "unterminated /* comment");
      l->s += 2;
    } else {
      break;
    }
  }
  l->tline = l->line;
  l->text = l->s;
  l->escaped = 0;
  if (l->s >= l->end) {
    l->kind = T_END;
    l->n = 0;
    return LW_OK;
  }
  char c = *l->s;
  if (c == '\\') { /* escaped identifier: up to the next blank */
    l->text = ++l->s;
    while (l->s < l->end && !isspace((unsigned char)*l->s))
      l->s++;
    l->kind = T_ID;
    l->escaped = 1;
  } else if (isalpha((unsigned char)c) || c == '_') {
    while (l->s < l->end &&
           (isalnum((unsigned char)*l->s) || *l->s == '_' || *l->s == '$'))
      l->s++;
    l->kind = T_ID;
  } else if (isdigit((unsigned char)c)) {
    while (l->s < l->end && (isalnum((unsigned char)*l->s) || *l->s == '\''))
      l->s++;
    l->kind = T_CONST;
    size_t n = (size_t)(l->s - l->text);
    if (n == 4 && !memcmp(l->text, "1'b", 3) &&
        (l->text[3] == '0' || l->text[3] == '1'))
      l->value = l->text[3] - '0';
    else
      return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->line,
                          "unsupported constant '%.*s' (only 1'b0 and 1'b1)",
                          (int)n, l->text);
  } else {
    l->s++;
    l->kind = T_PUNCT;
  }
  l->n = (uint32_t)(l->s - l->text);
  if (l->kind == T_ID && !l->n)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->line,
                        "empty escaped identifier");
  return LW_OK;
}

static int is_punct(const lexer *l, char c) {
  return l->kind == T_PUNCT && l->text[0] == c;
}

static int is_word(const lexer *l, const char *w) {
  return l->kind == T_ID && !l->escaped && l->n == strlen(w) &&
         !memcmp(l->text, w, l->n);
}

static lw_status unexpected(vparser *v, const char *what) {
  lexer *l = &v->lx;
  if (l->kind == T_END)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->line,
                        "unexpected end of file: expected %s", what);
  return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->tline,
                      "expected %s, found '%.*s'", what,
                      (int)(l->n > 60 ? 60 : l->n), l->text);
}

static lw_status expect(vparser *v, char c) {
  char what[4] = {'\'', c, '\'', 0};
  if (!is_punct(&v->lx, c))
    return unexpected(v, what);
  return next(v);
}

static uint32_t net_of(vparser *v) {
  uint32_t i = lw_io_names_intern(&v->names, v->lx.text, v->lx.n, NULL);
  if (i >= v->nets.size)
    lw_vec_resize(&v->nets, i + 1);
  return i;
}

/* ---- declarations and statements ---------------------------------------- */

/* input/output/wire: a comma-separated list of scalar names. ABC leaves
 * out an output that is also an input and may leave the comma before it:
 * an empty last item ("output y,;", "output;") ends the list. */
static lw_status declaration(vparser *v, uint8_t kind, lw_u32s *list) {
  lw_status st = next(v);
  while (st == LW_OK) {
    if (is_punct(&v->lx, ';'))
      return next(v);
    if (is_punct(&v->lx, '['))
      return lw_error_set(v->lx.err, LW_ERR_PARSE, v->lx.path, v->lx.tline,
                          "vector declarations are not supported (ABC's "
                          "netlists have scalar nets only)");
    if (v->lx.kind != T_ID)
      return unexpected(v, "a net name");
    uint32_t n = net_of(v);
    if (v->nets.data[n].kind != NET_UNDECLARED)
      return lw_error_set(v->lx.err, LW_ERR_PARSE, v->lx.path, v->lx.tline,
                          "net '%s' is declared twice",
                          lw_io_names_str(&v->names, n));
    v->nets.data[n].kind = kind;
    lw_vec_push(list, n);
    if ((st = next(v)) != LW_OK)
      return st;
    if (is_punct(&v->lx, ';'))
      return next(v);
    st = expect(v, ',');
  }
  return st;
}

static lw_status add_inst(vparser *v, inst *g) {
  net_info *o = &v->nets.data[g->out];
  if (o->driver1 || o->kind == NET_INPUT)
    return lw_error_set(v->lx.err, LW_ERR_PARSE, v->lx.path, (int)g->line,
                        "net '%s' is driven twice%s",
                        lw_io_names_str(&v->names, g->out),
                        o->kind == NET_INPUT ? " (it is an input)" : "");
  if (o->kind == NET_UNDECLARED) {
    /* an implicit wire: numbered after the declared ones */
    o->kind = NET_WIRE;
    lw_vec_push(&v->wires, g->out);
  }
  for (uint32_t k = 0; k < g->nfanin; k++)
    if (!v->nets.data[g->fanin[k]].read_line)
      v->nets.data[g->fanin[k]].read_line = g->line;
  lw_vec_push(&v->insts, *g);
  v->nets.data[g->out].driver1 = v->insts.size;
  return LW_OK;
}

/* assign NET = NET | ~NET | 1'b0 | 1'b1 ; */
static lw_status assign(vparser *v) {
  inst g = {.line = (uint32_t)v->lx.tline};
  lw_status st = next(v);
  if (st != LW_OK)
    return st;
  if (v->lx.kind != T_ID)
    return unexpected(v, "a net name");
  g.out = net_of(v);
  if ((st = next(v)) != LW_OK || (st = expect(v, '=')) != LW_OK)
    return st;
  int neg = is_punct(&v->lx, '~');
  if (neg && (st = next(v)) != LW_OK)
    return st;
  if (v->lx.kind == T_CONST && !neg) {
    g.type = v->lx.value ? LW_GATE_CONST1 : LW_GATE_CONST0;
  } else if (v->lx.kind == T_ID) {
    g.type = neg ? LW_GATE_NOT : LW_GATE_BUF;
    g.nfanin = 1;
    g.fanin[0] = net_of(v);
  } else {
    return unexpected(v, "a net name or constant (only plain assigns: this "
                         "is not a mapped netlist)");
  }
  if ((st = next(v)) != LW_OK)
    return st;
  if (!is_punct(&v->lx, ';'))
    return unexpected(v, "';' (expressions are not supported: this is not "
                         "a mapped netlist)");
  if ((st = next(v)) != LW_OK)
    return st;
  return add_inst(v, &g);
}

/* CELL NAME ( .pin(net), ... ) ; */
static lw_status instance(vparser *v) {
  lexer *l = &v->lx;
  inst g = {.line = (uint32_t)l->tline, .out = LW_NONE};
  char cell[64];
  snprintf(cell, sizeof cell, "%.*s", (int)(l->n < 63 ? l->n : 63), l->text);
  g.type = l->n < 63 ? lw_gate_find_genlib(cell) : LW_GATE_COUNT;
  if (g.type == LW_GATE_COUNT)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->tline,
                        "unknown cell '%.*s' (not a cell of the gate table)",
                        (int)(l->n > 60 ? 60 : l->n), l->text);
  g.nfanin = (uint32_t)lw_gate(g.type)->arity;
  for (uint32_t k = 0; k < g.nfanin; k++)
    g.fanin[k] = LW_NONE;
  lw_status st = next(v);
  if (st == LW_OK && l->kind == T_ID) /* the instance name is optional */
    st = next(v);
  if (st == LW_OK)
    st = expect(v, '(');
  while (st == LW_OK && !is_punct(l, ')')) {
    if ((st = expect(v, '.')) != LW_OK)
      return st;
    if (l->kind != T_ID)
      return unexpected(v, "a pin name");
    uint32_t *slot = NULL;
    if (l->n == 1 && l->text[0] == 'O')
      slot = &g.out;
    else if (l->n == 1 && l->text[0] >= 'a' &&
             (uint32_t)(l->text[0] - 'a') < g.nfanin)
      slot = &g.fanin[l->text[0] - 'a'];
    if (!slot)
      return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->tline,
                          "cell '%s' has no pin '%.*s'", cell,
                          (int)(l->n > 60 ? 60 : l->n), l->text);
    if (*slot != LW_NONE)
      return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->tline,
                          "pin '%c' connected twice", l->text[0]);
    if ((st = next(v)) != LW_OK || (st = expect(v, '(')) != LW_OK)
      return st;
    if (l->kind != T_ID)
      return unexpected(v, "a net name");
    *slot = net_of(v);
    if ((st = next(v)) != LW_OK || (st = expect(v, ')')) != LW_OK)
      return st;
    if (is_punct(l, ',') && (st = next(v)) != LW_OK)
      return st;
  }
  if (st == LW_OK)
    st = next(v);
  if (st == LW_OK && !is_punct(l, ';'))
    st = unexpected(v, "';'");
  if (st == LW_OK)
    st = next(v);
  if (st != LW_OK)
    return st;
  for (uint32_t k = 0; k < g.nfanin; k++)
    if (g.fanin[k] == LW_NONE)
      return lw_error_set(l->err, LW_ERR_PARSE, l->path, (int)g.line,
                          "cell '%s' lacks pin '%c'", cell, 'a' + (int)k);
  if (g.out == LW_NONE)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, (int)g.line,
                        "cell '%s' lacks its output pin 'O'", cell);
  return add_inst(v, &g);
}

static lw_status module(vparser *v) {
  lexer *l = &v->lx;
  lw_status st = next(v);
  if (st != LW_OK)
    return st;
  if (l->kind == T_END)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, 0,
                        "empty file: no Verilog module");
  if (!is_word(l, "module"))
    return unexpected(v, "'module'");
  if ((st = next(v)) != LW_OK)
    return st;
  if (l->kind != T_ID)
    return unexpected(v, "a module name");
  v->module = lw_strndup(l->text, l->n);
  if ((st = next(v)) != LW_OK)
    return st;
  if (is_punct(l, '(')) { /* the port list repeats the declarations */
    while ((st = next(v)) == LW_OK && !is_punct(l, ')'))
      if (l->kind == T_END)
        return unexpected(v, "')'");
    if (st == LW_OK)
      st = next(v);
  }
  if (st == LW_OK)
    st = expect(v, ';');
  while (st == LW_OK && !is_word(l, "endmodule")) {
    if (l->kind == T_END)
      return unexpected(v, "'endmodule'");
    if (is_word(l, "input"))
      st = declaration(v, NET_INPUT, &v->inputs);
    else if (is_word(l, "output"))
      st = declaration(v, NET_OUTPUT, &v->outputs);
    else if (is_word(l, "wire"))
      st = declaration(v, NET_WIRE, &v->wires);
    else if (is_word(l, "assign"))
      st = assign(v);
    else if (is_word(l, "inout") || is_word(l, "reg") || is_word(l, "always") ||
             is_word(l, "module"))
      return lw_error_set(l->err, LW_ERR_PARSE, l->path, l->tline,
                          "'%.*s' is not supported: expected ABC's mapped "
                          "structural Verilog",
                          (int)l->n, l->text);
    else if (l->kind == T_ID)
      st = instance(v);
    else
      st = unexpected(v, "a declaration, assign or cell instance");
  }
  if (st == LW_OK && (st = next(v)) == LW_OK && l->kind != T_END)
    st = lw_error_set(l->err, LW_ERR_PARSE, l->path, l->tline,
                      "a second module: hierarchical netlists are not "
                      "supported");
  return st;
}

/* ---- numbering and building ---------------------------------------------- */

static int is_alias(const vparser *v, const inst *g) {
  return g->type == LW_GATE_BUF && g->nfanin == 1 &&
         v->nets.data[g->fanin[0]].kind == NET_INPUT;
}

static lw_status check(vparser *v) {
  const lexer *l = &v->lx;
  uint32_t worst = LW_NONE, line = UINT32_MAX;
  lw_vec_foreach (&v->nets, n) {
    const net_info *x = &v->nets.data[n];
    if (x->read_line && !x->driver1 && x->kind != NET_INPUT &&
        x->read_line < line) {
      worst = n;
      line = x->read_line;
    }
  }
  if (worst != LW_NONE)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, (int)line,
                        "net '%s' is read but never driven",
                        lw_io_names_str(&v->names, worst));
  lw_vec_foreach (&v->outputs, i) {
    if (!v->nets.data[v->outputs.data[i]].driver1)
      return lw_error_set(l->err, LW_ERR_PARSE, l->path, 0,
                          "output '%s' is never driven",
                          lw_io_names_str(&v->names, v->outputs.data[i]));
  }
  if (!v->outputs.size)
    return lw_error_set(l->err, LW_ERR_PARSE, l->path, 0,
                        "the module has no outputs");
  return LW_OK;
}

static lw_net *build(vparser *v) {
  lw_net *net = lw_net_new(v->module);
  lw_vec_foreach (&v->inputs, i) {
    uint32_t n = v->inputs.data[i];
    v->nets.data[n].node = lw_net_add_pi(net, lw_io_names_str(&v->names, n));
  }
  /* number: wires, then outputs, each by the instance that drives it */
  lw_u32s order = {0};
  uint32_t next_id = lw_net_size(net);
  for (int pass = 0; pass < 2; pass++) {
    const lw_u32s *list = pass ? &v->outputs : &v->wires;
    lw_vec_foreach (list, i) {
      net_info *x = &v->nets.data[list->data[i]];
      if (!x->driver1)
        continue; /* an unused, undriven wire */
      const inst *g = &v->insts.data[x->driver1 - 1];
      if (is_alias(v, g)) {
        x->node = v->nets.data[g->fanin[0]].node;
        continue;
      }
      x->node = next_id++;
      lw_vec_push(&order, x->driver1 - 1);
    }
  }
  lw_vec_foreach (&order, i) {
    const inst *g = &v->insts.data[order.data[i]];
    uint32_t fanin[LW_GATE_MAX_FANIN];
    for (uint32_t k = 0; k < g->nfanin; k++)
      fanin[k] = v->nets.data[g->fanin[k]].node;
    lw_net_add_node(net, g->type, g->nfanin, fanin,
                    lw_io_names_str(&v->names, g->out));
  }
  lw_vec_foreach (&v->outputs, i) {
    uint32_t n = v->outputs.data[i];
    lw_net_add_po(net, v->nets.data[n].node, lw_io_names_str(&v->names, n));
  }
  lw_vec_free(&order);
  return net;
}

lw_status lw_io_verilog_parse(const char *path, const char *text, size_t len,
                              lw_net **net, lw_error *err) {
  *net = NULL;
  vparser v = {
      .lx = {
          .path = path, .s = text, .end = text + len, .line = 1, .err = err}};
  lw_status st = LW_OK;
  if (memchr(text, 0, len))
    st = lw_error_set(err, LW_ERR_PARSE, path, 0,
                      "a NUL byte: binary data, not a Verilog text");
  if (st == LW_OK)
    st = module(&v);
  if (st == LW_OK)
    st = check(&v);
  if (st == LW_OK) {
    lw_vec_foreach (&v.nets, n)
      v.nets.data[n].node = LW_NONE;
    *net = build(&v);
    lw_u32s topo = {0};
    st = lw_net_topo(*net, &topo, err);
    lw_vec_free(&topo);
    if (st != LW_OK) {
      if (err)
        snprintf(err->file, sizeof err->file, "%s", path);
      lw_net_free(*net);
      *net = NULL;
    }
  }
  lw_free(v.module);
  lw_io_names_free(&v.names);
  lw_vec_free(&v.nets);
  lw_vec_free(&v.inputs);
  lw_vec_free(&v.outputs);
  lw_vec_free(&v.wires);
  lw_vec_free(&v.insts);
  return st;
}
