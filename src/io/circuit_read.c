/* Reading a circuit file of any supported format: the loader and name table
 * the parsers share, the dispatch by extension, and the conversions that
 * other tools do for us (ABC for AIGER and PLA, yosys for Verilog) into a
 * BLIF that the native reader then reads. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "io/read.h"

/* ---- the name table ------------------------------------------------------ */

static uint32_t hash(const char *s, size_t n) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < n; i++)
    h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

static uint32_t *probe(const lw_io_names *t, const char *s, size_t n) {
  uint32_t mask = t->nslot - 1, i = hash(s, n) & mask;
  for (;; i = (i + 1) & mask) {
    uint32_t v = t->slot[i];
    if (!v)
      return &t->slot[i];
    const char *o = t->text.data + t->offset.data[v - 1];
    if (!strncmp(o, s, n) && o[n] == 0 && !memchr(s, 0, n))
      return &t->slot[i];
  }
}

uint32_t lw_io_names_find(const lw_io_names *t, const char *s, size_t n) {
  if (!t->nslot)
    return LW_NONE;
  uint32_t v = *probe(t, s, n);
  return v ? v - 1 : LW_NONE;
}

static void grow(lw_io_names *t) {
  uint32_t n = t->nslot ? 2 * t->nslot : 1024;
  lw_free(t->slot);
  t->slot = lw_alloc(sizeof(uint32_t) * n);
  t->nslot = n;
  lw_vec_foreach (&t->offset, i) {
    const char *s = t->text.data + t->offset.data[i];
    *probe(t, s, strlen(s)) = i + 1;
  }
}

uint32_t lw_io_names_intern(lw_io_names *t, const char *s, size_t n,
                            int *fresh) {
  /* load at most 1/2 keeps the probe chains short */
  if (2 * (t->offset.size + 1) > t->nslot)
    grow(t);
  uint32_t *slot = probe(t, s, n);
  if (fresh)
    *fresh = !*slot;
  if (*slot)
    return *slot - 1;
  uint32_t off = t->text.size;
  lw_vec_reserve(&t->text, off + (uint32_t)n + 1);
  memcpy(t->text.data + off, s, n);
  t->text.data[off + n] = 0;
  t->text.size += (uint32_t)n + 1;
  lw_vec_push(&t->offset, off);
  *slot = t->offset.size;
  return *slot - 1;
}

void lw_io_names_free(lw_io_names *t) {
  lw_vec_free(&t->text);
  lw_vec_free(&t->offset);
  lw_free(t->slot);
  t->slot = NULL;
  t->nslot = 0;
}

/* ---- files --------------------------------------------------------------- */

/* Everything readable from fd into text, NUL-terminated; `name` for
 * messages. */
static lw_status read_fd(int fd, const char *name, lw_chars *text,
                         lw_error *err) {
  lw_vec_clear(text);
  char buf[65536];
  ssize_t got;
  while ((got = read(fd, buf, sizeof buf)) != 0) {
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      return lw_error_set(err, LW_ERR_IO, name, 0, "read error: %s",
                          strerror(errno));
    if (text->size + (size_t)got >= UINT32_MAX / 2)
      return lw_error_set(err, LW_ERR_IO, name, 0, "file too large");
    lw_vec_reserve(text, text->size + (uint32_t)got + 1);
    memcpy(text->data + text->size, buf, (size_t)got);
    text->size += (uint32_t)got;
  }
  lw_vec_reserve(text, text->size + 1);
  text->data[text->size] = 0;
  return LW_OK;
}

/* A FIFO is opened without waiting for a writer: with none, it reads as
 * empty instead of blocking forever; with one (a shell's <(...)), it is
 * read to its end. */
lw_status lw_io_slurp(const char *path, lw_chars *text, lw_error *err) {
  lw_vec_clear(text);
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot read: is a directory");
  int fd = open(path, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot open: %s",
                        strerror(errno));
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  lw_status st = read_fd(fd, path, text, err);
  close(fd);
  return st;
}

static lw_status write_file(const char *path, const char *s, size_t n,
                            lw_error *err) {
  FILE *f = fopen(path, "wb");
  int ok = f && fwrite(s, 1, n, f) == n;
  if (f && fclose(f) != 0)
    ok = 0;
  return ok ? LW_OK
            : lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                           strerror(errno));
}

