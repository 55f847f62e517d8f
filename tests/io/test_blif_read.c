/* The native BLIF reader: covers become the right nodes, every benchmark
 * reads with the inputs and outputs ABC counts, the function is ABC's (cec),
 * and each malformed construct is an error with file and line. */
#include "lw_net_check.h"
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/read.h"

/* ---- helpers ------------------------------------------------------------- */

static const char *write_tmp(const char *name, const char *text) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", lw_test_dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return path;
}

/* Output `name` for the 2^n assignments of n <= 6 inputs (lane = vector). */
static uint64_t truth(const lw_net *net, const char *name) {
  uint64_t pi[6];
  uint32_t n = net->pis.size;
  assert_true(n <= 6);
  for (uint32_t i = 0; i < n; i++) {
    pi[i] = 0;
    for (uint32_t lane = 0; lane < 64; lane++)
      pi[i] |= (uint64_t)((lane >> i) & 1) << lane;
  }
  uint64_t *val = lw_test_net_values(net, pi), r = 0;
  int found = 0;
  lw_net_foreach_po (net, i, id)
    if (!strcmp(lw_net_po_name(net, i), name)) {
      r = val[id];
      found = 1;
    }
  free(val);
  assert_true(found);
  uint64_t mask = n == 6 ? ~(uint64_t)0 : ((uint64_t)1 << (1u << n)) - 1;
  return r & mask;
}

/* Truth table of f over n inputs, lane = vector, bit i of lane = input i. */
static uint64_t table(uint32_t n, int (*f)(uint32_t)) {
  uint64_t r = 0;
  for (uint32_t v = 0; v < (1u << n); v++)
    r |= (uint64_t)(f(v) & 1) << v;
  return r;
}
static int fa_sum(uint32_t v) { return (v ^ (v >> 1) ^ (v >> 2)) & 1; }
static int fa_carry(uint32_t v) {
  return ((v & 1) + ((v >> 1) & 1) + ((v >> 2) & 1)) >= 2;
}

static lw_net *read_ok(const char *path, const lw_read_params *p) {
  lw_net *net = NULL;
  lw_error err = {0};
  lw_status st = lw_io_read_circuit(path, p, &net, &err);
  if (st != LW_OK)
    fail_msg("%s: %s:%d: %s", path, err.file, err.line, err.msg);
  return net;
}

static uint32_t count(const lw_net *net, lw_gate_type t) {
  uint32_t c[LW_GATE_COUNT];
  lw_net_count_types(net, c);
  return c[t];
}

/* ---- covers to nodes ----------------------------------------------------- */

static void test_full_adder(void **state) {
  (void)state;
  char buf[512];
  lw_net *net = read_ok(
      lw_test_source("tests/data/good/full_adder.blif", buf, sizeof buf), NULL);
  assert_int_equal(net->pis.size, 3);
  assert_int_equal(net->pos.size, 2);
  assert_string_equal(net->name, "full_adder");
  assert_true(truth(net, "sum") == table(3, fa_sum));
  assert_true(truth(net, "cout") == table(3, fa_carry));
  /* sum: 4 ANDs + ORN; cout: 3 ANDs + ORN + NOT on top; 3 shared NOTs */
  assert_int_equal(count(net, LW_GATE_AND), 7);
  assert_int_equal(count(net, LW_GATE_ORN), 2);
  assert_int_equal(count(net, LW_GATE_NOT), 4);
  lw_net_free(net);
}

