/* A sweep's outputs: the CSV on standard output, or the CSV and the Pareto
 * SVG in a folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/process.h"
#include "lowwear/sweep.h"

lw_status lw_sweep_write(const lw_sweep *sweep, const char *dir,
                         lw_error *err) {
  if (!dir)
    return lw_sweep_write_csv(sweep, "-", err);
  lw_status st = lw_fs_mkdirs(dir, err);
  if (st != LW_OK)
    return st;
  size_t n = strlen(dir) + 16;
  char *csv = malloc(n), *svg = malloc(n);
  if (!csv || !svg) {
    st = lw_error_set(err, LW_ERR_IO, NULL, 0, "out of memory");
  } else {
    snprintf(csv, n, "%s/sweep.csv", dir);
    snprintf(svg, n, "%s/pareto.svg", dir);
    st = lw_sweep_write_csv(sweep, csv, err);
    if (st == LW_OK)
      st = lw_sweep_write_svg(sweep, svg, err);
  }
  free(csv);
  free(svg);
  return st;
}
