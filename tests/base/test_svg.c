/* base/svg.c, the one SVG writer: the page header in its variants, escaping
 * of outside text, and the plotter's mapping of data units to pixels. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/svg.h"

static void test_page_header_variants(void **state) {
  (void)state;
  lw_chars a = {0}, b = {0};
  lw_svg_begin(&a, &(lw_svg_page){760, 520, "font-size=\"9\"", "white", 1, 0});
  lw_svg_end(&a);
  assert_string_equal(
      a.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
              "width=\"760\" height=\"520\" font-size=\"9\">\n"
              "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
              "</svg>\n");
  lw_svg_begin(&b,
               &(lw_svg_page){680.5, 400, LW_SVG_PLAIN_FONT, "#ffffff", 0, 1});
  assert_non_null(strstr(b.data, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                 "width=\"680.5\" height=\"400\" "
                                 "viewBox=\"0 0 680.5 400\" font-family="));
  assert_null(strstr(b.data, "version=\"1.1\""));
  assert_non_null(strstr(b.data, "fill=\"#ffffff\"/>\n"));
  lw_vec_free(&a);
  lw_vec_free(&b);
}

static void test_escape(void **state) {
  (void)state;
  lw_chars out = {0};
  lw_svg_escape(&out, "a&b<c>\"d\"");
  assert_string_equal(out.data, "a&amp;b&lt;c&gt;&quot;d&quot;");
  lw_vec_free(&out);
}

static void test_polyline_maps_data_to_pixels(void **state) {
  (void)state;
  lw_svg_axes ax = {10, 20, 100, 50, 0, 10, 0, 1, NULL, NULL, NULL};
  /* x in column 0 (scaled by 2), y in column 1; the middle point moves the
   * pen by less than a tenth of a pixel and is dropped */
  const double pts[] = {0, 0, 2.5, 0.5, 2.502, 0.5, 5, 1};
  lw_svg_series s = {pts, 4, 2, 0, 1, 2, 1, NULL, "#123456", 0};
  lw_chars out = {0};
  lw_svg_polyline(&out, &ax, &s);
  assert_string_equal(out.data,
                      "<polyline fill=\"none\" stroke=\"#123456\" "
                      "points=\"10.00,70.00 60.00,45.00 110.00,20.00 \"/>\n");
  lw_vec_free(&out);
}

static void render_end(lw_chars *doc, const void *ctx) {
  (void)ctx;
  lw_svg_end(doc);
}

static void test_emit_writes_the_rendered_document(void **state) {
  (void)state;
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  assert_non_null(f);
  assert_int_equal(lw_svg_emit(f, render_end, NULL), 0);
  fclose(f);
  assert_string_equal(text, "</svg>\n");
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_page_header_variants),
      cmocka_unit_test(test_escape),
      cmocka_unit_test(test_polyline_maps_data_to_pixels),
      cmocka_unit_test(test_emit_writes_the_rendered_document),
  };
  return lw_test_run(tests, NULL, NULL);
}