static void test_small_covers(void **state) {
  (void)state;
  const char *path = write_tmp(
      "small.blif", ".model small\r\n.inputs a b\r\n.inputs c\r\n"
                    ".outputs one zero none buf inv noff and1 a c\r\n"
                    ".names one\r\n 1\r\n.names zero\r\n 0\r\n.names none\r\n"
                    ".names a buf\r\n1 1\r\n.names b inv\r\n0 1\r\n"
                    ".names b noff\r\n1 0\r\n"
                    ".names a b c and1\r\n1-0 1\r\n");
  lw_net *net = read_ok(path, NULL);
  assert_int_equal(net->pis.size, 3);
  assert_int_equal(net->pos.size, 9);
  assert_true(truth(net, "one") == 0xff);
  assert_true(truth(net, "zero") == 0);
  assert_true(truth(net, "none") == 0);
  assert_true(truth(net, "buf") == 0xaa);            /* a = bit 0 */
  assert_true(truth(net, "inv") == (~0xccu & 0xff)); /* !b */
  assert_true(truth(net, "noff") == (~0xccu & 0xff));
  assert_true(truth(net, "and1") == (0xaa & ~0xf0u));
  /* an output that is an input is driven by the input node */
  assert_int_equal(net->pos.data[7], net->pis.data[0]);
  assert_int_equal(lw_net_type(net, net->pos.data[8]), LW_GATE_PI);
  /* no useless nodes: one BUF, the inverters shared, one AND, 3 consts */
  assert_int_equal(count(net, LW_GATE_BUF), 1);
  assert_int_equal(count(net, LW_GATE_AND), 1);
  assert_int_equal(count(net, LW_GATE_CONST0), 2);
  assert_int_equal(count(net, LW_GATE_CONST1), 1);
  assert_int_equal(count(net, LW_GATE_NOT), 3); /* inv, noff, !c */
  assert_int_equal(lw_net_size(net), 3 + 3 + 1 + 3 + 1);
  lw_net_free(net);
}

/* Warnings counted; each must name `file` and say `msg`. */
struct warned {
  int n, line;
  const char *file, *msg;
};
static void on_warn(void *ctx, const char *file, int line, const char *msg) {
  struct warned *w = ctx;
  w->n++;
  w->line = line;
  assert_non_null(strstr(file, w->file));
  assert_non_null(strstr(msg, w->msg));
}

/* Read `path` with warnings counted into *w. */
static lw_net *read_warned(const char *path, struct warned *w) {
  lw_read_params p = lw_read_params_default();
  p.warn = on_warn;
  p.warn_ctx = w;
  return read_ok(path, &p);
}

static void test_syntax(void **state) {
  (void)state;
  /* continuations, comments, any name characters, forward references, an
   * .exdc section, no .end */
  const char *path = write_tmp(
      "exdc.blif", "# header\n.model m # comment\n.inputs 1GAT(0) a[12] \\\n"
                   "  <x>.y/$+-_\n.outputs f\n.names t a[12] \\\n f\n11 1\n"
                   ".names 1GAT(0) <x>.y/$+-_ t\n1- 1\n-1 1\n"
                   ".exdc\n.inputs 1GAT(0)\n.outputs f\n.names f\n1\n");
  struct warned w = {0, 0, "exdc.blif", ".exdc"};
  lw_net *net = read_warned(path, &w);
  assert_int_equal(w.n, 1);
  assert_int_equal(w.line, 12);
  assert_int_equal(net->pis.size, 3);
  assert_string_equal(lw_net_node_name(net, 2), "<x>.y/$+-_");
  /* f = (x0 | x2) & x1 */
  assert_true(truth(net, "f") == ((0xaa | 0xf0) & 0xcc));
  lw_net_free(net);
  /* the same without a warning callback must not crash */
  net = read_ok(path, NULL);
  lw_net_free(net);
}

