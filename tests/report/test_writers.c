/* The report writers on synthetic results whose averages are known by hand:
 * results.csv columns and rows, table4.md and summary.md contents, the
 * names they print, and the published table's consistency; with
 * and without the wide flow (lowwear-wide), its targets and its netlist
 * choice. */
#include "lw_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/proc.h"
#include "report/average.h"
#include "report/published.h"
#include "report/result.h"
#include "report/writers.h"

/* One flow's numbers; the rest stays zero. */
static void set_flow(lw_bench_circuit *c, lw_flow_id id, uint32_t min_row,
                     uint32_t latency, double toggle, int verified) {
  lw_bench_flow *f = &c->flows[id];
  f->ran = 1;
  f->min_row = min_row;
  f->row_size = c->chosen_row;
  f->latency = latency;
  f->gate_cycles = latency - 2;
  f->init_cycles = 2;
  f->gates[LW_GATE_NOR2] = latency - 5;
  f->gates[LW_GATE_NOT] = 3;
  f->toggle_estimate = toggle;
  f->measured_flips = toggle * 0.9;
  f->steady_flips = toggle;
  f->hottest_cell_flips = 0.75;
  f->verified = verified;
  f->vectors = 64;
  f->exhaustive = 1;
  f->seconds = 0.5;
  f->verify_seconds = 0.5;
}

static lw_bench_circuit *add(lw_bench_circuits *cs, const char *name,
                             const char *suite, uint32_t chosen) {
  lw_vec_resize(cs, cs->size + 1);
  lw_bench_circuit *c = &lw_vec_last(cs);
  snprintf(c->name, sizeof c->name, "%s", name);
  snprintf(c->suite, sizeof c->suite, "%s", suite);
  snprintf(c->path, sizeof c->path, "/x/%s/%s.blif", suite, name);
  c->index = cs->size - 1;
  c->chosen_row = chosen;
  return c;
}

/* Reductions by hand (latency, toggle against SIMPLER):
 *   adder  lowwear 25 %, 50 %     LOSSS 10 %, 33.33 %
 *   ctrl   lowwear 37.5 %, 60 %   LOSSS 25 %, 50 %
 *   cm42a  lowwear 25 %, 50 %     LOSSS 25 %, 40 %
 *   z4ml   lowwear unverified: left out of every average */
static void fixture(lw_bench_circuits *cs) {
  lw_bench_circuit *c = add(cs, "adder", "epfl", 512);
  c->seconds = 3.5; /* the others keep none: the parts' sum stands in */
  set_flow(c, LW_FLOW_LOWWEAR, 512, 75, 30, 1);
  set_flow(c, LW_FLOW_LOSSS, 470, 90, 40, 1);
  set_flow(c, LW_FLOW_SIMPLER, 400, 100, 60, 1);
  c = add(cs, "ctrl", "epfl", 60);
  set_flow(c, LW_FLOW_LOWWEAR, 55, 50, 20, 1);
  set_flow(c, LW_FLOW_LOSSS, 60, 60, 25, 1);
  set_flow(c, LW_FLOW_SIMPLER, 44, 80, 50, 1);
  c = add(cs, "cm42a", "lgsynth91", 24);
  set_flow(c, LW_FLOW_LOWWEAR, 24, 30, 10, 1);
  set_flow(c, LW_FLOW_LOSSS, 23, 30, 12, 1);
  set_flow(c, LW_FLOW_SIMPLER, 17, 40, 20, 1);
  c = add(cs, "z4ml", "lgsynth91", 20);
  set_flow(c, LW_FLOW_LOWWEAR, 20, 10, 1, 0);
  set_flow(c, LW_FLOW_LOSSS, 18, 30, 12, 1);
  set_flow(c, LW_FLOW_SIMPLER, 19, 40, 20, 1);
  c->status = LW_BENCH_UNVERIFIED;
  snprintf(c->flows[LW_FLOW_LOWWEAR].error, 64, "output z, vector 3, \"x\"");
  snprintf(c->error, sizeof c->error, "lowwear: output z wrong");
}

