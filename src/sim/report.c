/* The verify report as one JSON object (lowwear verify prints it). */
#include <stdio.h>
#include <stdlib.h>

#include "io/print.h"
#include "lowwear/lowwear.h"

static void real_field(FILE *f, const char *key, double x) {
  char num[32];
  lw_io_double_text(x, num);
  fprintf(f, ",\n  \"%s\": %s", key, num);
}

char *lw_verify_report_json(const lw_verify_report *report,
                            const lw_program *prog) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  if (!f)
    return NULL;
  fprintf(f, "{\n  \"ok\": %s", report->ok ? "true" : "false");
  if (prog) {
    fputs(",\n  \"circuit\": ", f);
    lw_io_json_string(f, prog->circuit ? prog->circuit : "");
    fputs(",\n  \"flow\": ", f);
    lw_io_json_string(f, prog->flow ? prog->flow : "");
    fprintf(f, ",\n  \"row_size\": %u,\n  \"latency\": %u", prog->row_size,
            prog->cycles.size);
  }
  fprintf(f,
          ",\n  \"exhaustive\": %s,\n  \"vectors\": %llu,\n"
          "  \"cec_ran\": %s,\n  \"cec_ok\": %s,\n  \"nerrors\": %u,\n"
          "  \"first_error\": ",
          report->exhaustive ? "true" : "false",
          (unsigned long long)report->vectors,
          report->cec_ran ? "true" : "false", report->cec_ok ? "true" : "false",
          report->nerrors);
  lw_io_json_string(f, report->first_error);
  fprintf(f, ",\n  \"ncells\": %u", report->ncells);
  real_field(f, "flips_per_run", report->flips_per_run);
  real_field(f, "steady_flips_per_run", report->steady_flips_per_run);
  fprintf(f, ",\n  \"hottest_cell\": %u", report->hottest_cell);
  real_field(f, "hottest_cell_flips", report->hottest_cell_flips);
  real_field(f, "mean_cell_flips", report->mean_cell_flips);
  real_field(f, "hottest_to_mean",
             report->mean_cell_flips > 0
                 ? report->hottest_cell_flips / report->mean_cell_flips
                 : 0);
  /* runs until the hottest cell reaches an endurance (lowwear wear has the
   * options; these are its defaults) */
  static const double endurance[] = {1e6, 1e9, 1e12};
  static const char *const key[] = {"lifetime_runs_1e6", "lifetime_runs_1e9",
                                    "lifetime_runs_1e12"};
  for (int k = 0; k < 3; k++)
    real_field(f, key[k],
               report->hottest_cell_flips > 0
                   ? endurance[k] / report->hottest_cell_flips
                   : 0);
  real_field(f, "seconds", report->seconds);
  fputs(",\n  \"cell_flips\": [", f);
  for (uint32_t c = 0; report->cell_flips && c < report->ncells; c++) {
    char num[32];
    lw_io_double_text(report->cell_flips[c], num);
    fprintf(f, "%s%s", c ? ", " : "", num);
  }
  fputs("]\n}\n", f);
  if (fclose(f) != 0) {
    free(text);
    return NULL;
  }
  return text;
}
