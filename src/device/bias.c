/* Bias tables: the parser and the two built-in tables.
 *
 * Grammar (one statement per line, '#' starts a comment):
 *   name WORD
 *   rs OHM | return V | edge S | pulse S
 *   hrs NM | lrs NM | read NM | gap_min NM | gap_max NM
 *   set V | reset V   (the INIT pulses of a program run, program.c)
 *   gate NAME V_IN V_OUT [in_orient=+1|-1] [out_orient=+1|-1] [out_gap=NM]
 * Gate names are checked against the device gate table by the caller (a
 * bias file may carry rows for gates another version knows). */
#include "device/bias.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/vec.h"

/* Line voltages beyond this are refused: sinh(V/V0) overflows soon after
 * and no stateful gate needs them. */
#define MAX_LINE_V 10.0

/* docs/device.md 4.2, and 5.7 for the wide gates. */
static const char recommended_text[] =
    "# docs/device.md 4.2: IMPLY-like PMR, F_min gate on (inferred bias)\n"
    "name recommended\n"
    "rs 50\nreturn 0\nedge 1e-9\npulse 1e-6\n"
    "hrs 1.7\nlrs 0.3\nread 1.0\ngap_min 0.2\ngap_max 1.8\n"
    "set 1.56\nreset -1.40\n"
    "gate NOT    1.25  1.56\n"
    "gate COPY  -0.70  1.37\n"
    "gate IMP    1.25  1.56\n"
    "gate NOR    1.25  1.56\n"
    "gate OR    -1.84 -1.84\n"
    "gate ONOR   1.25  1.56\n"
    "gate COPYr -1.84 -1.84\n"
    "gate NOR3   1.25  1.56\n"
    "gate NOR4   1.25  1.56\n"
    "gate ONOR3  1.25  1.56\n"
    "gate OR3   -1.84 -1.84\n"
    "gate OR4   -1.84 -1.84\n";

/* docs/device.md 5.1: the paper's set/reset voltages used as gate drive; the
 * condition voltages are our choice (the paper gives none). */
static const char paper_text[] =
    "# docs/device.md 5.1: the paper's nominal +1.4 V / -1.0 V\n"
    "name paper\n"
    "rs 50\nreturn 0\nedge 1e-9\npulse 1e-6\n"
    "hrs 1.7\nlrs 0.3\nread 1.0\ngap_min 0.2\ngap_max 1.8\n"
    "set 1.4\nreset -1.0\n"
    "gate NOT    1.0  1.4\n"
    "gate COPY  -1.0  1.4\n"
    "gate IMP    1.0  1.4\n"
    "gate NOR    1.0  1.4\n"
    "gate OR    -1.0 -1.0\n"
    "gate ONOR   1.0  1.4\n"
    "gate COPYr -1.0 -1.0\n"
    "gate NOR3   1.0  1.4\n"
    "gate NOR4   1.0  1.4\n"
    "gate ONOR3  1.0  1.4\n"
    "gate OR3   -1.0 -1.0\n"
    "gate OR4   -1.0 -1.0\n";

static int parse_real(const char *tok, double *x) {
  char *end;
  errno = 0;
  *x = strtod(tok, &end);
  return !errno && end != tok && *end == 0 && isfinite(*x);
}

static int parse_orient(const char *tok, int *o) {
  if (!strcmp(tok, "+1") || !strcmp(tok, "1"))
    *o = 1;
  else if (!strcmp(tok, "-1"))
    *o = -1;
  else
    return 0;
  return 1;
}

/* Split a line into at most max whitespace-separated tokens. */
static int tokenize(char *s, char **tok, int max) {
  int n = 0;
  char *hash = strchr(s, '#');
  if (hash)
    *hash = 0;
  char *save = NULL;
  for (char *p = strtok_r(s, " \t\r", &save); p;
       p = strtok_r(NULL, " \t\r", &save)) {
    if (n == max)
      return max + 1;
    tok[n++] = p;
  }
  return n;
}