/* The fixture plus lowwear-wide on adder, ctrl and cm42a (z4ml ran
 * without it, as with --no-wide). By hand, lowwear-wide's reductions:
 *   adder  latency 40 %, toggle 60 % vs SIMPLER, 40 % vs LOSSS  (wide)
 *   ctrl   latency 25 %, toggle 60 % vs SIMPLER, 20 % vs LOSSS  (paper: row)
 *   cm42a  latency 35 %, toggle 55 % vs SIMPLER, 25 % vs LOSSS  (paper:
 *          toggle) */
static void fixture_wide(lw_bench_circuits *cs) {
  fixture(cs);
  for (uint32_t i = 0; i < cs->size; i++)
    for (int k = 0; k < LW_BENCH_NPAPER; k++)
      cs->data[i].flows[LW_BENCH_ORDER[k]].included = 1;
  set_flow(&cs->data[0], LW_FLOW_LOWWEAR_WIDE, 480, 60, 24, 1);
  set_flow(&cs->data[1], LW_FLOW_LOWWEAR_WIDE, 50, 60, 20, 1);
  set_flow(&cs->data[2], LW_FLOW_LOWWEAR_WIDE, 22, 26, 9, 1);
  cs->data[1].flows[LW_FLOW_LOWWEAR_WIDE].netlist = LW_NETLIST_PAPER_ROW;
  cs->data[2].flows[LW_FLOW_LOWWEAR_WIDE].netlist = LW_NETLIST_PAPER_TOGGLE;
  for (uint32_t i = 0; i < 3; i++)
    cs->data[i].flows[LW_FLOW_LOWWEAR_WIDE].included = 1;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *text = calloc(1, 1 << 20);
  size_t n = fread(text, 1, (1 << 20) - 1, f);
  text[n] = 0;
  fclose(f);
  return text;
}

static char *temp_dir(void) {
  char tmpl[] = "/tmp/lw_report_test.XXXXXX";
  assert_non_null(mkdtemp(tmpl));
  return lw_strdup(tmpl);
}

static void remove_dir(char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
  lw_free(dir);
}

/* Field k of a CSV line (quotes handled) into buf. */
static void csv_field(const char *line, int k, char *buf, size_t n) {
  size_t o = 0;
  int field = 0, quoted = 0;
  for (const char *s = line; *s && *s != '\n'; s++) {
    if (quoted) {
      if (*s == '"' && s[1] == '"')
        s++;
      else if (*s == '"') {
        quoted = 0;
        continue;
      }
    } else if (*s == '"') {
      quoted = 1;
      continue;
    } else if (*s == ',') {
      field++;
      continue;
    }
    if (field == k && o + 1 < n)
      buf[o++] = *s;
  }
  buf[o] = 0;
}

static int column(const char *header, const char *name) {
  char buf[64];
  for (int k = 0; k < 64; k++) {
    csv_field(header, k, buf, sizeof buf);
    if (!strcmp(buf, name))
      return k;
  }
  return -1;
}

/* The row of circuit and flow (after the header). */
static const char *find_row(const char *text, const char *circuit,
                            const char *flow) {
  char key[128];
  snprintf(key, sizeof key, "\n%s,", circuit);
  for (const char *s = strstr(text, key); s; s = strstr(s + 1, key)) {
    char buf[32];
    csv_field(s + 1, 2, buf, sizeof buf);
    if (!strcmp(buf, flow))
      return s + 1;
  }
  return NULL;
}