static void test_wide_names(void **state) {
  (void)state;
  char text[4096], *s = text;
  s += sprintf(s, ".model w\n.inputs");
  for (int i = 0; i < 34; i++)
    s += sprintf(s, " x%d", i);
  s += sprintf(s, "\n.outputs f\n.names");
  for (int i = 0; i < 34; i++)
    s += sprintf(s, " x%d", i);
  s += sprintf(s, " f\n");
  for (int i = 0; i < 34; i++)
    *s++ = i % 2 ? '1' : '0';
  s += sprintf(s, " 1\n.end\n");
  lw_net *net = read_ok(write_tmp("wide.blif", text), NULL);
  assert_int_equal(count(net, LW_GATE_AND), 1);
  assert_int_equal(count(net, LW_GATE_NOT), 17);
  uint64_t pi[34];
  for (int i = 0; i < 34; i++) { /* lane 0: the minterm; lane 1: x5 flipped */
    uint64_t bit = (uint64_t)(i % 2);
    pi[i] = bit | (bit ^ (i == 5)) << 1;
  }
  uint64_t *val = lw_test_net_values(net, pi);
  assert_true((val[net->pos.data[0]] & 3) == 1);
  free(val);
  lw_net_free(net);
}

/* yosys's write_blif -impltf leaves $true, $false and $undef undriven: they
 * are the constants 1, 0 and 0, without a warning. */
static void test_yosys_constants(void **state) {
  (void)state;
  const char *path =
      write_tmp("impltf.blif", "# Generated by Yosys\n.model t\n.inputs a b\n"
                               ".outputs y z w u\n.names b a y\n11 1\n"
                               ".names $undef u\n1 1\n.names $false w\n1 1\n"
                               ".names $true z\n1 1\n.end\n");
  struct warned w = {0, 0, "impltf.blif", ""};
  lw_net *net = read_warned(path, &w);
  assert_int_equal(w.n, 0);
  assert_true(truth(net, "y") == (0xa & 0xc));
  assert_true(truth(net, "z") == 0xf);
  assert_true(truth(net, "w") == 0);
  assert_true(truth(net, "u") == 0);
  lw_net_free(net);
}

/* An undriven signal that no output depends on is 0, with a warning naming
 * the line that reads it; one an output depends on is an error there, also
 * through other nodes (see bads[]). */
static void test_undriven_dead(void **state) {
  (void)state;
  const char *path =
      write_tmp("dead.blif", ".model m\n.inputs a b\n.outputs y\n"
                             ".names a b y\n11 1\n"
                             ".names a ghost dead\n11 1\n.end\n");
  struct warned w = {0, 0, "dead.blif", "'ghost' is read but never driven"};
  lw_net *net = read_warned(path, &w);
  assert_int_equal(w.n, 1);
  assert_int_equal(w.line, 6);
  assert_true(truth(net, "y") == (0xa & 0xc));
  lw_net_free(net);
  /* a mapped netlist has no such excuse */
  lw_error err = {0};
  write_tmp("dead_mapped.blif", ".model m\n.inputs a b\n.outputs y\n"
                                ".gate nor2 a=a b=b O=y\n"
                                ".gate nor2 a=a b=ghost O=dead\n.end\n");
  char mapped[600];
  snprintf(mapped, sizeof mapped, "%s/dead_mapped.blif", lw_test_dir);
  assert_int_equal(lw_io_read_mapped(mapped, &net, &err), LW_ERR_PARSE);
  assert_int_equal(err.line, 5);
  assert_non_null(strstr(err.msg, "'ghost' is read but never driven"));
}

/* ---- errors -------------------------------------------------------------- */

typedef struct bad {
  const char *text;
  lw_status status;
  int line;
  const char *msg;
} bad;

