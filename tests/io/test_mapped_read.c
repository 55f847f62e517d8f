/* Mapped netlists (ABC write_verilog / write_blif after map): node ids follow
 * SIMPLER MAGIC's numbering, the BLIF and Verilog of one network give the
 * same net, cell counts match SIMPLER's reference, and the mapped net
 * computes the circuit's function. */
#include "lw_net_check.h"
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/proc.h"
#include "io/read.h"

static const char *write_tmp(const char *name, const char *text) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", lw_test_dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return path;
}

static lw_net *mapped_ok(const char *path) {
  lw_net *net = NULL;
  lw_error err = {0};
  if (lw_io_read_mapped(path, &net, &err) != LW_OK)
    fail_msg("%s:%d: %s", err.file, err.line, err.msg);
  return net;
}

/* Values of the outputs for 64 vectors; inputs matched by name to `ref`'s
 * input order so that two nets of one circuit see the same vectors. */
static uint64_t *outputs(const lw_net *net, const lw_net *ref, uint64_t seed) {
  uint64_t *pi = calloc(net->pis.size + 1, sizeof *pi);
  lw_net_foreach_pi (net, i, id) {
    uint32_t j = 0;
    while (j < ref->pis.size && strcmp(lw_net_node_name(ref, ref->pis.data[j]),
                                       lw_net_node_name(net, id)))
      j++;
    assert_true(j < ref->pis.size);
    uint64_t x = seed ^ (0x9e3779b97f4a7c15ull * (j + 1)); /* splitmix64 */
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    pi[i] = x ^ (x >> 31);
  }
  uint64_t *out = calloc(net->pos.size + 1, sizeof *out);
  lw_test_net_outputs(net, pi, out);
  free(pi);
  return out;
}

/* Same outputs (by name) on random vectors. */
static void assert_same_function(const lw_net *a, const lw_net *b) {
  assert_int_equal(a->pis.size, b->pis.size);
  assert_int_equal(a->pos.size, b->pos.size);
  for (uint64_t seed = 1; seed <= 8; seed++) {
    uint64_t *x = outputs(a, a, seed), *y = outputs(b, a, seed);
    for (uint32_t i = 0; i < a->pos.size; i++) {
      uint32_t j = 0;
      while (j < b->pos.size &&
             strcmp(lw_net_po_name(a, i), lw_net_po_name(b, j)))
        j++;
      assert_true(j < b->pos.size);
      if (x[i] != y[j])
        fail_msg("output %s differs", lw_net_po_name(a, i));
    }
    free(x);
    free(y);
  }
}

/* Identical nets: same ids, types, fanins, names and outputs. */
static void assert_same_net(const lw_net *a, const lw_net *b) {
  assert_int_equal(lw_net_size(a), lw_net_size(b));
  lw_net_foreach_node (a, id) {
    assert_int_equal(lw_net_type(a, id), lw_net_type(b, id));
    assert_int_equal(lw_net_nfanin(a, id), lw_net_nfanin(b, id));
    lw_net_foreach_fanin (a, id, k, f)
      assert_int_equal(f, lw_net_fanin(b, id, k));
    assert_string_equal(lw_net_node_name(a, id), lw_net_node_name(b, id));
  }
  assert_int_equal(a->pos.size, b->pos.size);
  lw_net_foreach_po (a, i, id) {
    assert_int_equal(id, b->pos.data[i]);
    assert_string_equal(lw_net_po_name(a, i), lw_net_po_name(b, i));
  }
}

/* ---- hand-written netlists ----------------------------------------------- */