static void test_csv(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture(&cs);
  char *dir = temp_dir();
  char *path = lw_path_join(dir, "results.csv");
  lw_error err;
  assert_int_equal(lw_report_csv(&cs, path, &err), LW_OK);
  char *text = slurp(path);

  int lines = 0;
  for (const char *s = text; *s; s++)
    lines += *s == '\n';
  assert_int_equal(lines, 1 + 4 * 3);
  static const char *const required[] = {
      "circuit",        "suite",        "flow",
      "row_size",       "min_row",      "latency",
      "gate_cycles",    "init_cycles",  "gates_nor2",
      "gates_inv1",     "gates_onor2",  "toggle_estimate",
      "measured_flips", "steady_flips", "hottest_cell_flips",
      "verified",       "seconds"};
  for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
    assert_true(column(text, required[i]) >= 0);
  assert_int_equal(column(text, "circuit"), 0);

  char buf[128];
  const char *row = find_row(text, "adder", "losss");
  assert_non_null(row);
  csv_field(row, column(text, "latency"), buf, sizeof buf);
  assert_string_equal(buf, "90");
  csv_field(row, column(text, "min_row"), buf, sizeof buf);
  assert_string_equal(buf, "470");
  csv_field(row, column(text, "row_size"), buf, sizeof buf);
  assert_string_equal(buf, "512");
  csv_field(row, column(text, "gates_nor2"), buf, sizeof buf);
  assert_string_equal(buf, "85");
  csv_field(row, column(text, "toggle_estimate"), buf, sizeof buf);
  assert_string_equal(buf, "40");
  csv_field(row, column(text, "measured_flips"), buf, sizeof buf);
  assert_string_equal(buf, "36");
  csv_field(row, column(text, "suite"), buf, sizeof buf);
  assert_string_equal(buf, "epfl");

  /* the unverified program: verified 0, its error quoted intact */
  row = find_row(text, "z4ml", "lowwear");
  assert_non_null(row);
  csv_field(row, column(text, "verified"), buf, sizeof buf);
  assert_string_equal(buf, "0");
  csv_field(row, column(text, "error"), buf, sizeof buf);
  assert_string_equal(buf, "output z, vector 3, \"x\"");
  csv_field(row, column(text, "status"), buf, sizeof buf);
  assert_string_equal(buf, "unverified");
  /* a flow of that circuit that verified carries no error */
  csv_field(find_row(text, "z4ml", "losss"), column(text, "error"), buf,
            sizeof buf);
  assert_string_equal(buf, "");
  /* results without the wide flow: no row and no netlist value for it */
  assert_null(strstr(text, "lowwear-wide"));
  assert_true(column(text, "netlist") >= 0);
  csv_field(find_row(text, "adder", "lowwear"), column(text, "netlist"), buf,
            sizeof buf);
  assert_string_equal(buf, "");
  /* flows are listed lowwear, losss, simpler */
  assert_true(find_row(text, "ctrl", "lowwear") <
              find_row(text, "ctrl", "losss"));
  assert_true(find_row(text, "ctrl", "losss") <
              find_row(text, "ctrl", "simpler"));

  free(text);
  lw_free(path);
  remove_dir(dir);
  lw_vec_free(&cs);
}

static void test_averages(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture(&cs);
  lw_report_average a = lw_report_suite_average(
      &cs, "epfl", LW_PUB_LATENCY, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER);
  assert_int_equal(a.n, 2);
  assert_float_equal(a.mean, 31.25, 1e-9);
  assert_float_equal(a.lo, 25, 1e-9);
  assert_float_equal(a.hi, 37.5, 1e-9);
  a = lw_report_suite_average(&cs, "epfl", LW_PUB_TOGGLE, LW_FLOW_LOSSS,
                              LW_FLOW_SIMPLER);
  assert_float_equal(a.mean, (100.0 / 3 + 50) / 2, 1e-9);
  /* z4ml's lowwear program failed verification: only cm42a counts */
  a = lw_report_suite_average(&cs, "lgsynth91", LW_PUB_TOGGLE, LW_FLOW_LOWWEAR,
                              LW_FLOW_SIMPLER);
  assert_int_equal(a.n, 1);
  assert_float_equal(a.mean, 50, 1e-9);
  a = lw_report_suite_average(&cs, "lgsynth91", LW_PUB_LATENCY, LW_FLOW_LOSSS,
                              LW_FLOW_SIMPLER);
  assert_int_equal(a.n, 2);
  assert_float_equal(a.mean, 25, 1e-9);
  a = lw_report_suite_average(&cs, "nosuch", LW_PUB_LATENCY, LW_FLOW_LOSSS,
                              LW_FLOW_SIMPLER);
  assert_int_equal(a.n, 0);
  assert_true(isnan(a.mean));
  assert_true(isnan(lw_report_reduction(3, 0)));
  assert_float_equal(lw_report_reduction(120, 100), -20, 1e-12);
  lw_vec_free(&cs);
}

