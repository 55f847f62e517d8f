/* The text form and the SIMPLER MAGIC layout of a small program. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "io/print.h"
#include "lowwear/lowwear.h"

/* f = NOR(a, b), g = !a | f with a re-initialisation in between. */
static lw_program *sample(void) {
  lw_program *p = lw_program_new("tiny", "simpler", 6);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b", 1);
  lw_program_add_init(p, 1, 0, (uint32_t[]){2, 3, 4}, 3);
  lw_program_add_gate(p, LW_GATE_NOR2, (uint32_t[]){0, 1}, 2, 2);
  lw_program_add_gate(p, LW_GATE_NOT, (uint32_t[]){2}, 1, 3);
  lw_program_add_init(p, 0, 1, (uint32_t[]){3, 5}, 2);
  lw_program_add_gate(p, LW_GATE_OR2, (uint32_t[]){0, 1}, 2, 5);
  lw_program_add_gate(p, LW_GATE_IMP, (uint32_t[]){0}, 1, 2);
  lw_program_add_output(p, "f", 5);
  lw_program_add_output(p, "g", 2);
  return p;
}

static char *render(const lw_program *p, lw_program_format format) {
  char *dir = lw_tmpdir_new();
  char *path = lw_path_join(dir, "out.txt");
  lw_error err = {0};
  assert_int_equal(lw_io_write_program(p, path, format, &err), LW_OK);
  FILE *f = fopen(path, "rb");
  char *buf = calloc(1, 1 << 16);
  size_t n = fread(buf, 1, (1 << 16) - 1, f);
  buf[n] = 0;
  fclose(f);
  lw_free(path);
  lw_tmpdir_remove(dir);
  return buf;
}

static void test_text_form(void **state) {
  (void)state;
  lw_program *p = sample();
  char *t = render(p, LW_FORMAT_TEXT);
  const char *lines[] = {"inputs (2): a=c0 b=c1\n", "outputs (2): f=c5 g=c2\n",
                         "setup: INIT0 c2 c3 c4\n", "T1: c2 = NOR(c0, c1)\n",
                         "T2: c3 = NOT(c2)\n",      "T3: INIT1 c3 c5\n",
                         "T4: c5 = OR(c0, c1)\n",   "T5: c2 = IMP(c0, c2)\n"};
  const char *prev = t;
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
    const char *at = strstr(t, lines[i]);
    if (!at)
      fail_msg("missing line: %s in\n%s", lines[i], t);
    assert_true(at > prev || i == 0);
    prev = at;
  }
  assert_non_null(strstr(t, "latency 5 (4 gate cycles, 1 INIT cycles)"));
  free(t);
  lw_program_free(p);
}

static void test_simpler_layout(void **state) {
  (void)state;
  lw_program *p = sample();
  char *t = render(p, LW_FORMAT_SIMPLER);
  const char *lines[] = {
      "\\\\\\\\\\\\ MAPPING OF tiny WITH ROW SIZE = 6  \\\\\\\\\\\\\n\n",
      "Inputs:{a(0),b(1)}\nOutputs:{f(5),g(2)}\n\n"
      "EXECUTION SEQUENCE + MAPPING: {\n",
      "T0:a(0)=INPUT\nT0:b(1)=INPUT\n",
      "T0:Initialization(Ron){none(2),none(3),none(4)}\n",
      "T1:n1(2)=nor2{a(0),b(1)}\n",
      "T2:n2(3)=inv1{n1(2)}\n",
      "T3:Initialization(Roff){n2(3),none(5)}\n",
      "T4:f(5)=or2{a(0),b(1)}\n",
      "T5:g(2)=imp{a(0),n1(2)}\n}\n",
      "\nRESULTS AND STATISTICS:\nBenchmark: tiny\n"
      "Total number of cycles: 5\nNumber of reuse cycles: 1\n"
      "Initialization percentage: 0.2\nNumber of gates: 4\n",
      "Row size (number of columns): 6 \n\n\n"};
  const char *prev = t;
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
    const char *at = strstr(t, lines[i]);
    if (!at)
      fail_msg("missing: %s in\n%s", lines[i], t);
    assert_true(at >= prev);
    prev = at;
  }
  /* live values: a, b plus n1 and n2 together at T2 (n1 is read at T5) */
  assert_non_null(strstr(t, "Max number of used cells: 4\n"));
  free(t);
  lw_program_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text_form),
      cmocka_unit_test(test_simpler_layout),
  };
  return lw_test_run(tests, NULL, NULL);
}