/* ---- AIGER headers ------------------------------------------------------- */

/* A binary AIGER's body after the header "aig M I 0 O A": O output lines,
 * then A ANDs of two variable-length deltas each. A file cut short or
 * damaged there makes ABC abort, so it is checked here. Files with the
 * optional AIGER 1.9 sections are left to ABC. */
static lw_status aig_body(const char *path, const lw_chars *text,
                          lw_error *err) {
  const char *s = text->data, *end = text->data + text->size;
  char head[256]; /* the header line alone: sscanf reads across lines */
  size_t hn = strcspn(s, "\n");
  snprintf(head, sizeof head, "%.*s", (int)(hn < 255 ? hn : 255), s);
  unsigned long v[9] = {0};
  int n = sscanf(head, "aig %lu %lu %lu %lu %lu %lu %lu %lu %lu", &v[0], &v[1],
                 &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8]);
  if (n > 5 && (v[5] || (n > 6 && v[6]) || (n > 7 && v[7]) || (n > 8 && v[8])))
    return LW_OK;
  int line = 1;
  for (unsigned long k = 0; k <= v[3]; k++) { /* the header, the outputs */
    const char *e = memchr(s, '\n', (size_t)(end - s));
    if (!e)
      return lw_error_set(err, LW_ERR_PARSE, path, line,
                          "truncated AIGER file: %lu of %lu output lines",
                          k ? k - 1 : 0, v[3]);
    s = e + 1;
    line++;
  }
  for (unsigned long a = 0; a < v[4]; a++) {
    unsigned long lhs = 2 * (v[1] + a + 1), d[2];
    for (int j = 0; j < 2; j++) {
      int shift = 0;
      d[j] = 0;
      unsigned char c;
      do {
        if (s == end)
          return lw_error_set(err, LW_ERR_PARSE, path, 0,
                              "truncated AIGER file: it ends in AND %lu of %lu",
                              a + 1, v[4]);
        c = (unsigned char)*s++;
        if (shift < 56)
          d[j] |= (unsigned long)(c & 0x7f) << shift;
        shift += 7;
      } while (c & 0x80);
    }
    if (d[0] > lhs || d[1] > lhs - d[0])
      return lw_error_set(err, LW_ERR_PARSE, path, 0,
                          "damaged AIGER file: AND %lu of %lu reads a literal "
                          "out of order",
                          a + 1, v[4]);
  }
  return LW_OK;
}

/* "aig M I L O A" (binary) or "aag ..." (ASCII): checked here so that a
 * sequential or non-AIGER file gets a clear message, not ABC's. */
static lw_status aiger_header(const char *path, const lw_chars *text, int ascii,
                              lw_error *err) {
  unsigned long v[5];
  char magic[4] = {0};
  int n = sscanf(text->data, "%3s %lu %lu %lu %lu %lu", magic, &v[0], &v[1],
                 &v[2], &v[3], &v[4]);
  if (n != 6 || strcmp(magic, ascii ? "aag" : "aig"))
    return lw_error_set(err, LW_ERR_PARSE, path, 1,
                        "not an AIGER file (expected the header '%s M I L O "
                        "A')",
                        ascii ? "aag" : "aig");
  if (v[2])
    return lw_error_set(err, LW_ERR_PARSE, path, 1,
                        "sequential circuit (%lu latches): only "
                        "combinational circuits are supported",
                        v[2]);
  return ascii ? LW_OK : aig_body(path, text, err);
}

/* ---- ASCII AIGER --------------------------------------------------------- */

/* ABC 1.01 cannot read .aag (read_aiger rejects it, &r asserts), so an ASCII
 * AIGER file is turned into BLIF text here: one two-input cover per AND. */
typedef struct aag_reader {
  const char *path, *s;
  int line;
  lw_error *err;
} aag_reader;

static int aag_number(aag_reader *a, unsigned long max, unsigned long *v) {
  while (*a->s == ' ' || *a->s == '\t' || *a->s == '\r' || *a->s == '\n')
    a->line += *a->s++ == '\n';
  if (!isdigit((unsigned char)*a->s))
    return 0;
  char *end;
  errno = 0;
  *v = strtoul(a->s, &end, 10);
  a->s = end;
  return errno == 0 && *v <= max;
}

