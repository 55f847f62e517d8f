/* base/json.c, the one JSON printer: the layout of docs/program.md and the
 * shortest round-trip text of reals, NaN as null. */
#include "lw_test.h"

#include <math.h>
#include <stdlib.h>

#include "base/json.h"

static void test_layout_and_numbers(void **state) {
  (void)state;
  json_t *o = json_object(), *rows = json_array(), *cells = json_array();
  json_object_set_new(o, "name", json_string("a\"b\n"));
  json_object_set_new(o, "ok", json_true());
  json_object_set_new(o, "n", json_integer(7));
  json_object_set_new(o, "x", lw_json_real(0.1));
  json_object_set_new(o, "big", lw_json_real(1e6));
  json_object_set_new(o, "none", lw_json_real(NAN));
  json_array_append_new(cells, lw_json_real(2));
  json_array_append_new(cells, lw_json_real(1.0 / 3));
  json_object_set_new(o, "cells", cells);
  json_t *r = json_object();
  json_object_set_new(r, "k", json_integer(1));
  json_array_append_new(rows, r);
  json_array_append_new(rows, json_object());
  json_object_set_new(o, "rows", rows);
  json_object_set_new(o, "empty", json_array());
  char *text = lw_json_text(o);
  assert_string_equal(text, "{\n"
                            "  \"name\": \"a\\\"b\\n\",\n"
                            "  \"ok\": true,\n"
                            "  \"n\": 7,\n"
                            "  \"x\": 0.1,\n"
                            "  \"big\": 1e+06,\n"
                            "  \"none\": null,\n"
                            "  \"cells\": [2, 0.3333333333333333],\n"
                            "  \"rows\": [\n"
                            "    {\"k\": 1},\n"
                            "    {}\n"
                            "  ],\n"
                            "  \"empty\": []\n"
                            "}\n");
  free(text);
  json_decref(o);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_layout_and_numbers),
  };
  return lw_test_run(tests, NULL, NULL);
}
