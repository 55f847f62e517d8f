/* The wear heat map: an SVG whose boxes are the measured flips, rendered to
 * PNG by rsvg-convert; the picture must have the SVG's size and must not be
 * blank (its PNG is much larger than that of a white page of the same
 * size, which compresses to almost nothing). */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lowwear/lowwear.h"
#include "lowwear/wear.h"
#include "net/program.h"

static long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) ? -1 : (long)st.st_size;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  long n = file_size(path);
  char *text = calloc(1, (size_t)n + 1);
  if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
    free(text);
    text = NULL;
  }
  fclose(f);
  return text;
}

/* Width and height from the PNG's IHDR chunk; 0 when it is not a PNG. */
static int png_size(const char *path, unsigned *w, unsigned *h) {
  unsigned char b[24];
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  size_t got = fread(b, 1, sizeof b, f);
  fclose(f);
  if (got < 24 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) ||
      memcmp(b + 12, "IHDR", 4))
    return 0;
  *w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 |
       b[19];
  *h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 |
       b[23];
  return 1;
}

static int render(const char *svg, const char *png) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "rsvg-convert '%s' -o '%s' 2>/dev/null", svg, png);
  return system(cmd);
}

static void test_heatmap(void **state) {
  (void)state;
  char path[1024];
  lw_test_need_abc();
  lw_test_need_benchmark("epfl/ctrl.blif", path, sizeof path);
  lw_flow_params fp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  fp.verify_params.cec = 0;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_flow_run(path, &fp, NULL, NULL, &prog, &err), LW_OK);
  lw_wear_params wp = lw_wear_params_default();
  wp.events = 1;
  const lw_program *one[1] = {prog};
  lw_wear_report rep;
  assert_int_equal(lw_wear_measure(one, 1, &wp, &rep, &err), LW_OK);
  /* the events add up to the steady flips */
  double sum = 0;
  for (uint32_t e = 0; e < rep.nevents; e++)
    sum += rep.event_flips[e];
  assert_true(sum > 0.999 * rep.steady_flips_per_run &&
              sum < 1.001 * rep.steady_flips_per_run);
  assert_int_equal(rep.nsteps, prog->cycles.size + 1);

  char svg[1100], png[1100], blank_svg[1100], blank_png[1100];
  snprintf(svg, sizeof svg, "%s/heat.svg", lw_test_dir);
  snprintf(png, sizeof png, "%s/heat.png", lw_test_dir);
  assert_int_equal(lw_wear_heatmap_svg(&rep, prog, svg, &err), LW_OK);
  char *text = slurp(svg);
  assert_non_null(text);
  assert_non_null(strstr(text, "<svg"));
  assert_non_null(strstr(text, "</svg>"));
  assert_non_null(strstr(text, "ctrl"));
  /* a box per written cell and cycle at least, in colour */
  unsigned boxes = 0, w = 0, h = 0;
  for (const char *s = text; (s = strstr(s, "fill=\"#")); s++)
    boxes++;
  assert_true(boxes > 50);
  /* a report without events cannot be drawn */
  lw_wear_report bare = rep;
  bare.event_flips = NULL;
  assert_int_equal(lw_wear_heatmap_svg(&bare, prog, svg, &err), LW_ERR_USAGE);

  int can_render = system("command -v rsvg-convert >/dev/null 2>&1") == 0;
  if (can_render) {
    assert_int_equal(render(svg, png), 0);
    assert_true(png_size(png, &w, &h));
    /* the size the SVG declares */
    char want[64];
    snprintf(want, sizeof want, "width=\"%u\" height=\"%u\"", w, h);
    assert_non_null(strstr(text, want));
    snprintf(blank_svg, sizeof blank_svg, "%s/blank.svg", lw_test_dir);
    snprintf(blank_png, sizeof blank_png, "%s/blank.png", lw_test_dir);
    FILE *f = fopen(blank_svg, "w");
    assert_non_null(f);
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
            "height=\"%u\"><rect width=\"100%%\" height=\"100%%\" "
            "fill=\"white\"/></svg>\n",
            w, h);
    fclose(f);
    assert_int_equal(render(blank_svg, blank_png), 0);
    printf("heat map %ux%u: %ld bytes of PNG, a blank page %ld\n", w, h,
           file_size(png), file_size(blank_png));
    assert_true(file_size(png) > 5 * file_size(blank_png));
  }
  free(text);
  lw_wear_report_free(&rep);
  lw_program_free(prog);
  if (!can_render)
    lw_test_skip("rsvg-convert (librsvg2-bin) not installed: the heat map "
                 "was checked but not rendered");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_heatmap),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