static void aag_signal(lw_chars *b, unsigned long var, char **names) {
  char buf[48];
  const char *s = buf;
  if (!var)
    s = "aag_false";
  else if (names[var])
    s = names[var];
  else
    snprintf(buf, sizeof buf, "aag_n%lu", var);
  while (*s)
    lw_vec_push(b, *s++);
}

static void aag_put(lw_chars *b, const char *s) {
  while (*s)
    lw_vec_push(b, *s++);
}

/* An ASCII AIGER file as read: its literals in file order and the names of
 * its symbol table. */
typedef struct aag_file {
  unsigned long m, ni, no, na; /* maximum variable, inputs, outputs, ANDs */
  unsigned long *lit; /* ni inputs, no outputs, na ANDs of three (lhs first) */
  char **names;       /* by variable; NULL where the file names none */
  char **onames;      /* by output */
} aag_file;

/* The header's counts and every literal, each in range; inputs and AND
 * outputs must be positive variables. */
static lw_status aag_read_literals(aag_reader *a, aag_file *f) {
  unsigned long h[4], lim = 1ul << 28;
  while (*a->s && *a->s != ' ')
    a->s++; /* "aag", checked by aiger_header */
  if (!aag_number(a, lim, &f->m))
    return lw_error_set(a->err, LW_ERR_PARSE, a->path, 1, "bad AIGER header");
  for (int k = 0; k < 4; k++)
    if (!aag_number(a, f->m, &h[k]))
      return lw_error_set(a->err, LW_ERR_PARSE, a->path, 1, "bad AIGER header");
  f->ni = h[0], f->no = h[2], f->na = h[3];
  unsigned long nlit = f->ni + f->no + 3 * f->na;
  f->lit = lw_alloc(sizeof *f->lit * (nlit + 1));
  f->names = lw_alloc(sizeof *f->names * (f->m + 1));
  for (unsigned long k = 0; k < nlit; k++)
    if (!aag_number(a, 2 * f->m + 1, &f->lit[k]))
      return lw_error_set(a->err, LW_ERR_PARSE, a->path, a->line,
                          "bad or missing literal (at most %lu)", 2 * f->m + 1);
  for (unsigned long k = 0; k < nlit; k++) {
    int input = k < f->ni;
    int lhs = k >= f->ni + f->no && (k - f->ni - f->no) % 3 == 0;
    if ((input || lhs) && (f->lit[k] < 2 || f->lit[k] & 1))
      return lw_error_set(a->err, LW_ERR_PARSE, a->path, 0,
                          "%s: literal %lu is not a positive variable",
                          input ? "an input" : "an AND", f->lit[k]);
  }
  return LW_OK;
}

/* The symbol table, "i3 name" / "o0 name", up to its first other line; the
 * first name of each input or output counts, blanks become '_' (BLIF names
 * have none). */
static void aag_read_symbols(aag_reader *a, aag_file *f) {
  f->onames = lw_alloc(sizeof *f->onames * (f->no + 1));
  while (*a->s) {
    while (*a->s == '\n' || *a->s == '\r' || *a->s == ' ')
      a->line += *a->s++ == '\n';
    char kind = *a->s;
    if (kind != 'i' && kind != 'o')
      break;
    char *end;
    unsigned long k = strtoul(a->s + 1, &end, 10);
    if (end == a->s + 1 || *end != ' ' || k >= (kind == 'i' ? f->ni : f->no))
      break;
    const char *e = strchr(end + 1, '\n');
    size_t n = e ? (size_t)(e - end - 1) : strlen(end + 1);
    char *name = lw_strndup(end + 1, n);
    for (char *c = name; *c; c++)
      if (isspace((unsigned char)*c))
        *c = '_';
    if (kind == 'i' && !f->names[f->lit[k] / 2])
      f->names[f->lit[k] / 2] = name;
    else if (kind == 'o' && !f->onames[k])
      f->onames[k] = name;
    else
      lw_free(name);
    a->s = end + 1 + n;
  }
}

