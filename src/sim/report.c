/* The verify report as one JSON object (lowwear verify prints it), built
 * with jansson and printed the project's way (base/json.h). */
#include <stdio.h>
#include <stdlib.h>

#include "base/json.h"
#include "lowwear/lowwear.h"
#include "net/program.h"

static void set(json_t *o, const char *key, json_t *v) {
  json_object_set_new(o, key, v);
}

static void set_wear(json_t *o, const lw_verify_report *report) {
  set(o, "ncells", json_integer(report->ncells));
  set(o, "flips_per_run", lw_json_real(report->flips_per_run));
  set(o, "steady_flips_per_run", lw_json_real(report->steady_flips_per_run));
  set(o, "hottest_cell", json_integer(report->hottest_cell));
  set(o, "hottest_cell_flips", lw_json_real(report->hottest_cell_flips));
  set(o, "mean_cell_flips", lw_json_real(report->mean_cell_flips));
  set(o, "hottest_to_mean",
      lw_json_real(report->mean_cell_flips > 0
                       ? report->hottest_cell_flips / report->mean_cell_flips
                       : 0));
  /* runs until the hottest cell reaches an endurance (lowwear wear has the
   * options; these are its defaults) */
  static const double endurance[] = {1e6, 1e9, 1e12};
  static const char *const key[] = {"lifetime_runs_1e6", "lifetime_runs_1e9",
                                    "lifetime_runs_1e12"};
  for (int k = 0; k < 3; k++)
    set(o, key[k],
        lw_json_real(report->hottest_cell_flips > 0
                         ? endurance[k] / report->hottest_cell_flips
                         : 0));
  set(o, "seconds", lw_json_real(report->seconds));
  json_t *cells = json_array();
  for (uint32_t c = 0; report->cell_flips && c < report->ncells; c++)
    json_array_append_new(cells, lw_json_real(report->cell_flips[c]));
  set(o, "cell_flips", cells);
}

char *lw_verify_report_json(const lw_verify_report *report,
                            const lw_program *prog) {
  json_t *o = json_object();
  set(o, "ok", json_boolean(report->ok));
  if (prog) {
    set(o, "circuit", json_string_nocheck(prog->circuit ? prog->circuit : ""));
    set(o, "flow", json_string_nocheck(prog->flow ? prog->flow : ""));
    set(o, "row_size", json_integer(prog->row_size));
    set(o, "latency", json_integer(prog->cycles.size));
  }
  set(o, "exhaustive", json_boolean(report->exhaustive));
  set(o, "vectors", json_integer((json_int_t)report->vectors));
  set(o, "cec_ran", json_boolean(report->cec_ran));
  set(o, "cec_ok", json_boolean(report->cec_ok));
  set(o, "nerrors", json_integer(report->nerrors));
  set(o, "first_error", json_string_nocheck(report->first_error));
  set_wear(o, report);
  char *text = lw_json_text(o);
  json_decref(o);
  return text;
}