static void test_markdown(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture(&cs);
  char *dir = temp_dir();
  char *t4 = lw_path_join(dir, "table4.md");
  char *sum = lw_path_join(dir, "summary.md");
  lw_error err;
  assert_int_equal(lw_report_table4(&cs, t4, &err), LW_OK);
  assert_int_equal(lw_report_summary(&cs, sum, &err), LW_OK);

  char *text = slurp(t4);
  assert_non_null(strstr(text, "## EPFL"));
  assert_non_null(strstr(text, "## LGSynth91"));
  assert_non_null(strstr(text, "| lowwear min row | published |"));
  /* ours then the published row, flow by flow, then the chosen rows */
  assert_non_null(strstr(text, "| adder | 512 | 510 | 470 | 463 | 400 | 390 "
                               "| 512 | 510 | 75 | 90 | 100 | 30 | 40 | 60 |"));
  assert_non_null(strstr(text, "| z4ml **UNVERIFIED** | 20 | 18 |"));
  /* average reduction row: latency lowwear, LOSSS, -, toggle ... */
  const char *avg = strstr(text, "| average reduction vs SIMPLER |");
  assert_non_null(avg);
  assert_non_null(strstr(avg, "31.25 % | 17.50 % | | 55.00 % | 41.67 % |"));
  assert_non_null(strstr(avg, "| published average reduction |"));
  assert_non_null(strstr(avg, "24.18 %"));
  free(text);

  text = slurp(sum);
  assert_non_null(strstr(text, "4 circuits: 3 with every program verified, "
                               "1 with a program that FAILED"));
  assert_non_null(strstr(text, "| EPFL | latency | lowwear vs SIMPLER | 2 | "
                               "31.25 % | 25.00 to 37.50 % | 24.18 % | "
                               "15.94 to 45.35 % | +7.07 |"));
  assert_non_null(strstr(text, "| LGSynth91 | toggle | lowwear vs SIMPLER | "
                               "1 | 50.00 % | 50.00 to 50.00 % | 47.26 % |"));
  assert_non_null(strstr(text, "| EPFL | toggle | lowwear vs LOSSS | 2 |"));
  assert_non_null(strstr(text, "8.48 %"));
  assert_non_null(strstr(text, "**z4ml unverified**"));
  /* time per circuit: flows, verification, wall (adder) or the sum */
  assert_non_null(strstr(text, "| adder | EPFL | ok | 1.5 | 1.5 | 3.5 |"));
  assert_non_null(strstr(text, "| z4ml | LGSynth91 | unverified | 1.5 | 1.5 "
                               "| 3.0 |"));
  assert_non_null(strstr(text, "| all 4 | | | 6.0 | 6.0 | 12.5 |"));
  /* run without the wide flow: neither its rows nor the targets */
  assert_null(strstr(text, "lowwear-wide"));
  assert_null(strstr(text, "own targets"));
  free(text);
  lw_free(t4);
  lw_free(sum);
  remove_dir(dir);
  lw_vec_free(&cs);
}