static const bad bads[] = {
    {".model m\n.inputs a clk\n.outputs q\n.latch a q re clk 0\n.end\n",
     LW_ERR_PARSE, 4, "sequential"},
    {".model m\n.inputs a\n.outputs y\n.subckt sub x=a y=y\n", LW_ERR_PARSE, 4,
     "hierarchical"},
    {".model m\n.inputs a\n.outputs y\n.gate and9 a=a O=y\n", LW_ERR_PARSE, 4,
     "unknown gate 'and9'"},
    {".model m\n.inputs a\n.outputs y\n.gate nor2 a=a O=y\n", LW_ERR_PARSE, 4,
     "lacks pin 'b'"},
    {".model m\n.inputs a\n.outputs y\n.names a y\n1 1\n.names a y\n0 1\n",
     LW_ERR_PARSE, 6, "driven twice"},
    {".model m\n.inputs a\n.outputs y\n.names a a\n1 1\n", LW_ERR_PARSE, 4,
     "driven twice"},
    {".model m\n.inputs a\n.outputs y\n.names a ghost y\n11 1\n.end\n",
     LW_ERR_PARSE, 4, "'ghost' is read but never driven"},
    {".model m\n.inputs a\n.outputs y\n.names t y\n1 1\n.names a ghost t\n"
     "11 1\n.names a dead\n1 1\n",
     LW_ERR_PARSE, 6, "'ghost' is read but never driven"},
    {".model m\n.inputs a\n.outputs y z\n.names a y\n1 1\n", LW_ERR_PARSE, 3,
     "output 'z' is never driven"},
    {".model m\n.inputs a b\n.outputs y\n.names a b y\n1 1\n", LW_ERR_PARSE, 5,
     "width"},
    {".model m\n.inputs a b\n.outputs y\n.names a b y\n1x 1\n", LW_ERR_PARSE, 5,
     "bad character 'x'"},
    {".model m\n.inputs a b\n.outputs y\n.names a b y\n11 1\n00 0\n",
     LW_ERR_PARSE, 6, "mixes ON-set"},
    {".model m\n.inputs a\n.outputs y\n.names a y\n1 2\n", LW_ERR_PARSE, 5,
     "bad cover output"},
    {".model m\n.inputs a\n.outputs y\n.frobnicate\n", LW_ERR_PARSE, 4,
     "unknown directive '.frobnicate'"},
    {"", LW_ERR_PARSE, 0, "empty file"},
    {"# nothing\n\n", LW_ERR_PARSE, 0, "empty file"},
    {".model m\n.inputs a\n.outputs y\n.names a x y\n11 1\n.names y x\n1 1\n",
     LW_ERR_CIRCUIT, 4, "loop through signal 'y'"},
    {".model m\n.inputs a\n.outputs y\n11 1\n", LW_ERR_PARSE, 4,
     "outside any .names"},
    {".model m\n.end\n.model n\n.end\n", LW_ERR_PARSE, 3, "second .model"},
    {".model m\n.inputs a\n.outputs y\n.names a y\n1 1\n\x00\x01\x02",
     LW_ERR_PARSE, 6, "NUL byte"},
    {".model m\n.inputs a\n.outputs y\n.names a y\x1b[31m\n1 1\n", LW_ERR_PARSE,
     4, "control character 0x1b"},
    {"{\"format\": \"lowwear-program/1\"}\n", LW_ERR_PARSE, 1,
     "not a BLIF text: it starts with '{\"format\":'"},
    {".model m\n.inputs a a\n.outputs y\n.names a y\n1 1\n", LW_ERR_PARSE, 2,
     "driven twice"},
    /* ABC aborts on an output listed twice: rejected at the second */
    {".model m\n.inputs a b\n.outputs y\n.outputs z y\n.names a b y\n11 1\n"
     ".names a z\n1 1\n",
     LW_ERR_PARSE, 4, "output 'y' is listed twice (first at line 3)"},
};

static void test_errors(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof bads / sizeof *bads; i++) {
    const bad *b = &bads[i];
    /* NUL inside: write the bytes up to the end of the literal */
    size_t len = strlen(b->text);
    if (strstr(b->msg, "NUL"))
      len += 2;
    char path[512];
    snprintf(path, sizeof path, "%s/bad%zu.blif", lw_test_dir, i);
    FILE *f = fopen(path, "wb");
    fwrite(b->text, 1, len, f);
    fclose(f);
    lw_net *net = (lw_net *)1;
    lw_error err = {0};
    lw_status st = lw_io_read_circuit(path, NULL, &net, &err);
    if (st != b->status || !strstr(err.msg, b->msg) || err.line != b->line ||
        strcmp(err.file, path))
      fail_msg("case %zu: got status %d, %s:%d: %s", i, st, err.file, err.line,
               err.msg);
    assert_null(net);
  }
}

