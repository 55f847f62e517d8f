/* A small SVG plotter for the device check's figures: framed axes with
 * ticks, polylines over strided sample arrays, filled cells (for maps),
 * reference lines and a legend. Coordinates passed in are data units. */
#ifndef LW_DEVICE_SVG_H
#define LW_DEVICE_SVG_H

#include "base/vec.h"

typedef struct lw_svg_axes {
  double x, y, w, h; /* plot area in pixels */
  double xmin, xmax, ymin, ymax;
  const char *title, *xlabel, *ylabel;
} lw_svg_axes;

/* Samples: point k is (data[k*stride + xcol] * xscale,
 * data[k*stride + ycol] * yscale). */
typedef struct lw_svg_series {
  const double *data;
  uint32_t count, stride, xcol, ycol;
  double xscale, yscale;
  const char *label, *color;
  int dashed;
} lw_svg_series;

void lw_svg_begin(lw_chars *out, double width, double height);
void lw_svg_end(lw_chars *out);
void lw_svg_frame(lw_chars *out, const lw_svg_axes *ax);
void lw_svg_polyline(lw_chars *out, const lw_svg_axes *ax,
                     const lw_svg_series *s);
/* A horizontal reference line at data y, labelled at the right. */
void lw_svg_hline(lw_chars *out, const lw_svg_axes *ax, double y,
                  const char *color, const char *label);
void lw_svg_cell(lw_chars *out, const lw_svg_axes *ax, double x0, double y0,
                 double x1, double y1, const char *fill);
void lw_svg_marker(lw_chars *out, const lw_svg_axes *ax, double x, double y,
                   const char *label);
/* Legend entries (label, color), stacked at the top right of ax. */
void lw_svg_legend(lw_chars *out, const lw_svg_axes *ax,
                   const char *const *labels, const char *const *colors, int n);
/* The palette for series i. */
const char *lw_svg_color(int i);

#endif
