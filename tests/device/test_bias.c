/* Bias tables as data: the parser, its messages, built-ins, and bias
 * files driving the check (robustness rows of docs/device.md 5.5). */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/bias.h"
#include "device/check.h"

static void test_builtins(void **state) {
  (void)state;
  lw_bias b;
  lw_error err;
  assert_int_equal(lw_bias_builtin("recommended", &b, &err), LW_OK);
  assert_string_equal(b.name, "recommended");
  const lw_bias_row *r = lw_bias_find(&b, "COPY");
  assert_non_null(r);
  assert_float_equal(r->v_in, -0.70, 1e-12);
  assert_float_equal(r->v_out, 1.37, 1e-12);
  assert_float_equal(lw_bias_find(&b, "OR")->v_in, -1.84, 1e-12);
  assert_float_equal(b.rs, 50, 0);
  assert_float_equal(b.hrs, 1.7e-9, 1e-20);
  assert_int_equal(lw_bias_builtin("paper", &b, &err), LW_OK);
  assert_float_equal(lw_bias_find(&b, "NOR")->v_out, 1.4, 1e-12);
  assert_float_equal(lw_bias_find(&b, "OR")->v_out, -1.0, 1e-12);
  assert_int_equal(lw_bias_builtin("nosuch", &b, &err), LW_ERR_USAGE);
}

static void test_parse(void **state) {
  (void)state;
  lw_bias b;
  lw_error err;
  const char *text = "# a comment\n"
                     "name mine   # trailing comment\n"
                     "rs 45\n\n"
                     "pulse 2e-7\n"
                     "gate NOR 1.3 1.6 out_gap=1.65\n"
                     "gate COPY -0.7 1.37 in_orient=-1 out_orient=+1\n";
  assert_int_equal(lw_bias_parse(text, "t.bias", &b, &err), LW_OK);
  assert_string_equal(b.name, "mine");
  assert_float_equal(b.rs, 45, 0);
  assert_float_equal(b.pulse, 2e-7, 1e-20);
  assert_int_equal(b.nrows, 2);
  assert_float_equal(b.rows[0].out_gap, 1.65e-9, 1e-20);
  assert_int_equal(b.rows[1].in_orient, -1);
  assert_int_equal(b.rows[1].line, 7);
  /* defaults where the file says nothing */
  assert_float_equal(b.edge, 1e-9, 1e-20);
  assert_float_equal(b.gap_max, 1.8e-9, 1e-20);

  const struct {
    const char *text;
    int line;
    const char *word;
  } bad[] = {
      {"gate NOR 1.3\n", 1, "expected"},
      {"rs 50\nrs x\n", 2, "rs"},
      {"gate NOR 1.3 1.6\nfoo 3\n", 2, "unknown statement"},
      {"gate NOR 1.3 1.6\ngate NOR 1 1\n", 2, "twice"},
      {"gate NOR 1.3 99\n", 1, "within"},
      {"gate NOR 1.3 1.6 in_orient=2\n", 1, "in_orient=2"},
      {"name x\n", 0, "no gate rows"},
      {"hrs 0.9\ngate NOR 1 1\n", 0, "lrs < read < hrs"},
      {"edge -1\ngate NOR 1 1\n", 1, "edge"},
  };
  for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
    assert_int_equal(lw_bias_parse(bad[k].text, "b.bias", &b, &err),
                     LW_ERR_PARSE);
    assert_int_equal(err.line, bad[k].line);
    assert_string_equal(err.file, "b.bias");
    assert_non_null(strstr(err.msg, bad[k].word));
  }
}

static char *write_temp(const char *text) {
  char *path = strdup("/tmp/lw_bias_test.XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  return path;
}

static void test_files_drive_the_check(void **state) {
  (void)state;
  lw_device_report rep;
  lw_error err;
  lw_device_params p = lw_device_params_default();
  /* docs/device.md 5.5: RS 40 and 60 ohm, gap_max 1.7 nm all still pass */
  const char *ok[] = {"rs 40\n", "rs 60\n", "gap_max 1.7\n", "edge 1e-8\n"};
  for (int k = 0; k < 4; k++) {
    char text[512];
    snprintf(text, sizeof text,
             "%sgate NOR 1.25 1.56\ngate OR -1.84 -1.84\n"
             "gate NOT 1.25 1.56\n",
             ok[k]);
    char *path = write_temp(text);
    p.bias = path;
    assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
    assert_int_equal(rep.ncases, 10); /* only the gates with a row */
    assert_true(rep.all_pass);
    lw_device_report_free(&rep);
    unlink(path);
    free(path);
  }
  /* COPY needs its output to start inside 1.67-1.75 nm (3.5) */
  char *path = write_temp("gate COPY -0.7 1.37 out_gap=1.8\n");
  p.bias = path;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  assert_false(rep.all_pass);
  assert_float_equal(rep.cases[1].initial_gap_nm[1], 1.8, 1e-9);
  lw_device_report_free(&rep);
  unlink(path);
  free(path);
  /* an unknown gate name in a file is reported at its line */
  path = write_temp("rs 50\ngate XOR2 1 1\n");
  p.bias = path;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_ERR_PARSE);
  assert_int_equal(err.line, 2);
  assert_non_null(strstr(err.msg, "XOR2"));
  unlink(path);
  free(path);
  p.bias = "/nonexistent/bias";
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_ERR_IO);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_builtins),
      cmocka_unit_test(test_parse),
      cmocka_unit_test(test_files_drive_the_check),
  };
  return lw_test_run(tests, NULL, NULL);
}