/* Output k's name: the symbol table's, else "o<k>". */
static void aag_output_name(lw_chars *b, const aag_file *f, unsigned long k) {
  char buf[64];
  snprintf(buf, sizeof buf, " o%lu", k);
  aag_put(b, f->onames[k] ? " " : buf);
  aag_put(b, f->onames[k] ? f->onames[k] : "");
}

/* BLIF text: one two-input cover per AND, one buffer or inverter per
 * output. */
static void aag_write_blif(const aag_file *f, lw_chars *b) {
  char buf[64];
  const unsigned long *lit = f->lit;
  aag_put(b, ".model aig\n.inputs");
  for (unsigned long k = 0; k < f->ni; k++) {
    aag_put(b, " ");
    aag_signal(b, lit[k] / 2, f->names);
  }
  aag_put(b, "\n.outputs");
  for (unsigned long k = 0; k < f->no; k++)
    aag_output_name(b, f, k);
  aag_put(b, "\n.names aag_false\n");
  for (unsigned long k = 0; k < f->na; k++) {
    const unsigned long *g = lit + f->ni + f->no + 3 * k;
    aag_put(b, ".names ");
    aag_signal(b, g[1] / 2, f->names);
    aag_put(b, " ");
    aag_signal(b, g[2] / 2, f->names);
    aag_put(b, " ");
    aag_signal(b, g[0] / 2, f->names);
    snprintf(buf, sizeof buf, "\n%c%c 1\n", g[1] & 1 ? '0' : '1',
             g[2] & 1 ? '0' : '1');
    aag_put(b, buf);
  }
  for (unsigned long k = 0; k < f->no; k++) {
    aag_put(b, ".names ");
    aag_signal(b, lit[f->ni + k] / 2, f->names);
    aag_output_name(b, f, k);
    aag_put(b, lit[f->ni + k] & 1 ? "\n0 1\n" : "\n1 1\n");
  }
  aag_put(b, ".end\n");
  lw_vec_push(b, 0);
  b->size--;
}

static void aag_file_free(aag_file *f) {
  for (unsigned long v = 0; f->names && v <= f->m; v++)
    lw_free(f->names[v]);
  for (unsigned long k = 0; f->onames && k < f->no; k++)
    lw_free(f->onames[k]);
  lw_free(f->onames);
  lw_free(f->names);
  lw_free(f->lit);
}

static lw_status aag_to_blif(const char *path, const char *text, lw_chars *b,
                             lw_error *err) {
  aag_reader a = {.path = path, .s = text, .line = 1, .err = err};
  aag_file f = {0};
  lw_status st = aag_read_literals(&a, &f);
  if (st == LW_OK) {
    aag_read_symbols(&a, &f);
    aag_write_blif(&f, b);
  }
  aag_file_free(&f);
  return st;
}

/* ---- external tools ------------------------------------------------------ */

/* The last non-empty line of a tool's output, for messages, with the
 * scratch copy's path `in` shown as the user's `path`. */
static void last_line(const lw_proc *pr, const char *in, const char *path,
                      char *buf, size_t n) {
  const char *s = pr->output.data, *best = "";
  size_t len = 0;
  for (const char *l = s; l && *l;) {
    const char *e = strchr(l, '\n');
    size_t k = e ? (size_t)(e - l) : strlen(l);
    size_t j = 0;
    while (j < k && isspace((unsigned char)l[j]))
      j++;
    if (j < k) {
      best = l;
      len = k;
    }
    l = e ? e + 1 : NULL;
  }
  char line[320];
  snprintf(line, sizeof line, "%.*s", (int)(len < 300 ? len : 300), best);
  const char *hit = in ? strstr(line, in) : NULL;
  if (hit)
    snprintf(buf, n, "%.*s%s%s", (int)(hit - line), line, path,
             hit + strlen(in));
  else
    snprintf(buf, n, "%s", line);
}

/* Run a converter and read the BLIF it wrote. `tool` names it in messages;
 * `seq` is the output pattern by which it reports a sequential design. */