static void test_io_errors(void **state) {
  (void)state;
  lw_net *net;
  lw_error err = {0};
  assert_int_equal(lw_io_read_circuit("/nonexistent/x.blif", NULL, &net, &err),
                   LW_ERR_IO);
  assert_string_equal(err.file, "/nonexistent/x.blif");
  assert_non_null(strstr(err.msg, "cannot open"));
  assert_int_equal(lw_io_read_circuit(lw_test_dir, NULL, &net, &err),
                   LW_ERR_CIRCUIT); /* no extension */
  char dir[600];
  snprintf(dir, sizeof dir, "%s/d.blif", lw_test_dir);
  assert_int_equal(mkdir(dir, 0700), 0);
  assert_int_equal(lw_io_read_circuit(dir, NULL, &net, &err), LW_ERR_IO);
  assert_non_null(strstr(err.msg, "directory"));
}

/* ---- every benchmark ----------------------------------------------------- */

static void test_benchmarks(void **state) {
  (void)state;
  char buf[1024];
  const char *index = lw_test_need_benchmark("INDEX.csv", buf, sizeof buf);
  FILE *f = fopen(index, "r");
  assert_non_null(f);
  char line[1024];
  int files = 0;
  assert_non_null(fgets(line, sizeof line, f)); /* header */
  while (fgets(line, sizeof line, f)) {
    char suite[64], name[128], file[256];
    unsigned in, out;
    if (sscanf(line, "%63[^,],%127[^,],%255[^,],%u,%u", suite, name, file, &in,
               &out) != 5)
      fail_msg("bad INDEX.csv line: %s", line);
    char path[1024];
    assert_non_null(lw_test_benchmark(file, path, sizeof path));
    lw_net *net = read_ok(path, NULL);
    if (net->pis.size != in || net->pos.size != out)
      fail_msg("%s: %u inputs %u outputs, INDEX.csv says %u %u", file,
               net->pis.size, net->pos.size, in, out);
    lw_net_free(net);
    files++;
  }
  fclose(f);
  assert_int_equal(files, 239);
}

/* ---- equivalence with ABC ------------------------------------------------ */

/* The net back as BLIF, one .names per node, so that ABC's cec compares it
 * with the original file (outputs and inputs paired by name). */
static void write_net(const lw_net *net, const char *path) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, ".model back\n.inputs");
  lw_net_foreach_pi (net, i, id)
    fprintf(f, " %s", lw_net_node_name(net, id));
  fprintf(f, "\n.outputs");
  for (uint32_t i = 0; i < net->pos.size; i++)
    fprintf(f, " %s", lw_net_po_name(net, i));
  fprintf(f, "\n");
  lw_net_foreach_node (net, id) {
    lw_gate_type t = lw_net_type(net, id);
    uint32_t n = lw_net_nfanin(net, id);
    if (t == LW_GATE_PI)
      continue;
    fprintf(f, ".names");
    lw_net_foreach_fanin (net, id, k, g)
      fprintf(f, " n%u", g);
    fprintf(f, " n%u\n", id);
    lw_fn fn = lw_gate(t)->fn;
    if (fn == LW_FN_CONST1)
      fprintf(f, "1\n");
    else if (fn == LW_FN_BUF || fn == LW_FN_NOT)
      fprintf(f, "%c 1\n", fn == LW_FN_BUF ? '1' : '0');
    else if (fn == LW_FN_AND || fn == LW_FN_NOR) {
      for (uint32_t k = 0; k < n; k++)
        fputc(fn == LW_FN_AND ? '1' : '0', f);
      fprintf(f, " 1\n");
    } else if (fn == LW_FN_OR) {
      for (uint32_t k = 0; k < n; k++) {
        for (uint32_t j = 0; j < n; j++)
          fputc(j == k ? '1' : '-', f);
        fprintf(f, " 1\n");
      }
    } else if (fn != LW_FN_CONST0) {
      fail_msg("unexpected gate %s in a circuit", lw_gate(t)->op);
    }
  }
  lw_net_foreach_pi (net, i, id)
    fprintf(f, ".names %s n%u\n1 1\n", lw_net_node_name(net, id), id);
  lw_net_foreach_po (net, i, id)
    fprintf(f, ".names n%u %s\n1 1\n", id, lw_net_po_name(net, i));
  fprintf(f, ".end\n");
  fclose(f);
}