static void test_wide_csv(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture_wide(&cs);
  char *dir = temp_dir();
  char *path = lw_path_join(dir, "results.csv");
  lw_error err;
  assert_int_equal(lw_report_csv(&cs, path, &err), LW_OK);
  char *text = slurp(path);
  int lines = 0;
  for (const char *s = text; *s; s++)
    lines += *s == '\n';
  /* 4 circuits x 3 flows, and lowwear-wide on three of them */
  assert_int_equal(lines, 1 + 4 * 3 + 3);
  assert_null(find_row(text, "z4ml", "lowwear-wide"));
  int col = column(text, "netlist");
  assert_true(col >= 0);
  char buf[64];
  static const char *const want[] = {"wide", "paper", "paper"};
  static const char *const names[] = {"adder", "ctrl", "cm42a"};
  for (int i = 0; i < 3; i++) {
    const char *row = find_row(text, names[i], "lowwear-wide");
    assert_non_null(row);
    csv_field(row, col, buf, sizeof buf);
    assert_string_equal(buf, want[i]);
  }
  const char *row = find_row(text, "adder", "lowwear-wide");
  csv_field(row, column(text, "latency"), buf, sizeof buf);
  assert_string_equal(buf, "60");
  csv_field(row, column(text, "min_row"), buf, sizeof buf);
  assert_string_equal(buf, "480");
  /* the wide flow comes after the paper's three */
  assert_true(find_row(text, "ctrl", "simpler") <
              find_row(text, "ctrl", "lowwear-wide"));
  assert_true(find_row(text, "ctrl", "lowwear-wide") <
              find_row(text, "cm42a", "lowwear"));
  csv_field(find_row(text, "ctrl", "lowwear"), col, buf, sizeof buf);
  assert_string_equal(buf, "");
  free(text);
  lw_free(path);
  remove_dir(dir);
  lw_vec_free(&cs);
}

static void test_wide_markdown(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture_wide(&cs);
  char *dir = temp_dir();
  char *t4 = lw_path_join(dir, "table4.md");
  char *sum = lw_path_join(dir, "summary.md");
  lw_error err;
  assert_int_equal(lw_report_table4(&cs, t4, &err), LW_OK);
  assert_int_equal(lw_report_summary(&cs, sum, &err), LW_OK);

  char *text = slurp(t4);
  /* the wide flow's minimum row has no published column beside it */
  assert_non_null(strstr(text, "| SIMPLER min row | published | lowwear-wide "
                               "min row | chosen row | published |"));
  assert_non_null(strstr(text, "| adder | 512 | 510 | 470 | 463 | 400 | 390 "
                               "| 480 | 512 | 510 | 75 | 90 | 100 | 60 | 30 "
                               "| 40 | 60 | 24 |"));
  /* z4ml ran without it: dashes */
  assert_non_null(strstr(text, "| z4ml **UNVERIFIED** | 20 | 18 | 18 | 16 | "
                               "19 | 20 | – |"));
  const char *avg = strstr(text, "| average reduction vs SIMPLER |");
  assert_non_null(avg);
  assert_non_null(strstr(avg, "31.25 % | 17.50 % | | 32.50 % | 55.00 % | "
                              "41.67 % | | 60.00 % |"));
  free(text);

  text = slurp(sum);
  assert_non_null(strstr(text, "| EPFL | latency | lowwear-wide vs SIMPLER | "
                               "2 | 32.50 % | 25.00 to 40.00 % | – |"));
  assert_non_null(strstr(text, "| LGSynth91 | toggle | lowwear-wide vs LOSSS "
                               "| 1 | 25.00 % |"));
  assert_non_null(strstr(text, "| EPFL | flips (simulated) | lowwear-wide vs "
                               "SIMPLER | 2 | 60.00 % |"));
  /* the targets are ours, said so, and judged with their margins */
  const char *t = strstr(text, "against our own targets (not published)");
  assert_non_null(t);
  assert_non_null(strstr(t, "| EPFL | toggle | lowwear-wide vs SIMPLER | "
                            "50 % | 2 | 60.00 % | yes | +10.00 |"));
  assert_non_null(strstr(t, "| LGSynth91 | toggle | lowwear-wide vs SIMPLER "
                            "| 60 % | 1 | 55.00 % | **no** | -5.00 |"));
  assert_non_null(strstr(t, "| EPFL | latency | lowwear-wide vs SIMPLER | "
                            "30 % | 2 | 32.50 % | yes | +2.50 |"));
  assert_non_null(strstr(t, "| LGSynth91 | latency | lowwear-wide vs SIMPLER "
                            "| 40 % | 1 | 35.00 % | **no** | -5.00 |"));
  assert_non_null(strstr(t, "| EPFL | toggle | lowwear-wide vs LOSSS | 15 % "
                            "| 2 | 30.00 % | yes | +15.00 |"));
  assert_non_null(strstr(t, "Of 3 circuits it ran on, it used the wide "
                            "netlist on 1 and the paper-gate netlist on 2: "
                            "on 1 because the wide netlist did not fit the "
                            "chosen row, on 1 because"));
  free(text);
  lw_free(t4);
  lw_free(sum);
  remove_dir(dir);
  lw_vec_free(&cs);
}