static lw_status run_tool(const char *path, const char *tool, char *argv[],
                          const char *in, const char *blif, const char *seq,
                          const lw_read_params *p, lw_net **net,
                          lw_error *err) {
  lw_proc pr;
  lw_proc_run(argv, p->abc.timeout_s, &pr);
  char last[1400];
  last_line(&pr, in, path, last, sizeof last);
  lw_status st = LW_OK;
  if (pr.result == LW_PROC_NOEXEC)
    st = lw_error_set(err, LW_ERR_ABC, path, 0, "could not run %s (%s)", tool,
                      argv[0]);
  else if (pr.result == LW_PROC_TIMEOUT)
    st = lw_error_set(err, LW_ERR_ABC, path, 0,
                      "%s timed out after %g s converting the file", tool,
                      p->abc.timeout_s);
  else if (pr.result == LW_PROC_SIGNALED)
    st = lw_error_set(err, LW_ERR_ABC, path, 0,
                      "%s crashed (signal %d) converting the file: %s", tool,
                      pr.signal, last);
  else if (seq && strstr(pr.output.data, seq))
    st = lw_error_set(err, LW_ERR_PARSE, path, 0,
                      "sequential design (flip-flops, latches or memories): "
                      "only combinational circuits are supported");
  else if (pr.exit_code != 0)
    st = lw_error_set(err, LW_ERR_ABC, path, 0,
                      "%s failed (exit status %d) converting the file: %s",
                      tool, pr.exit_code, last);
  lw_proc_free(&pr);
  if (st != LW_OK)
    return st;
  lw_chars text = {0};
  lw_error sub;
  struct stat sb;
  if (stat(blif, &sb) != 0 || sb.st_size == 0) {
    st = lw_error_set(err, LW_ERR_ABC, path, 0,
                      "%s could not convert the file: %s", tool,
                      last[0] ? last : "no output");
  } else if (lw_io_slurp(blif, &text, &sub) != LW_OK) {
    st = lw_error_set(err, LW_ERR_ABC, path, 0, "%s: %s", tool, sub.msg);
  } else {
    lw_read_params quiet = *p;
    quiet.warn = NULL; /* warnings about the tool's text mean nothing */
    st = lw_io_blif_parse(path, text.data, text.size, LW_BLIF_CIRCUIT, &quiet,
                          net, &sub);
    if (st == LW_ERR_PARSE && strstr(sub.msg, "sequential"))
      st = lw_error_set(err, LW_ERR_PARSE, path, 0, "%s", sub.msg);
    else if (st != LW_OK)
      st = lw_error_set(err, LW_ERR_ABC, path, 0,
                        "%s wrote a BLIF that cannot be read (line %d: %s)",
                        tool, sub.line, sub.msg);
  }
  lw_vec_free(&text);
  return st;
}

/* AIGER and PLA: ABC reads, strashes and writes a BLIF. The input is copied
 * into the scratch folder so that no user path meets ABC's command parser,
 * which splits at blanks and semicolons. */
static lw_status via_abc(const char *path, const char *ext,
                         const lw_chars *text, const char *dir,
                         const lw_read_params *p, lw_net **net, lw_error *err) {
  char *abc = lw_proc_find(p->abc.path, "berkeley-abc", "abc");
  if (!abc)
    return lw_error_set(
        err, LW_ERR_ABC, path, 0,
        "ABC not found (%s): needed to read .%s files",
        p->abc.path ? p->abc.path : "no berkeley-abc or abc on the PATH", ext);
  char in_name[16];
  snprintf(in_name, sizeof in_name, "in.%s", ext);
  char *in = lw_path_join(dir, in_name), *out = lw_path_join(dir, "out.blif");
  lw_status st = write_file(in, text->data, text->size, err);
  if (st == LW_OK) {
    size_t n = strlen(in) + strlen(out) + 64;
    char *cmd = lw_alloc(n);
    snprintf(cmd, n, "read %s; strash; write_blif %s", in, out);
    char *argv[] = {abc, "-c", cmd, NULL};
    st = run_tool(path, "ABC", argv, in, out, NULL, p, net, err);
    lw_free(cmd);
  }
  lw_free(in);
  lw_free(out);
  lw_free(abc);
  return st;
}

/* Verilog: yosys flattens and synthesises to simple gates, which its
 * write_blif prints as .names covers. Flip-flops, latches and memories
 * survive synth; the select assertion turns them into a clear error. */