static lw_status parse_gate(char **tok, int n, const char *file, int line,
                            lw_bias *b, lw_error *err) {
  if (n < 4)
    return lw_error_set(err, LW_ERR_PARSE, file, line,
                        "expected 'gate NAME V_IN V_OUT [key=value...]'");
  if (b->nrows == LW_BIAS_MAX_ROWS)
    return lw_error_set(err, LW_ERR_PARSE, file, line, "more than %d gate rows",
                        LW_BIAS_MAX_ROWS);
  if (strlen(tok[1]) >= sizeof b->rows[0].gate)
    return lw_error_set(err, LW_ERR_PARSE, file, line, "gate name too long");
  if (lw_bias_find(b, tok[1]))
    return lw_error_set(err, LW_ERR_PARSE, file, line, "gate %s listed twice",
                        tok[1]);
  lw_bias_row r = {.in_orient = 1, .out_orient = 1, .line = line};
  snprintf(r.gate, sizeof r.gate, "%s", tok[1]);
  if (!parse_real(tok[2], &r.v_in) || !parse_real(tok[3], &r.v_out) ||
      fabs(r.v_in) > MAX_LINE_V || fabs(r.v_out) > MAX_LINE_V)
    return lw_error_set(err, LW_ERR_PARSE, file, line,
                        "line voltages must be numbers within +-%g V",
                        MAX_LINE_V);
  for (int k = 4; k < n; k++) {
    char *eq = strchr(tok[k], '=');
    double x;
    if (eq)
      *eq = 0;
    const char *val = eq ? eq + 1 : "";
    int ok = 0;
    if (!strcmp(tok[k], "in_orient"))
      ok = parse_orient(val, &r.in_orient);
    else if (!strcmp(tok[k], "out_orient"))
      ok = parse_orient(val, &r.out_orient);
    else if (!strcmp(tok[k], "out_gap") && parse_real(val, &x) && x > 0 &&
             x < 10) {
      r.out_gap = x * 1e-9;
      ok = 1;
    }
    if (!ok)
      return lw_error_set(err, LW_ERR_PARSE, file, line,
                          "bad gate option '%s%s%s' (in_orient=+-1, "
                          "out_orient=+-1, out_gap=NM)",
                          tok[k], eq ? "=" : "", val);
  }
  b->rows[b->nrows++] = r;
  return LW_OK;
}

/* Scalar settings: name, unit factor, range, and where they go. */
typedef struct setting {
  const char *key;
  double scale, min, max;
  size_t offset;
} setting;

static const setting settings[] = {
    {"rs", 1, 0, 1e6, offsetof(lw_bias, rs)},
    {"return", 1, -MAX_LINE_V, MAX_LINE_V, offsetof(lw_bias, v_return)},
    {"edge", 1, 1e-12, 1e-3, offsetof(lw_bias, edge)},
    {"pulse", 1, 1e-12, 1e-2, offsetof(lw_bias, pulse)},
    {"hrs", 1e-9, 0.01, 10, offsetof(lw_bias, hrs)},
    {"lrs", 1e-9, 0.01, 10, offsetof(lw_bias, lrs)},
    {"read", 1e-9, 0.01, 10, offsetof(lw_bias, read)},
    {"gap_min", 1e-9, 0.01, 10, offsetof(lw_bias, gap_min)},
    {"gap_max", 1e-9, 0.01, 2.5, offsetof(lw_bias, gap_max)},
    {"set", 1, 0, MAX_LINE_V, offsetof(lw_bias, v_set)},
    {"reset", 1, -MAX_LINE_V, 0, offsetof(lw_bias, v_reset)},
};

static void defaults(lw_bias *b) {
  memset(b, 0, sizeof *b);
  snprintf(b->name, sizeof b->name, "custom");
  b->rs = 50;
  b->edge = 1e-9;
  b->pulse = 1e-6;
  b->hrs = 1.7e-9;
  b->lrs = 0.3e-9;
  b->read = 1.0e-9;
  b->gap_min = 0.2e-9;
  b->gap_max = 1.8e-9;
  b->v_set = 1.56;
  b->v_reset = -1.40;
}

