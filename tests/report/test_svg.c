/* fig8..fig11.svg render: rsvg-convert turns each into a PNG whose header
 * gives the SVG's size and whose content is far from a blank page of the
 * same size (a blank PNG compresses to almost nothing); lowwear-wide is a
 * third bar when the results hold it. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/proc.h"
#include "report/result.h"
#include "report/writers.h"

static void set_flow(lw_bench_circuit *c, lw_flow_id id, uint32_t latency,
                     double toggle, int verified) {
  lw_bench_flow *f = &c->flows[id];
  f->ran = 1;
  f->min_row = f->row_size = c->chosen_row;
  f->latency = latency;
  f->toggle_estimate = toggle;
  f->verified = verified;
}

/* EPFL: five circuits, one where lowwear is worse than SIMPLER (a bar below
 * zero); LGSynth91: one circuit whose LOSSS program failed (an n/a bar). */
static void fixture(lw_bench_circuits *cs) {
  static const struct {
    const char *name, *suite;
    uint32_t lat[3];
    double tog[3];
  } rows[] = {
      {"adder", "epfl", {70, 90, 100}, {30, 40, 60}},
      {"bar", "epfl", {120, 100, 110}, {80, 70, 100}},
      {"ctrl", "epfl", {50, 60, 80}, {20, 25, 50}},
      {"dec", "epfl", {300, 330, 400}, {90, 100, 200}},
      {"int2float", "epfl", {44, 48, 60}, {12, 15, 30}},
      {"cm42a", "lgsynth91", {30, 31, 40}, {10, 12, 20}},
      {"z4ml", "lgsynth91", {25, 28, 40}, {8, 9, 20}},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    lw_vec_resize(cs, cs->size + 1);
    lw_bench_circuit *c = &lw_vec_last(cs);
    snprintf(c->name, sizeof c->name, "%s", rows[i].name);
    snprintf(c->suite, sizeof c->suite, "%s", rows[i].suite);
    c->index = (uint32_t)i;
    c->chosen_row = 100;
    set_flow(c, LW_FLOW_LOWWEAR, rows[i].lat[0], rows[i].tog[0], 1);
    set_flow(c, LW_FLOW_LOSSS, rows[i].lat[1], rows[i].tog[1], 1);
    set_flow(c, LW_FLOW_SIMPLER, rows[i].lat[2], rows[i].tog[2], 1);
  }
  lw_vec_last(cs).flows[LW_FLOW_LOSSS].ran = 0;
  lw_vec_last(cs).status = LW_BENCH_FAILED;
}

static int have_rsvg(void) {
  return system("command -v rsvg-convert >/dev/null 2>&1") == 0;
}

static long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Width and height from the PNG signature and IHDR chunk. */
static int png_size(const char *path, uint32_t *w, uint32_t *h) {
  unsigned char b[24];
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  size_t n = fread(b, 1, sizeof b, f);
  fclose(f);
  static const unsigned char sig[8] = {0x89, 'P',  'N',  'G',
                                       '\r', '\n', 0x1a, '\n'};
  if (n != sizeof b || memcmp(b, sig, 8) || memcmp(b + 12, "IHDR", 4))
    return 0;
  *w = (uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 |
       b[19];
  *h = (uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 |
       b[23];
  return 1;
}

/* The width="…" and height="…" of the <svg> element. */
static void svg_size(const char *path, uint32_t *w, uint32_t *h) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char head[1024];
  size_t n = fread(head, 1, sizeof head - 1, f);
  head[n] = 0;
  fclose(f);
  const char *svg = strstr(head, "<svg");
  assert_non_null(svg);
  assert_int_equal(sscanf(strstr(svg, "width=\""), "width=\"%u\"", w), 1);
  assert_int_equal(sscanf(strstr(svg, "height=\""), "height=\"%u\"", h), 1);
}

static long render(const char *svg, const char *png) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "rsvg-convert -o '%s' '%s'", png, svg);
  assert_int_equal(system(cmd), 0);
  return file_size(png);
}

static void check_figures(const lw_bench_circuits *cs, const char *dir,
                          long min_ratio) {
  lw_error err;
  assert_int_equal(lw_report_figures(cs, dir, &err), LW_OK);
  for (int fig = 8; fig <= 11; fig++) {
    char svg[512], png[512], blank[512];
    snprintf(svg, sizeof svg, "%s/fig%d.svg", dir, fig);
    snprintf(png, sizeof png, "%s/fig%d.png", dir, fig);
    snprintf(blank, sizeof blank, "%s/blank%d.svg", dir, fig);
    uint32_t sw, sh, pw, ph;
    svg_size(svg, &sw, &sh);
    assert_true(sw >= 400 && sh >= 300);

    /* a white page of the same size: the floor for "blank" */
    FILE *f = fopen(blank, "w");
    assert_non_null(f);
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
            "height=\"%u\"><rect width=\"100%%\" height=\"100%%\" "
            "fill=\"#ffffff\"/></svg>\n",
            sw, sh);
    fclose(f);
    char blank_png[520];
    snprintf(blank_png, sizeof blank_png, "%s.png", blank);
    long blank_size = render(blank, blank_png);

    long size = render(svg, png);
    assert_true(png_size(png, &pw, &ph));
    assert_int_equal(pw, sw);
    assert_int_equal(ph, sh);
    /* text, bars and lines: many times the bytes of a white page, and a
     * plausible size for a chart of this size (not megabytes) */
    assert_true(size > min_ratio * blank_size);
    assert_true(size > 4000 && size < 2000000);
  }
}