static lw_status via_yosys(const char *path, const char *ext,
                           const lw_chars *text, const char *dir,
                           const lw_read_params *p, lw_net **net,
                           lw_error *err) {
  char *yosys = lw_proc_find(p->yosys_path, "yosys", NULL);
  if (!yosys)
    return lw_error_set(err, LW_ERR_ABC, path, 0,
                        "yosys not found (%s): needed to read .%s files",
                        p->yosys_path ? p->yosys_path : "no yosys on the PATH",
                        ext);
  char in_name[16];
  snprintf(in_name, sizeof in_name, "in.%s", ext);
  char *in = lw_path_join(dir, in_name), *out = lw_path_join(dir, "out.blif");
  lw_status st = write_file(in, text->data, text->size, err);
  if (st == LW_OK) {
    size_t n = strlen(in) + strlen(out) + 512;
    char *script = lw_alloc(n);
    snprintf(script, n,
             "read_verilog %s %s; synth -flatten -auto-top; "
             "select -assert-none t:*dff* t:*DFF* t:*latch* t:*LATCH* "
             "t:*mem* t:*MEM*; opt_clean; write_blif %s",
             strcmp(ext, "sv") ? "" : "-sv", in, out);
    char *argv[] = {yosys, "-q", "-p", script, NULL};
    st = run_tool(path, "yosys", argv, in, out, "selection is not empty", p,
                  net, err);
    lw_free(script);
  }
  lw_free(in);
  lw_free(out);
  lw_free(yosys);
  return st;
}

/* ---- dispatch ------------------------------------------------------------ */

lw_read_params lw_read_params_default(void) {
  lw_read_params p = {0};
  p.abc.timeout_s = 300; /* yosys on a large design; ABC's is quick */
  return p;
}

/* The extension in lower case ("" if none). */
static void extension(const char *path, char *ext, size_t n) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t i = 0;
  if (dot)
    for (dot++; *dot && i + 1 < n; dot++)
      ext[i++] = (char)tolower((unsigned char)*dot);
  ext[i] = 0;
}

/* .aag is converted here; ABC's mapped Verilog is read natively (yosys
 * knows no inv1/nor2); other Verilog goes to yosys, AIGER and PLA to ABC,
 * each in a scratch folder that is always removed. */
static lw_status convert(const char *path, const char *ext,
                         const lw_chars *text, const lw_read_params *p,
                         lw_net **net, lw_error *err) {
  int aag = !strcmp(ext, "aag"),
      verilog = !strcmp(ext, "v") || !strcmp(ext, "sv");
  if (!text->size)
    return lw_error_set(err, LW_ERR_PARSE, path, 0, "empty file");
  lw_status st = LW_OK;
  if (aag || !strcmp(ext, "aig"))
    st = aiger_header(path, text, aag, err);
  if (st != LW_OK)
    return st;
  if (aag) {
    lw_chars conv = {0};
    lw_read_params quiet = *p;
    quiet.warn = NULL;
    lw_error sub;
    st = aag_to_blif(path, text->data, &conv, err);
    if (st == LW_OK &&
        lw_io_blif_parse(path, conv.data, conv.size, LW_BLIF_CIRCUIT, &quiet,
                         net, &sub) != LW_OK)
      st = lw_error_set(err, sub.status, path, 0, "%s", sub.msg);
    lw_vec_free(&conv);
    return st;
  }
  if (verilog &&
      lw_io_verilog_parse(path, text->data, text->size, net, NULL) == LW_OK)
    return LW_OK;
  char *dir = lw_tmpdir_new();
  if (!dir)
    return lw_error_set(err, LW_ERR_IO, path, 0,
                        "cannot create a scratch folder: %s", strerror(errno));
  st = verilog ? via_yosys(path, ext, text, dir, p, net, err)
               : via_abc(path, ext, text, dir, p, net, err);
  lw_tmpdir_remove(dir);
  return st;
}

/* ---- standard input and the format --------------------------------------- */

/* The formats, as extensions and as --input-format takes them: the names
 * of lowwear/io.h's table; here what a message calls each. */
