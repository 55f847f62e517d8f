/* lw_report_all: the one call that writes every report of a bench output
 * folder. */
#include "base/proc.h"
#include "report/writers.h"

lw_status lw_report_all(const lw_bench_circuits *cs, const lw_report_meta *m,
                        const char *dir, lw_error *err) {
  static const char *const names[] = {"results.csv", "table4.md", "summary.md",
                                      "meta.json"};
  lw_status st = LW_OK;
  for (int i = 0; i < 4 && st == LW_OK; i++) {
    char *path = lw_path_join(dir, names[i]);
    switch (i) {
    case 0:
      st = lw_report_csv(cs, path, err);
      break;
    case 1:
      st = lw_report_table4(cs, path, err);
      break;
    case 2:
      st = lw_report_summary(cs, path, err);
      break;
    default:
      st = lw_report_meta_json(m, path, err);
    }
    lw_free(path);
  }
  return st == LW_OK ? lw_report_figures(cs, dir, err) : st;
}
