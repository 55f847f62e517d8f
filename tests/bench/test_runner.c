/* One circuit through the bench protocol in-process: every flow verified.
 * A Verilog circuit is read through yosys; ABC's cec must get the netlist
 * as read, not the Verilog file (which it misreads: ANSI-style ports). */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/runner.h"
#include "lowwear/bench.h"
#include "lowwear/lowwear.h"

static void quiet(void *ctx, const char *flow, const char *stage) {
  (void)ctx, (void)flow, (void)stage;
}

static void test_ansi_verilog_verified(void **state) {
  (void)state;
  lw_test_need_abc();
  lw_test_need_yosys();
  lw_bench_circuit c;
  memset(&c, 0, sizeof c);
  snprintf(c.name, sizeof c.name, "ansi");
  snprintf(c.suite, sizeof c.suite, "other");
  snprintf(c.path, sizeof c.path, "%s/ansi.v", lw_test_dir);
  FILE *f = fopen(c.path, "w");
  assert_non_null(f);
  fputs("module m(input a, input b, input c, output y, output z);\n"
        "  assign y = (a & b) | c;\n  assign z = a ^ c;\nendmodule\n",
        f);
  assert_int_equal(fclose(f), 0);
  lw_bench_params p = lw_bench_params_default();
  p.cec = 1; /* the proof is the point */
  lw_bench_run_circuit(&p, &c, quiet, NULL);
  if (c.status != LW_BENCH_OK)
    fail_msg("%s: %s", lw_bench_status_name(c.status), c.error);
  for (int k = 0; k < LW_BENCH_NFLOWS; k++)
    if (c.flows[k].included)
      assert_true(c.flows[k].verified);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ansi_verilog_verified),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
