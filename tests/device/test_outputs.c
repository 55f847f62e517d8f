/* The files the device check writes: traces (CSV + SVG), the window map
 * and the ngspice decks, with the ngspice cross-check when it is
 * installed (docs/device.md 5.6: agreement within 0.01 nm). */
#include "lw_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "lowwear/device.h"

static char *slurp(const char *dir, const char *name) {
  char *path = lw_path_join(dir, name);
  FILE *f = fopen(path, "rb");
  lw_free(path);
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = calloc(1, (size_t)n + 1);
  assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  return text;
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

/* No temporary file may be left behind by the atomic writes. */
static int leftovers(const char *dir) {
  DIR *d = opendir(dir);
  int n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    n += strstr(e->d_name, ".tmp.") != NULL;
  if (d)
    closedir(d);
  return n;
}

static void test_trace(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  lw_device_params p = lw_device_params_default();
  p.gate = "NOR";
  p.trace_dir = dir;
  lw_device_report rep;
  lw_error err;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  const char *cases[] = {"00", "01", "10", "11"};
  for (int k = 0; k < 4; k++) {
    char name[32];
    snprintf(name, sizeof name, "NOR_%s.csv", cases[k]);
    char *csv = slurp(dir, name);
    assert_non_null(csv);
    assert_true(!strncmp(csv, "t_s,v_x,a_line_v,a_v,a_gap_nm,b_line_v", 38));
    assert_non_null(strstr(csv, "out_gap_nm\n"));
    assert_true(count_lines(csv) > 3);
    /* the last row holds the final output gap of the report */
    const char *last = csv + strlen(csv) - 2;
    while (last > csv && *last != '\n')
      last--;
    double gap = atof(strrchr(last, ',') + 1);
    assert_float_equal(gap, rep.cases[k].final_gap_nm[2], 1e-4);
    free(csv);
    snprintf(name, sizeof name, "NOR_%s.svg", cases[k]);
    char *svg = slurp(dir, name);
    assert_non_null(svg);
    assert_true(!strncmp(svg, "<?xml", 5));
    assert_non_null(strstr(svg, "<polyline"));
    assert_non_null(strstr(svg, "</svg>\n"));
    free(svg);
  }
  assert_int_equal(leftovers(dir), 0);
  lw_device_report_free(&rep);
  lw_tmpdir_remove(dir);
}

static void test_window(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  lw_device_params p = lw_device_params_default();
  p.gate = "NOT";
  lw_device_window_stats ws;
  lw_error err;
  assert_int_equal(lw_device_window(&p, dir, &ws, &err), LW_OK);
  print_message("NOT window: %u/%u points in %.2f s\n", ws.passing, ws.points,
                ws.seconds);
  assert_int_equal(ws.points, 41 * 41);
  assert_true(ws.passing > 20 && ws.passing < ws.points);
  assert_true(ws.robust > 20 && ws.robust <= ws.passing);
  char *csv = slurp(dir, "window_NOT.csv");
  assert_non_null(csv);
  assert_int_equal(count_lines(csv), 1 + 41 * 41);
  /* the bias point passes; the paper's 1.40 V output with a high input
   * voltage fails its switch case (docs/device.md 5.2) */
  /* min margin ~ +150 mV (the hold case), no drift */
  assert_non_null(strstr(csv, "\n1.560,1.250,1,1,0.149"));
  assert_non_null(strstr(csv, "\n1.400,1.250,0,0,"));
  assert_non_null(strstr(csv, ",0\n")); /* failing case "0" listed */
  free(csv);
  char *svg = slurp(dir, "window_NOT.svg");
  assert_non_null(svg);
  assert_non_null(strstr(svg, "<rect"));
  free(svg);
  assert_int_equal(leftovers(dir), 0);
  p.gate = "paper";
  assert_int_equal(lw_device_window(&p, dir, &ws, &err), LW_ERR_USAGE);
  lw_tmpdir_remove(dir);
}

static void test_spice(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  lw_device_params p = lw_device_params_default();
  lw_device_report rep;
  lw_error err;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  lw_device_spice_stats ss;
  assert_int_equal(lw_device_spice(&p, &rep, dir, NULL, &ss, &err), LW_OK);
  assert_int_equal(ss.decks, rep.ncases);
  char *deck = slurp(dir, "NOR_01.cir");
  assert_non_null(deck);
  assert_non_null(strstr(deck, "tanh"));
  assert_non_null(strstr(deck, "RS x r 50"));
  assert_non_null(strstr(deck, ".meas tran gfin2"));
  free(deck);
  if (!ss.ran) {
    print_message("ngspice not installed: decks written, not run\n");
  } else {
    print_message("ngspice: %u decks, max gap difference %.4f nm, %.1f s\n",
                  ss.runs_ok, ss.max_gap_diff_nm, ss.seconds);
    assert_int_equal(ss.runs_ok, ss.decks);
    assert_true(ss.max_gap_diff_nm < 0.01);
    assert_int_equal(ss.logic_mismatches, 0);
  }
  lw_device_report_free(&rep);
  lw_tmpdir_remove(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_trace),
      cmocka_unit_test(test_window),
      cmocka_unit_test(test_spice),
  };
  return lw_test_run(tests, NULL, NULL);
}