static void test_figures_render(void **state) {
  (void)state;
  if (!have_rsvg())
    lw_test_skip("rsvg-convert (librsvg2-bin) not installed");
  char tmpl[] = "/tmp/lw_svg_test.XXXXXX";
  assert_non_null(mkdtemp(tmpl));
  lw_bench_circuits cs = {0};
  fixture(&cs);
  check_figures(&cs, tmpl, 5);

  /* the bars carry the data: a bar's height follows its reduction */
  char path[600];
  snprintf(path, sizeof path, "%s/fig8.svg", tmpl);
  FILE *f = fopen(path, "rb");
  char *text = calloc(1, 1 << 20);
  size_t n = fread(text, 1, (1 << 20) - 1, f);
  fclose(f);
  text[n] = 0;
  assert_non_null(strstr(text, "<title>adder lowwear: 30.00 %</title>"));
  assert_non_null(strstr(text, "<title>bar lowwear: -9.09 %</title>"));
  assert_non_null(strstr(text, "published lowwear mean (24.18 %)"));
  assert_null(strstr(text, "z4ml")); /* an LGSynth91 circuit */
  free(text);
  snprintf(path, sizeof path, "%s/fig9.svg", tmpl);
  f = fopen(path, "rb");
  text = calloc(1, 1 << 20);
  n = fread(text, 1, (1 << 20) - 1, f);
  fclose(f);
  text[n] = 0;
  assert_non_null(strstr(text, ">n/a</text>"));
  free(text);

  /* no circuits at all: still a labelled, non-blank figure */
  char empty[600];
  snprintf(empty, sizeof empty, "%s/empty", tmpl);
  assert_int_equal(mkdir(empty, 0777), 0);
  lw_bench_circuits none = {0};
  check_figures(&none, empty, 2);

  if (!getenv("LW_KEEP_FIGURES")) {
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
    assert_int_equal(system(cmd), 0);
  } else {
    fprintf(stderr, "figures kept in %s\n", tmpl);
  }
  lw_vec_free(&cs);
}

static char *read_text(const char *dir, const char *name) {
  char path[600];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *text = calloc(1, 1 << 20);
  size_t n = fread(text, 1, (1 << 20) - 1, f);
  fclose(f);
  text[n] = 0;
  return text;
}

static int count(const char *text, const char *what) {
  int n = 0;
  for (const char *s = strstr(text, what); s; s = strstr(s + 1, what))
    n++;
  return n;
}

/* lowwear-wide is a third bar colour when the run included it, and absent
 * (two bars per circuit, as the paper draws them) otherwise. */
static void test_wide_bars(void **state) {
  (void)state;
  char tmpl[] = "/tmp/lw_svg_wide.XXXXXX";
  assert_non_null(mkdtemp(tmpl));
  lw_bench_circuits cs = {0};
  fixture(&cs);
  lw_error err;
  assert_int_equal(lw_report_figures(&cs, tmpl, &err), LW_OK);
  char *text = read_text(tmpl, "fig10.svg");
  assert_null(strstr(text, "#2ca02c"));
  assert_null(strstr(text, "lowwear-wide"));
  /* five EPFL circuits, two bars each */
  assert_int_equal(count(text, "</title></rect>"), 2 * 5);
  free(text);

  /* lowwear-wide on every circuit but the last */
  for (uint32_t i = 0; i + 1 < cs.size; i++) {
    lw_bench_circuit *c = &cs.data[i];
    set_flow(c, LW_FLOW_LOWWEAR_WIDE, c->flows[LW_FLOW_SIMPLER].latency / 2,
             c->flows[LW_FLOW_SIMPLER].toggle_estimate / 4, 1);
    c->flows[LW_FLOW_LOWWEAR_WIDE].included = 1;
  }
  assert_int_equal(lw_report_figures(&cs, tmpl, &err), LW_OK);
  text = read_text(tmpl, "fig10.svg");
  assert_non_null(strstr(text, "<title>adder lowwear-wide: 75.00 %</title>"));
  assert_non_null(strstr(text, "lowwear-wide mean (75.00 %)"));
  assert_true(count(text, "fill=\"#2ca02c\"") == 5 + 1); /* bars, key */
  assert_int_equal(count(text, "</title></rect>"), 3 * 5);
  free(text);
  text = read_text(tmpl, "fig9.svg");
  /* z4ml ran without it: an n/a mark, not a bar */
  assert_non_null(strstr(text, "<title>cm42a lowwear-wide: 50.00 %</title>"));
  assert_null(strstr(text, "<title>z4ml lowwear-wide"));
  free(text);
  if (have_rsvg())
    check_figures(&cs, tmpl, 5);
  char cmd[700];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
  assert_int_equal(system(cmd), 0);
  lw_vec_free(&cs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_figures_render),
      cmocka_unit_test(test_wide_bars),
  };
  return lw_test_run(tests, NULL, NULL);
}
