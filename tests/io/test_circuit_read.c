/* lw_io_read_circuit: dispatch by extension, conversion by ABC (AIGER, PLA)
 * and yosys (Verilog), ASCII AIGER, and every way a converter can fail:
 * missing, crashing, hanging, failing, writing nothing or garbage. The
 * scratch folders must be gone afterwards in every case. */
#include "lw_net_check.h"
#include "lw_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/read.h"

static char scratch[600]; /* TMPDIR for the reader's scratch folders */

static const char *write_tmp(const char *name, const char *text, int exec) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", lw_test_dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  if (exec)
    chmod(path, 0755);
  return path;
}

static int scratch_entries(void) {
  DIR *d = opendir(scratch);
  assert_non_null(d);
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

static const char *good(const char *name) {
  static char buf[512];
  char rel[128];
  snprintf(rel, sizeof rel, "tests/data/good/%s", name);
  return lw_test_source(rel, buf, sizeof buf);
}

static lw_net *read_ok(const char *path, const lw_read_params *p) {
  lw_net *net = NULL;
  lw_error err = {0};
  if (lw_io_read_circuit(path, p, &net, &err) != LW_OK)
    fail_msg("%s:%d: %s", err.file, err.line, err.msg);
  assert_int_equal(scratch_entries(), 0);
  return net;
}

/* Output words for 64 random vectors; `in` receives each input's word,
 * listed by name in `names` order. */
static void random_outputs(const lw_net *net, const char *const *names,
                           uint32_t nnames, uint64_t *in, uint64_t *out) {
  uint64_t *pi = calloc(nnames + 1, sizeof *pi), x = 88172645463325252u;
  assert_int_equal(net->pis.size, nnames);
  for (uint32_t j = 0; j < nnames; j++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
    in[j] = x;
    uint32_t i = 0;
    while (i < nnames &&
           strcmp(lw_net_node_name(net, net->pis.data[i]), names[j]))
      i++;
    assert_true(i < nnames);
    pi[i] = x;
  }
  lw_test_net_outputs(net, pi, out);
  free(pi);
}

/* ---- formats ------------------------------------------------------------- */

static void test_aag(void **state) {
  (void)state;
  lw_net *net = read_ok(good("and_or.aag"), NULL);
  static const char *const names[] = {"x", "y", "z"};
  uint64_t in[3], out[2];
  random_outputs(net, names, 3, in, out);
  assert_string_equal(lw_net_po_name(net, 0), "xy");
  assert_true(out[0] == (in[0] & in[1]));
  assert_true(out[1] == ((in[0] & in[1]) | in[2]));
  lw_net_free(net);
}

static void test_pla(void **state) {
  (void)state;
  lw_test_need_abc();
  lw_net *net = read_ok(good("two_level.pla"), NULL);
  static const char *const names[] = {"a", "b", "c"};
  uint64_t in[3], out[2];
  random_outputs(net, names, 3, in, out);
  assert_true(out[0] == ((in[0] & in[1]) | (~in[0] & in[2])));
  assert_true(out[1] == (in[1] ^ in[2]));
  lw_net_free(net);
}

static void test_verilog(void **state) {
  (void)state;
  lw_test_need_yosys();
  lw_net *net = read_ok(good("mux.v"), NULL);
  static const char *const names[] = {"d[0]", "d[1]", "d[2]", "d[3]",
                                      "s[0]", "s[1]", "en"};
  uint64_t in[7], out[1], want = 0;
  random_outputs(net, names, 7, in, out);
  for (int lane = 0; lane < 64; lane++) {
    int s = (int)((in[4] >> lane) & 1) + 2 * (int)((in[5] >> lane) & 1);
    want |= ((in[s] >> lane) & (in[6] >> lane) & 1) << lane;
  }
  assert_true(out[0] == want);
  lw_net_free(net);
  /* ABC's mapped Verilog is read natively: yosys knows no inv1/nor2 */
  net = read_ok(good("half_adder.v"), NULL);
  assert_int_equal(lw_net_type(net, 2), LW_GATE_NOT);
  lw_net_free(net);
}

static void test_aig(void **state) {
  (void)state;
  char path[1024], blif[1024];
  lw_test_need_abc();
  lw_test_need_benchmark("epfl/ctrl.aig", path, sizeof path);
  lw_test_need_benchmark("epfl/ctrl.blif", blif, sizeof blif);
  lw_net *a = read_ok(path, NULL), *b = read_ok(blif, NULL);
  assert_int_equal(a->pis.size, 7);
  assert_int_equal(a->pos.size, 26);
  /* same function, inputs by position (the AIGER keeps their order) */
  const char *names[7];
  lw_net_foreach_pi (b, i, id)
    names[i] = lw_net_node_name(b, id);
  uint64_t in[7], x[26], y[26];
  random_outputs(b, names, 7, in, y);
  lw_net_foreach_pi (a, i, id)
    names[i] = lw_net_node_name(a, id);
  random_outputs(a, names, 7, in, x);
  for (int i = 0; i < 26; i++)
    assert_true(x[i] == y[i]);
  lw_net_free(a);
  lw_net_free(b);
}

/* ---- failures ------------------------------------------------------------ */

static void expect_error(const char *path, const lw_read_params *p,
                         lw_status status, const char *msg) {
  lw_net *net = (lw_net *)1;
  lw_error err = {0};
  lw_status st = lw_io_read_circuit(path, p, &net, &err);
  if (st != status || !strstr(err.msg, msg) || strcmp(err.file, path))
    fail_msg("%s: got %d, %s:%d: %s (wanted '%s')", path, st, err.file,
             err.line, err.msg, msg);
  assert_null(net);
  assert_int_equal(scratch_entries(), 0);
}

static void test_inputs_rejected(void **state) {
  (void)state;
  expect_error(write_tmp("seq.aag", "aag 3 1 1 1 1\n2\n4 6\n6\n6 2 4\n", 0),
               NULL, LW_ERR_PARSE, "sequential");
  expect_error(write_tmp("junk.aig", "\x7f\x45LF\x02\x01", 0), NULL,
               LW_ERR_PARSE, "not an AIGER file");
  expect_error(write_tmp("lit.aag", "aag 2 1 0 1 0\n2\n9\n", 0), NULL,
               LW_ERR_PARSE, "bad or missing literal");
  expect_error(write_tmp("empty.pla", "", 0), NULL, LW_ERR_PARSE, "empty");
  expect_error(write_tmp("x.vhdl", "entity", 0), NULL, LW_ERR_CIRCUIT,
               "unknown circuit format '.vhdl'");
  expect_error("/nonexistent/c.aig", NULL, LW_ERR_IO, "cannot open");
  /* the rest needs the tools that read Verilog and PLA */
  lw_test_need_yosys();
  lw_test_need_abc();
  expect_error(write_tmp("seq.v",
                         "module r(input c, input d, output reg q)"
                         ";\n always @(posedge c) q <= d;\n"
                         "endmodule\n",
                         0),
               NULL, LW_ERR_PARSE, "sequential design");
  expect_error(write_tmp("syntax.v", "module m(input a; endmodule\n", 0), NULL,
               LW_ERR_ABC, "yosys failed");
  expect_error(write_tmp("bad.pla", ".i 2\n.o 1\n1x2 1\n.e\n", 0), NULL,
               LW_ERR_ABC, "ABC");
}

static void test_tool_failures(void **state) {
  (void)state;
  char pla[512], v[512];
  snprintf(pla, sizeof pla, "%s", good("two_level.pla"));
  snprintf(v, sizeof v, "%s", good("mux.v"));
  lw_read_params p = lw_read_params_default();
  p.abc.path = p.yosys_path = "/nonexistent/tool";
  expect_error(pla, &p, LW_ERR_ABC, "ABC not found");
  expect_error(v, &p, LW_ERR_ABC, "yosys not found");

  p.abc.timeout_s = 0.5;
  p.abc.path = p.yosys_path = write_tmp("hang.sh", "#!/bin/sh\nsleep 20\n", 1);
  expect_error(pla, &p, LW_ERR_ABC, "ABC timed out");
  expect_error(v, &p, LW_ERR_ABC, "yosys timed out");

  p.abc.timeout_s = 30;
  p.abc.path = p.yosys_path =
      write_tmp("crash.sh", "#!/bin/sh\nkill -SEGV $$\n", 1);
  expect_error(pla, &p, LW_ERR_ABC, "ABC crashed");

  p.abc.path = p.yosys_path =
      write_tmp("fail.sh", "#!/bin/sh\necho 'Error: no licence'\nexit 3\n", 1);
  expect_error(pla, &p, LW_ERR_ABC, "no licence");
  expect_error(v, &p, LW_ERR_ABC, "exit status 3");

  p.abc.path = p.yosys_path = write_tmp("silent.sh", "#!/bin/sh\nexit 0\n", 1);
  expect_error(pla, &p, LW_ERR_ABC, "ABC could not convert");

  /* the output file is the last word of the last argument */
  p.abc.path = p.yosys_path =
      write_tmp("garbage.sh",
                "#!/bin/sh\nfor a; do last=$a; done\nout=${last##* }\n"
                "printf '.model g\\n.inputs a\\n.outputs y\\n.names a y\\n"
                "1x 1\\n' > \"$out\"\n",
                1);
  expect_error(pla, &p, LW_ERR_ABC, "ABC wrote a BLIF that cannot be read");
  expect_error(v, &p, LW_ERR_ABC, "yosys wrote a BLIF that cannot be read");
}

/* ---- standard input and the format --------------------------------------- */

static int have_yosys(void) {
  return system("command -v yosys >/dev/null 2>&1") == 0;
}

/* `lowwear ARGS`, exit status `want`; stderr must hold `msg`. */
static void cli(const char *args, int want, const char *msg) {
  char *err = NULL;
  int st = lw_test_run_cli(args, &err);
  if (st != want || !strstr(err, msg))
    fail_msg("lowwear %s: exit %d (want %d), stderr: %s(want '%s')", args, st,
             want, err, msg);
  free(err);
}

/* `-` reads the circuit from standard input, in the format its content
 * shows; the messages say <stdin>; verify and wear read it the same way. */
static void test_stdin(void **state) {
  (void)state;
  if (!lw_test_have_abc())
    skip();
  static const char *const files[] = {
      "full_adder.blif", "yosys_impltf.blif", "full_adder_crlf.blif",
      "and_or.aag",      "two_level.pla",     "mux.v"};
  char args[2048], out[700];
  snprintf(out, sizeof out, "%s/stdin.json", lw_test_dir);
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    if (strstr(files[i], ".v") && !have_yosys())
      continue;
    snprintf(args, sizeof args, "map - -o '%s' <'%s'", out, good(files[i]));
    cli(args, 0, "<stdin>: flow lowwear");
    snprintf(args, sizeof args, "grep -q '\"circuit\": \"stdin\"' '%s'", out);
    assert_int_equal(system(args), 0); /* the program's name */
    snprintf(args, sizeof args, "verify - '%s' <'%s' >/dev/null", out,
             good(files[i]));
    cli(args, 0, "");
    snprintf(args, sizeof args, "wear - '%s' <'%s' >/dev/null", out,
             good(files[i]));
    cli(args, 0, "");
    assert_int_equal(unlink(out), 0);
  }
  /* a mapped netlist as it is, read once for the net and once to verify */
  snprintf(args, sizeof args, "map - --synth none --no-cec -o '%s' <'%s'", out,
           good("half_adder.v"));
  cli(args, 0, "<stdin>: flow lowwear");
  assert_int_equal(unlink(out), 0);
  assert_int_equal(scratch_entries(), 0);
}