static void test_half_adder(void **state) {
  (void)state;
  char buf[512];
  lw_net *net = mapped_ok(
      lw_test_source("tests/data/good/half_adder.v", buf, sizeof buf));
  /* ids: a b, wires n1 n2 n3 n4, outputs s c */
  static const char *const names[] = {"a",  "b",  "n1", "n2",
                                      "n3", "n4", "s",  "c"};
  assert_int_equal(lw_net_size(net), 8);
  for (uint32_t i = 0; i < 8; i++)
    assert_string_equal(lw_net_node_name(net, i), names[i]);
  assert_int_equal(lw_net_type(net, 4), LW_GATE_NOR2);
  assert_int_equal(lw_net_fanin(net, 4, 0), 2); /* .a(n1) is fanin 0 */
  assert_int_equal(lw_net_fanin(net, 4, 1), 3);
  assert_int_equal(lw_net_type(net, 7), LW_GATE_NOR2);
  assert_int_equal(lw_net_type(net, 2), LW_GATE_NOT);
  /* s = a xor b, c = a and b */
  uint64_t *o = outputs(net, net, 3);
  lw_net_free(net);
  net = mapped_ok(write_tmp("ha_ref.v", "module r(a, b, s, c);\n"
                                        "input a, b; output s, c;\n"
                                        "wire x, y, z;\n"
                                        "nor2 g0(.a(a), .b(b), .O(x));\n"
                                        "inv1 g1(.a(a), .O(y));\n"
                                        "inv1 g2(.a(b), .O(z));\n"
                                        "nor2 g3(.a(y), .b(z), .O(c));\n"
                                        "nor2 g4(.a(c), .b(x), .O(s));\n"
                                        "endmodule\n"));
  uint64_t *r = outputs(net, net, 3);
  assert_true(o[0] == r[0] && o[1] == r[1]);
  free(o);
  free(r);
  lw_net_free(net);
}

static void test_escapes_and_assigns(void **state) {
  (void)state;
  lw_net *net = mapped_ok(write_tmp(
      "esc.v", "// ABC writes escaped names with a trailing blank\n"
               "module top ( \\opcode[0] , b, \\y[0] , z, k, one_o, w );\n"
               "  input \\opcode[0] , b;\n"
               "  output \\y[0] , z, k, one_o, w;\n"
               "  wire \\n(1) ; /* a block\n comment */\n"
               "  nor2 g0(.a(\\opcode[0] ), .b(b), .O(\\n(1) ));\n"
               "  inv1 g1(.a(\\n(1) ), .O(\\y[0] ));\n"
               "  assign z = b;\n"
               "  assign k = 1'b0;\n"
               "  one g2(.O(one_o));\n"
               "  assign w = \\y[0] ;\n"
               "endmodule\n"));
  assert_int_equal(net->pis.size, 2);
  assert_string_equal(lw_net_node_name(net, 0), "opcode[0]");
  assert_string_equal(lw_net_node_name(net, 2), "n(1)");
  /* ids: 2 inputs, wire n(1), outputs y[0], (z is input b), k, one_o, w */
  assert_int_equal(lw_net_size(net), 7);
  assert_int_equal(net->pos.data[1], 1); /* z driven by the input node */
  assert_int_equal(lw_net_type(net, 4), LW_GATE_CONST0);
  assert_int_equal(lw_net_type(net, 5), LW_GATE_CONST1);
  assert_int_equal(lw_net_type(net, 6), LW_GATE_BUF);
  assert_int_equal(lw_net_fanin(net, 6, 0), 3);
  assert_string_equal(lw_net_po_name(net, 0), "y[0]");
  lw_net_free(net);
}

typedef struct bad {
  const char *name, *text;
  int line;
  const char *msg;
} bad;

static const bad bads[] = {
    {"unknown.v",
     "module m(a, y); input a; output y;\n and2 g(.a(a), .O(y));"
     "\nendmodule\n",
     2, "unknown cell 'and2'"},
    {"pin.v",
     "module m(a, y); input a; output y;\n inv1 g(.x(a), .O(y));\n"
     "endmodule\n",
     2, "no pin 'x'"},
    {"missing.v",
     "module m(a, y); input a; output y;\n nor2 g(.a(a), .O(y));"
     "\nendmodule\n",
     2, "lacks pin 'b'"},
    {"twice.v",
     "module m(a, y); input a; output y;\ninv1 g(.a(a), .O(y));\n"
     "inv1 h(.a(a), .O(y));\nendmodule\n",
     3, "driven twice"},
    {"undriven.v",
     "module m(a, y); input a; output y; wire u;\n"
     "nor2 g(.a(a), .b(u), .O(y));\nendmodule\n",
     2, "'u' is read but never driven"},
    {"expr.v",
     "module m(a, b, y); input a, b; output y;\n"
     "assign y = a & b;\nendmodule\n",
     2, "not a mapped netlist"},
    {"vector.v", "module m(a, y); input [1:0] a; output y;\nendmodule\n", 1,
     "vector"},
    {"truncated.v", "module m(a, y); input a; output y;\ninv1 g(.a(a), ", 2,
     "end of file"},
    {"empty.v", "  // nothing\n", 0, "empty file"},
    {"reg.v", "module m(a, y); input a; output y;\nreg r;\nendmodule\n", 2,
     "'reg' is not supported"},
    {"two.v",
     "module m(a, y); input a; output y;\ninv1 g(.a(a), .O(y));\n"
     "endmodule\nmodule n; endmodule\n",
     4, "second module"},
    {"notmapped.blif",
     ".model m\n.inputs a b\n.outputs y\n.names a b y\n"
     "11 1\n.end\n",
     4, "not a mapped netlist"},
    {"bad.aig", "aig 1 1 0 1 0\n2\n2\n", 0, "must be .blif or .v"},
};