static const char *const known_names[] = {
    [LW_INPUT_BLIF] = "BLIF",       [LW_INPUT_AIG] = "binary AIGER",
    [LW_INPUT_AAG] = "ASCII AIGER", [LW_INPUT_PLA] = "PLA",
    [LW_INPUT_V] = "Verilog",       [LW_INPUT_SV] = "SystemVerilog"};

static int format_index(const char *f) { return lw_io_input_format_parse(f); }

static int is_stdin(const char *path) { return !strcmp(path, "-"); }

/* Standard input, read once and kept: a flow reads its circuit more than
 * once (to synthesize, to verify, for --rotate), a pipe only once. */
static lw_status read_stdin(lw_chars *text, lw_error *err) {
  static lw_chars kept;
  static int have;
  if (!have) {
    lw_status st = read_fd(0, LW_STDIN_NAME, &kept, err);
    if (st != LW_OK)
      return st;
    have = 1;
  }
  lw_vec_clear(text);
  lw_vec_reserve(text, kept.size + 1);
  memcpy(text->data, kept.data, kept.size + 1);
  text->size = kept.size;
  return LW_OK;
}

static lw_status read_text(const char *path, lw_chars *text, lw_error *err) {
  return is_stdin(path) ? read_stdin(text, err) : lw_io_slurp(path, text, err);
}

/* Past blanks and comments of any of the formats: #... (BLIF, PLA), //...,
 * / *...* /, (*...*) and `directives (Verilog); *line counts lines. */
static const char *skip_comments(const char *s, uint32_t *line) {
  for (;;) {
    while (isspace((unsigned char)*s))
      *line += *s++ == '\n';
    const char *close = s[0] == '/' && s[1] == '*'   ? "*/"
                        : s[0] == '(' && s[1] == '*' ? "*)"
                        : *s == '#' || *s == '`' || (s[0] == '/' && s[1] == '/')
                            ? "\n"
                            : NULL;
    if (!close)
      return s;
    const char *e = strstr(s + 1, close);
    const char *stop = e ? e : s + strlen(s);
    for (; s < stop; s++)
      *line += *s == '\n';
    if (e && *close != '\n')
      s += 2;
  }
}

static int starts_word(const char *s, const char *w) {
  size_t n = strlen(w);
  return !strncmp(s, w, n) &&
         (!s[n] || isspace((unsigned char)s[n]) || s[n] == '(');
}

/* The format the text looks like (a name of the format table), or NULL; *line:
 * the line of its first token. */
static const char *sniff(const char *text, uint32_t *line) {
  static const char *const blif[] = {".model", ".inputs", ".outputs", ".names",
                                     ".gate",  ".latch",  ".subckt",  ".exdc",
                                     ".end",   ".search"};
  static const char *const pla[] = {".i",    ".o", ".p",     ".ilb", ".ob",
                                    ".type", ".e", ".phase", ".mv"};
  *line = 1;
  const char *s = skip_comments(text, line);
  for (size_t k = 0; k < sizeof blif / sizeof *blif; k++)
    if (starts_word(s, blif[k]))
      return "blif";
  for (size_t k = 0; k < sizeof pla / sizeof *pla; k++)
    if (starts_word(s, pla[k]))
      return "pla";
  if (starts_word(s, "aag") || starts_word(s, "aig"))
    return s[1] == 'a' ? "aag" : "aig";
  if (starts_word(s, "module") || starts_word(s, "macromodule"))
    return "v";
  return NULL;
}

/* The format named by --input-format or, for a file, by its extension, into
 * ext ("" for standard input without --input-format: see by_content). */
static lw_status format_given(const char *path, const lw_read_params *p,
                              char *ext, size_t n, lw_error *err) {
  ext[0] = 0;
  if (p->input_format) {
    if (format_index(p->input_format) < 0)
      return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                          "unknown --input-format '%s' (expected blif, aag, "
                          "aig, pla, v or sv)",
                          p->input_format);
    snprintf(ext, n, "%s", p->input_format);
    return LW_OK;
  }
  if (is_stdin(path))
    return LW_OK;
  extension(path, ext, n);
  if (format_index(ext) >= 0)
    return LW_OK;
  if (!ext[0])
    return lw_error_set(err, LW_ERR_CIRCUIT, path, 0,
                        "no file extension to tell the circuit format "
                        "(expected .blif, .aig, .aag, .pla, .v or .sv; or "
                        "give --input-format)");
  return lw_error_set(err, LW_ERR_CIRCUIT, path, 0,
                      "unknown circuit format '.%s' (expected .blif, .aig, "
                      ".aag, .pla, .v or .sv; or give --input-format)",
                      ext);
}