/* The names the writers print: lowwear-wide's netlist ("" for the other
 * flows) and the status. */
static void test_netlist_and_status_names(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture_wide(&cs);
  static const char *const want[] = {"wide", "paper", "paper", ""};
  for (int i = 0; i < 4; i++) {
    assert_string_equal(
        lw_bench_netlist_name(&cs.data[i].flows[LW_FLOW_LOWWEAR_WIDE],
                              LW_FLOW_LOWWEAR_WIDE),
        want[i]);
    assert_string_equal(
        lw_bench_netlist_name(&cs.data[i].flows[LW_FLOW_LOWWEAR],
                              LW_FLOW_LOWWEAR),
        "");
  }
  assert_string_equal(lw_bench_status_name(cs.data[3].status), "unverified");
  lw_vec_free(&cs);
}

/* A flow's columns show only when some circuit's run included it. */
static void test_flow_any_included(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  fixture_wide(&cs);
  assert_true(lw_bench_any_included(&cs, LW_FLOW_LOWWEAR_WIDE));
  for (uint32_t i = 0; i < 3; i++)
    cs.data[i].flows[LW_FLOW_LOWWEAR_WIDE].included = 0;
  assert_false(lw_bench_any_included(&cs, LW_FLOW_LOWWEAR_WIDE));
  assert_true(lw_bench_any_included(&cs, LW_FLOW_SIMPLER));
  lw_vec_free(&cs);
}

/* The published table agrees with itself: chosen = largest minimum. */
static void test_published_table(void **state) {
  (void)state;
  int n, rows = 0;
  const lw_published *t = lw_published_table(&n);
  for (int i = 0; i < n; i++) {
    if (t[i].kind != LW_PUB_MIN_ROWS)
      continue;
    rows++;
    double m = fmax(t[i].v[0], fmax(t[i].v[1], t[i].v[2]));
    assert_float_equal(t[i].v[3], m, 0);
  }
  assert_int_equal(rows, 20);
  const lw_published *p = lw_published_rows("voter");
  assert_non_null(p);
  assert_float_equal(lw_published_min_row(p, LW_FLOW_LOSSS), 1110, 0);
  p = lw_published_reduction("lgsynth91", LW_PUB_TOGGLE, LW_FLOW_LOWWEAR,
                             LW_FLOW_SIMPLER);
  assert_non_null(p);
  assert_float_equal(p->v[0], 47.26, 1e-12);
  assert_null(lw_published_reduction("epfl", LW_PUB_LATENCY, LW_FLOW_LOSSS,
                                     LW_FLOW_SIMPLER));
  assert_null(lw_published_rows("hyp"));
  /* nothing is published for the flow beyond the paper */
  assert_true(isnan(
      lw_published_min_row(lw_published_rows("adder"), LW_FLOW_LOWWEAR_WIDE)));
  assert_null(lw_published_reduction("epfl", LW_PUB_TOGGLE,
                                     LW_FLOW_LOWWEAR_WIDE, LW_FLOW_SIMPLER));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_csv),
      cmocka_unit_test(test_averages),
      cmocka_unit_test(test_markdown),
      cmocka_unit_test(test_published_table),
      cmocka_unit_test(test_wide_csv),
      cmocka_unit_test(test_wide_markdown),
      cmocka_unit_test(test_netlist_and_status_names),
      cmocka_unit_test(test_flow_any_included),
  };
  return lw_test_run(tests, NULL, NULL);
}