static void test_errors(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof bads / sizeof *bads; i++) {
    const char *path = write_tmp(bads[i].name, bads[i].text);
    lw_net *net = (lw_net *)1;
    lw_error err = {0};
    lw_status st = lw_io_read_mapped(path, &net, &err);
    if (st == LW_OK || !strstr(err.msg, bads[i].msg) ||
        err.line != bads[i].line || strcmp(err.file, path))
      fail_msg("%s: got status %d, %s:%d: %s", bads[i].name, st, err.file,
               err.line, err.msg);
    assert_null(net);
  }
}

/* ---- ABC's netlists of the 20 reference circuits ------------------------- */

static const char genlib[] =
    "GATE inv1 1 O=!a; PIN * INV 1 999 0.9 0.3 0.9 0.3\n"
    "GATE nor2 2 O=!(a+b); PIN * INV 1 999 1.4 0.5 1.4 0.5\n"
    "GATE one 0 O=CONST1;\nGATE zero 0 O=CONST0;\n"
    "GATE buf 1 O=a; PIN * NONINV 1 999 1.0 0.0 1.0 0.0\n";

/* docs/simpler.md section 1, aliases spelled out. */
static const char script[] =
    "balance; rewrite; rewrite -z; balance; rewrite -z; balance; "
    "balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; "
    "refactor -z; rewrite -z; balance; "
    "balance; resub -K 6; rewrite; resub -K 6 -N 2; refactor; resub -K 8; "
    "balance; resub -K 8 -N 2; rewrite; resub -K 10; rewrite -z; "
    "resub -K 10 -N 2; balance; resub -K 12; refactor -z; resub -K 12 -N 2; "
    "rewrite -z; balance; strash; map";

static void test_reference_circuits(void **state) {
  (void)state;
  char csv[1024];
  lw_test_need_abc();
  lw_test_source("benchmarks/reference/simpler_reference.csv", csv, sizeof csv);
  FILE *f = fopen(csv, "r");
  assert_non_null(f);
  const char *lib = write_tmp("simpler.genlib", genlib);
  char libpath[512], line[1024];
  snprintf(libpath, sizeof libpath, "%s", lib);
  int circuits = 0;
  assert_non_null(fgets(line, sizeof line, f));
  while (fgets(line, sizeof line, f)) {
    char suite[32], name[64], file[256];
    unsigned in, nor, not ;
    if (sscanf(line, "%31[^,],%63[^,],%255[^,],%u,%u,%u", suite, name, file,
               &in, &nor, &not ) != 6)
      fail_msg("bad line %s", line);
    char path[1024], v[600], b[600], cmd[4096];
    assert_non_null(lw_test_benchmark(file, path, sizeof path));
    snprintf(v, sizeof v, "%s/%s.v", lw_test_dir, name);
    snprintf(b, sizeof b, "%s/%s.blif", lw_test_dir, name);
    snprintf(cmd, sizeof cmd,
             "berkeley-abc -c 'read %s; read_library %s; %s; write_verilog "
             "%s; write_blif %s' >/dev/null 2>&1",
             path, libpath, script, v, b);
    assert_int_equal(system(cmd), 0);
    lw_net *nv = mapped_ok(v), *nb = mapped_ok(b);
    assert_same_net(nv, nb);
    uint32_t c[LW_GATE_COUNT];
    lw_net_count_types(nv, c);
    if (nv->pis.size != in || c[LW_GATE_NOR2] != nor || c[LW_GATE_NOT] != not )
      fail_msg("%s: %u inputs, %u NOR2, %u NOT; SIMPLER has %u, %u, %u", name,
               nv->pis.size, c[LW_GATE_NOR2], c[LW_GATE_NOT], in, nor, not );
    /* the mapped net computes what the circuit does */
    lw_net *ref = NULL;
    lw_error err;
    assert_int_equal(lw_io_read_circuit(path, NULL, &ref, &err), LW_OK);
    assert_same_function(ref, nv);
    lw_net_free(ref);
    lw_net_free(nv);
    lw_net_free(nb);
    circuits++;
  }
  fclose(f);
  assert_int_equal(circuits, 20);
}