/* Standard input without --input-format takes the format its content shows;
 * a file whose content is plainly another format than its extension says
 * is an error (reading a PLA as BLIF only confuses). */
static lw_status by_content(const char *path, const char *shown,
                            const lw_chars *text, const lw_read_params *p,
                            char *ext, size_t n, lw_error *err) {
  if (p->input_format)
    return LW_OK;
  uint32_t line;
  const char *seen = sniff(text->data, &line);
  if (is_stdin(path)) {
    if (!text->size)
      return lw_error_set(err, LW_ERR_PARSE, shown, 0, "empty input");
    if (!seen)
      return lw_error_set(err, LW_ERR_CIRCUIT, shown, (int)line,
                          "cannot tell the circuit format from the content "
                          "(BLIF, AIGER, PLA or Verilog expected): give "
                          "--input-format blif|aag|aig|pla|v");
    snprintf(ext, n, "%s", seen);
    return LW_OK;
  }
  int want = format_index(ext), got = seen ? format_index(seen) : want;
  if (got == want || (want >= LW_INPUT_V && got >= LW_INPUT_V)) /* v, sv */
    return LW_OK;
  return lw_error_set(err, LW_ERR_PARSE, shown, (int)line,
                      "the content is %s, not %s as the extension .%s says "
                      "(rename the file, or give --input-format %s)",
                      known_names[got], known_names[want], ext, seen);
}

/* ---- entry points -------------------------------------------------------- */

lw_status lw_io_read_circuit(const char *path, const lw_read_params *params,
                             lw_net **net, lw_error *err) {
  *net = NULL;
  lw_read_params defaults = lw_read_params_default();
  const lw_read_params *p = params ? params : &defaults;
  const char *shown = is_stdin(path) ? LW_STDIN_NAME : path;
  char ext[8];
  lw_status st = format_given(path, p, ext, sizeof ext, err);
  if (st != LW_OK)
    return st;
  lw_chars text = {0};
  st = read_text(path, &text, err);
  if (st == LW_OK)
    st = by_content(path, shown, &text, p, ext, sizeof ext, err);
  if (st == LW_OK && !strcmp(ext, "blif"))
    st = lw_io_blif_parse(shown, text.data, text.size, LW_BLIF_CIRCUIT, p, net,
                          err);
  else if (st == LW_OK)
    st = convert(shown, ext, &text, p, net, err);
  lw_vec_free(&text);
  return st;
}

lw_status lw_io_read_mapped(const char *path, lw_net **net, lw_error *err) {
  *net = NULL;
  const char *shown = is_stdin(path) ? LW_STDIN_NAME : path;
  char ext[8] = "";
  uint32_t line = 0;
  lw_chars text = {0};
  lw_status st = LW_OK;
  if (is_stdin(path)) {
    st = read_stdin(&text, err);
    const char *seen = st == LW_OK ? sniff(text.data, &line) : NULL;
    snprintf(ext, sizeof ext, "%s", seen ? seen : "");
  } else {
    extension(path, ext, sizeof ext);
  }
  int blif = !strcmp(ext, "blif");
  if (st == LW_OK && !blif && strcmp(ext, "v"))
    st = is_stdin(path)
             ? lw_error_set(err, LW_ERR_CIRCUIT, shown, (int)line,
                            "a mapped netlist must be BLIF or Verilog, and "
                            "this is neither")
             : lw_error_set(err, LW_ERR_CIRCUIT, path, 0,
                            "a mapped netlist must be .blif or .v, not '.%s'",
                            ext);
  if (st == LW_OK && !is_stdin(path))
    st = lw_io_slurp(path, &text, err);
  if (st == LW_OK)
    st = blif ? lw_io_blif_parse(shown, text.data, text.size, LW_BLIF_MAPPED,
                                 NULL, net, err)
              : lw_io_verilog_parse(shown, text.data, text.size, net, err);
  lw_vec_free(&text);
  return st;
}
