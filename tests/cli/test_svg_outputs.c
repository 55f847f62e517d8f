/* Every SVG a command writes renders: sweep's pareto.svg, wear's heat maps
 * (--svg, --heatmap, rotated), device's traces and window map, and bench's
 * fig8..fig11.svg. Each file is converted by rsvg-convert without an error,
 * and no attribute holds "(null)" (a NULL string printed with %s), "nan" or
 * "inf" (a number printed from a division by zero). */
#include "lw_test.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int have_rsvg(void) {
  return system("command -v rsvg-convert >/dev/null 2>&1") == 0;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  assert_non_null(text);
  assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
  text[n] = 0;
  fclose(f);
  return text;
}

/* The first attribute value (between =" and ") holding "(null)", "nan" or
 * "inf" in any case, or NULL. */
static const char *bad_attribute(const char *text, char *value, size_t n) {
  static const char *const bad[] = {"(null)", "nan", "inf"};
  for (const char *s = strstr(text, "=\""); s; s = strstr(s, "=\"")) {
    s += 2;
    const char *end = strchr(s, '"');
    if (!end)
      return "(unterminated attribute)";
    size_t len = (size_t)(end - s);
    snprintf(value, n, "%.*s", (int)(len < n - 1 ? len : n - 1), s);
    for (char *c = value; *c; c++)
      *c = (char)tolower((unsigned char)*c);
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
      if (strstr(value, bad[k]))
        return value;
    s = end + 1;
  }
  return NULL;
}

/* Render one SVG; returns the number of problems found (printed). */
static int check_svg(const char *svg) {
  int problems = 0;
  char *text = slurp(svg);
  if (strstr(text, "(null)")) {
    fprintf(stderr, "%s: holds \"(null)\"\n", svg);
    problems++;
  }
  char value[256];
  const char *bad = bad_attribute(text, value, sizeof value);
  if (bad) {
    fprintf(stderr, "%s: attribute value \"%s\"\n", svg, bad);
    problems++;
  }
  free(text);
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "rsvg-convert -o '%s.png' '%s'", svg, svg);
  if (system(cmd) != 0) {
    fprintf(stderr, "%s: rsvg-convert failed\n", svg);
    problems++;
  }
  return problems;
}

/* Run lowwear with the arguments printf(fmt, ...) gives; it must exit 0. */
static void run_ok(const char *fmt, ...) {
  char args[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(args, sizeof args, fmt, ap);
  va_end(ap);
  char *err = NULL;
  int st = lw_test_run_cli(args, &err);
  if (st != 0)
    fail_msg("lowwear %s: exit %d: %s", args, st, err);
  free(err);
}

static void test_every_svg_renders(void **state) {
  (void)state;
  if (!have_rsvg()) {
    fprintf(stderr, "skipped: rsvg-convert not installed\n");
    skip();
  }
  if (!lw_test_have_abc()) {
    fprintf(stderr, "skipped: ABC not installed\n");
    skip();
  }
  char fa[512];
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  const char *d = lw_test_dir;
  /* sweep: every flow, with and without wear control */
  run_ok("sweep '%s' --factors 1,2 -o '%s/sweep'", fa, d);
  run_ok("sweep '%s' --factors 1 --no-wear-control -o '%s/sweep-nw'", fa, d);
  /* wear: heat maps of one program and of a rotated cycle */
  run_ok("map '%s' -o '%s/fa.json'", fa, d);
  run_ok("wear '%s' '%s/fa.json' --svg '%s/heat.svg' >/dev/null", fa, d, d);
  run_ok("wear '%s' '%s/fa.json' --heatmap '%s/heat' >/dev/null", fa, d, d);
  run_ok("wear '%s' '%s/fa.json' --rotate 3 --heatmap '%s/heat' >/dev/null", fa,
         d, d);
  /* device: traces of every gate, the window map of NOR */
  run_ok("device --gate all --trace '%s/trace' >/dev/null", d);
  run_ok("device --window '%s/window' >/dev/null", d);
  /* bench: the four figures, with lowwear-wide and without it */
  run_ok("bench '%s' -j 1 --quiet --no-cec -o '%s/bench' >/dev/null", fa, d);
  run_ok(
      "bench '%s' -j 1 --quiet --no-cec --no-wide -o '%s/bench-nw' >/dev/null",
      fa, d);

  char cmd[600];
  snprintf(cmd, sizeof cmd, "find '%s' -name '*.svg' | sort", lw_test_dir);
  FILE *list = popen(cmd, "r");
  assert_non_null(list);
  char path[1024];
  int files = 0, problems = 0;
  while (fgets(path, sizeof path, list)) {
    path[strcspn(path, "\n")] = 0;
    problems += check_svg(path);
    files++;
  }
  pclose(list);
  fprintf(stderr, "%d SVG files rendered, %d problems\n", files, problems);
  /* 2 pareto, 3 heat maps, 4 figures x 2, 1 window, the traces */
  assert_true(files >= 2 + 3 + 8 + 1 + 4);
  assert_int_equal(problems, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_svg_renders),
  };
  return cmocka_run_group_tests(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