lw_status lw_bias_parse(const char *text, const char *file, lw_bias *b,
                        lw_error *err) {
  defaults(b);
  int line = 0;
  lw_status st = LW_OK;
  char *copy = lw_strdup(text);
  for (char *p = copy; p && st == LW_OK;) {
    char *nl = strchr(p, '\n');
    if (nl)
      *nl = 0;
    line++;
    char *tok[16];
    int n = tokenize(p, tok, 16);
    p = nl ? nl + 1 : NULL;
    if (n == 0)
      continue;
    if (n > 16) {
      st = lw_error_set(err, LW_ERR_PARSE, file, line, "too many fields");
    } else if (!strcmp(tok[0], "gate")) {
      st = parse_gate(tok, n, file, line, b, err);
    } else if (!strcmp(tok[0], "name")) {
      if (n != 2 || strlen(tok[1]) >= sizeof b->name)
        st =
            lw_error_set(err, LW_ERR_PARSE, file, line, "expected 'name WORD'");
      else
        snprintf(b->name, sizeof b->name, "%s", tok[1]);
    } else {
      const setting *s = NULL;
      for (size_t k = 0; k < sizeof settings / sizeof *settings; k++)
        if (!strcmp(tok[0], settings[k].key))
          s = &settings[k];
      double x;
      if (!s)
        st = lw_error_set(err, LW_ERR_PARSE, file, line,
                          "unknown statement '%s'", tok[0]);
      else if (n != 2 || !parse_real(tok[1], &x) || x < s->min || x > s->max)
        st = lw_error_set(err, LW_ERR_PARSE, file, line,
                          "'%s' takes one number from %g to %g", s->key, s->min,
                          s->max);
      else
        *(double *)((char *)b + s->offset) = x * s->scale;
    }
  }
  lw_free(copy);
  if (st != LW_OK)
    return st;
  if (!(b->gap_min < b->lrs && b->lrs < b->read && b->read < b->hrs &&
        b->hrs <= b->gap_max))
    return lw_error_set(err, LW_ERR_PARSE, file, 0,
                        "gaps must satisfy gap_min < lrs < read < hrs <= "
                        "gap_max");
  if (b->nrows == 0)
    return lw_error_set(err, LW_ERR_PARSE, file, 0, "no gate rows");
  return LW_OK;
}

lw_status lw_bias_builtin(const char *name, lw_bias *bias, lw_error *err) {
  if (!strcmp(name, "recommended"))
    return lw_bias_parse(recommended_text, "<recommended>", bias, err);
  if (!strcmp(name, "paper"))
    return lw_bias_parse(paper_text, "<paper>", bias, err);
  return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                      "unknown built-in bias '%s' (recommended, paper)", name);
}

lw_status lw_bias_load(const char *name, lw_bias *bias, lw_error *err) {
  if (!strcmp(name, "recommended") || !strcmp(name, "paper"))
    return lw_bias_builtin(name, bias, err);
  FILE *f = fopen(name, "rb");
  if (!f)
    return lw_error_set(err, LW_ERR_IO, name, 0, "cannot open: %s",
                        strerror(errno));
  lw_chars text = {0};
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < got; i++)
      lw_vec_push(&text, buf[i]);
  int bad = ferror(f);
  fclose(f);
  lw_vec_push(&text, 0);
  lw_status st = bad ? lw_error_set(err, LW_ERR_IO, name, 0, "read error")
                     : lw_bias_parse(text.data, name, bias, err);
  /* a file without a name statement is reported by its path */
  if (st == LW_OK && !strcmp(bias->name, "custom"))
    snprintf(bias->name, sizeof bias->name, "%s", name);
  lw_vec_free(&text);
  return st;
}

const lw_bias_row *lw_bias_find(const lw_bias *bias, const char *gate) {
  for (uint32_t i = 0; i < bias->nrows; i++)
    if (!strcmp(bias->rows[i].gate, gate))
      return &bias->rows[i];
  return NULL;
}