/* ---- size ---------------------------------------------------------------- */

#define BIG_INPUTS 64
#define BIG_GATES 1000000
#define BIG_OUTPUTS 32

/* An ABC-style mapped BLIF of BIG_GATES inv1/nor2 cells: each gate reads the
 * previous signal and, for a NOR, one of the 40 before it, so that the live
 * signals (and the row) stay small while the netlist is long; the last 32
 * signals, inverted, are the outputs. */
static void write_big(const char *path) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, ".model big\n.inputs");
  for (int i = 0; i < BIG_INPUTS; i++)
    fprintf(f, " i%d", i);
  fprintf(f, "\n.outputs");
  for (int k = 0; k < BIG_OUTPUTS; k++)
    fprintf(f, " o%d", k);
  fprintf(f, "\n");
  uint64_t x = 88172645463325252u;
  char a[16], b[16];
  for (uint32_t g = 0; g < BIG_GATES; g++) {
    uint32_t n = BIG_INPUTS + g; /* signals so far: inputs, then n<g> */
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    uint32_t back = 2 + (uint32_t)(x % 39), j = n - (back < n ? back : n);
    snprintf(a, sizeof a, g ? "n%u" : "i%u", g ? g - 1 : BIG_INPUTS - 1);
    snprintf(b, sizeof b, j < BIG_INPUTS ? "i%u" : "n%u",
             j < BIG_INPUTS ? j : j - BIG_INPUTS);
    if (g % 5 == 4)
      fprintf(f, ".gate inv1 a=%s O=n%u\n", a, g);
    else
      fprintf(f, ".gate nor2 a=%s b=%s O=n%u\n", a, b, g);
  }
  for (int k = 0; k < BIG_OUTPUTS; k++)
    fprintf(f, ".gate inv1 a=n%d O=o%d\n", BIG_GATES - 1 - k, k);
  fprintf(f, ".end\n");
  assert_int_equal(fclose(f), 0);
}

/* A million gates map as they are, verified by simulation, within 1 GB
 * (the limit). The seconds and the peak memory are printed, not
 * judged: this is a benchmark for the reader, not a timed test. */
static void test_million_gates(void **state) {
  (void)state;
  char path[600], out[600], args[1600];
  snprintf(path, sizeof path, "%s/big.blif", lw_test_dir);
  snprintf(out, sizeof out, "%s/big.json", lw_test_dir);
  write_big(path);
  snprintf(args, sizeof args, "map '%s' --synth none --no-cec -o '%s'", path,
           out);
  double t0 = lw_clock();
  char *err = NULL;
  int status = lw_test_run_cli(args, &err);
  double seconds = lw_clock() - t0;
  struct rusage ru;
  assert_int_equal(getrusage(RUSAGE_CHILDREN, &ru), 0);
  double mb = (double)ru.ru_maxrss / 1024; /* kilobytes on Linux */
  print_message("1,000,000 gates: lowwear map --synth none --no-cec: exit %d, "
                "%.1f s, peak RSS %.0f MB\n%s",
                status, seconds, mb, err);
  assert_int_equal(status, 0);
  assert_non_null(strstr(err, "verified (simulation)"));
  free(err);
  FILE *f = fopen(out, "r");
  assert_non_null(f);
  char head[256] = {0};
  assert_true(fread(head, 1, sizeof head - 1, f) > 0);
  fclose(f);
  assert_non_null(strstr(head, "lowwear-program/1"));
#if defined(__SANITIZE_ADDRESS__)
  print_message("AddressSanitizer build: its shadow memory makes the peak "
                "RSS no measure of lowwear's; the 1 GB limit is not "
                "checked\n");
#else
  assert_true(mb <= 1024);
#endif
  unlink(path);
  unlink(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_half_adder),
      cmocka_unit_test(test_escapes_and_assigns),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_reference_circuits),
      cmocka_unit_test(test_million_gates),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