static void test_stdin_errors(void **state) {
  (void)state;
  char args[2048], out[700];
  snprintf(out, sizeof out, "%s/never.json", lw_test_dir);
  static const char *const cases[][2] = {
      {"{\"format\": 1}\n", "<stdin>:1: cannot tell the circuit format"},
      {"\n\n# only a comment\nhello\n",
       "<stdin>:4: cannot tell the circuit format"},
      {"", "<stdin>: empty input"},
      {".model m\n.inputs a\n.outputs y\n.names a ghost y\n11 1\n",
       "<stdin>:4: signal 'ghost' is read but never driven"},
      {"aag 3 1 1 1 1\n2\n4 6\n6\n6 2 4\n", "<stdin>:1: sequential"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *in = write_tmp("stdin.txt", cases[i][0], 0);
    snprintf(args, sizeof args, "map - -o '%s' <'%s'", out, in);
    cli(args, 1, cases[i][1]);
    snprintf(args, sizeof args, "map - --synth none -o '%s' <'%s'", out, in);
    cli(args, 1, "<stdin>");
    assert_int_not_equal(access(out, F_OK), 0);
  }
  snprintf(args, sizeof args, "map - --input-format vhdl -o '%s' </dev/null",
           out);
  cli(args, 2, "unknown --input-format 'vhdl' (expected blif, aag");
  assert_int_not_equal(access(out, F_OK), 0);
}

/* --input-format reads a file whatever its name; without it, a content
 * plainly of another format than the extension is named as such. */
static void test_input_format(void **state) {
  (void)state;
  lw_chars text = {0};
  lw_error err = {0};
  assert_int_equal(lw_io_slurp(good("full_adder.blif"), &text, &err), LW_OK);
  char odd[512];
  snprintf(odd, sizeof odd, "%s",
           write_tmp("full_adder.circuit", text.data, 0));
  lw_vec_free(&text);
  lw_read_params p = lw_read_params_default();
  p.input_format = "blif";
  lw_net *net = read_ok(odd, &p);
  assert_int_equal(net->pos.size, 2);
  lw_net_free(net);
  expect_error(odd, NULL, LW_ERR_CIRCUIT,
               "unknown circuit format '.circuit' (expected .blif");
  expect_error(write_tmp("pla.blif", "# espresso\n.i 2\n.o 1\n11 1\n.e\n", 0),
               NULL, LW_ERR_PARSE,
               "the content is PLA, not BLIF as the extension .blif says "
               "(rename the file, or give --input-format pla)");
  expect_error(
      write_tmp("verilog.aag", "// x\nmodule m(a, y);\nendmodule\n", 0), NULL,
      LW_ERR_PARSE, "the content is Verilog, not ASCII AIGER");
  expect_error(write_tmp("aag.aig", "aag 0 0 0 0 0\n", 0), NULL, LW_ERR_PARSE,
               "the content is ASCII AIGER, not binary AIGER");
  p.input_format = "edif";
  net = (lw_net *)1;
  assert_int_equal(lw_io_read_circuit(odd, &p, &net, &err), LW_ERR_USAGE);
  assert_non_null(strstr(err.msg, "unknown --input-format 'edif'"));
  assert_null(net);
  if (!lw_test_have_abc())
    return;
  p.input_format = "pla";
  net = read_ok(write_tmp("pla.blif", ".i 2\n.o 1\n11 1\n.e\n", 0), &p);
  assert_int_equal(net->pis.size, 2);
  lw_net_free(net);
}

static int setup(void **state) {
  (void)state;
  if (lw_test_dir_setup(state) != 0)
    return -1;
  snprintf(scratch, sizeof scratch, "%s/scratch", lw_test_dir);
  if (mkdir(scratch, 0700) != 0)
    return -1;
  return setenv("TMPDIR", scratch, 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_aag),
      cmocka_unit_test(test_pla),
      cmocka_unit_test(test_verilog),
      cmocka_unit_test(test_aig),
      cmocka_unit_test(test_inputs_rejected),
      cmocka_unit_test(test_tool_failures),
      cmocka_unit_test(test_stdin),
      cmocka_unit_test(test_stdin_errors),
      cmocka_unit_test(test_input_format),
  };
  return lw_test_run(tests, setup, lw_test_dir_teardown);
}