/* ABC's cec asserts on a file with an .exdc section: give it the main
 * network alone (everything before .exdc). */
static void main_network(const char *path, const char *out) {
  lw_chars text = {0};
  lw_error err;
  assert_int_equal(lw_io_slurp(path, &text, &err), LW_OK);
  char *exdc = strstr(text.data, "\n.exdc");
  FILE *f = fopen(out, "w");
  assert_non_null(f);
  fwrite(text.data, 1, exdc ? (size_t)(exdc - text.data) : text.size, f);
  fputs(exdc ? "\n.end\n" : "", f);
  fclose(f);
  lw_vec_free(&text);
}

static void test_cec(void **state) {
  (void)state;
  lw_test_need_abc();
  /* OFF-set covers (EPFL "00 0", ISCAS " 0"), an .exdc file, a 34-input
   * .names, names with brackets and parentheses */
  static const char *const files[] = {
      "epfl/ctrl.blif",     "epfl/int2float.blif",  "epfl/cavlc.blif",
      "lgsynth91/C17.blif", "lgsynth91/C1908.blif", "lgsynth91/alu3.blif",
      "lgsynth91/des.blif", "lgsynth91/alu2.blif",
  };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char path[1024], ref[600], back[600], cmd[2048];
    lw_test_need_benchmark(files[i], path, sizeof path);
    lw_net *net = read_ok(path, NULL);
    snprintf(ref, sizeof ref, "%s/ref%zu.blif", lw_test_dir, i);
    main_network(path, ref);
    snprintf(back, sizeof back, "%s/back%zu.blif", lw_test_dir, i);
    write_net(net, back);
    lw_net_free(net);
    snprintf(cmd, sizeof cmd,
             "berkeley-abc -c 'cec %s %s' 2>&1 | grep -q 'Networks are "
             "equivalent'",
             ref, back);
    if (system(cmd) != 0)
      fail_msg("%s: ABC cec does not find the read net equivalent", files[i]);
  }
  /* and the check can fail: a changed cover is found */
  const char *wrong = write_tmp("wrong.blif", ".model m\n.inputs a b\n"
                                              ".outputs y\n.names a b y\n"
                                              "11 1\n.end\n");
  char good[1024], back[600], cmd[2048];
  snprintf(good, sizeof good, "%s", wrong);
  lw_net *net = read_ok(good, NULL);
  snprintf(back, sizeof back, "%s/wrong_back.blif", lw_test_dir);
  write_net(net, back);
  lw_net_free(net);
  write_tmp("wrong.blif", ".model m\n.inputs a b\n.outputs y\n.names a b y\n"
                          "1- 1\n.end\n");
  snprintf(cmd, sizeof cmd,
           "berkeley-abc -c 'cec %s %s' 2>&1 | grep -q 'Networks are "
           "equivalent'",
           good, back);
  assert_int_not_equal(system(cmd), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_full_adder),
      cmocka_unit_test(test_small_covers),
      cmocka_unit_test(test_syntax),
      cmocka_unit_test(test_wide_names),
      cmocka_unit_test(test_yosys_constants),
      cmocka_unit_test(test_undriven_dead),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_io_errors),
      cmocka_unit_test(test_benchmarks),
      cmocka_unit_test(test_cec),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
