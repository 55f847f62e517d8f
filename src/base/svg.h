/* The project's one SVG writer: every figure (bench figures, heat maps,
 * the sweep's Pareto plot, the device check's traces and windows) is built
 * in an lw_chars with these functions. A document is lw_svg_begin ..
 * lw_svg_end; text from outside (circuit names) goes through
 * lw_svg_escape. For plots in data units: framed axes with ticks, polylines
 * over strided sample arrays, filled cells (for maps), reference lines,
 * markers and a legend. Figures laid out in pixels add their own elements
 * with lw_chars_printf (base/str.h, included here). Plain SVG 1.1, no
 * scripts or external references. */
#ifndef LW_BASE_SVG_H
#define LW_BASE_SVG_H

#include <stdio.h>

#include "base/str.h"

/* The page: its size in px, the attributes every element inherits (fonts),
 * the background colour, and whether the root names version="1.1" and
 * carries a viewBox. */
typedef struct lw_svg_page {
  double width, height;
  const char *attrs, *background;
  int version, viewbox;
} lw_svg_page;

/* Root attributes: the device figures' plain font, the report figures'
 * font list. */
#define LW_SVG_PLAIN_FONT "font-family=\"sans-serif\" font-size=\"11\""
#define LW_SVG_FONTS                                                           \
  "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\""

/* The palette's size: lw_svg_color(i) repeats after it. */
#define LW_SVG_COLORS 8

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

void lw_svg_begin(lw_chars *out, const lw_svg_page *page);
void lw_svg_end(lw_chars *out);
/* s with & < > " as XML entities. */
void lw_svg_escape(lw_chars *out, const char *s);
/* Let render build a document, then write it to f: 0, or -1 when the
 * write failed (the emit callback of report/writers.h's atomic writer). */
int lw_svg_emit(FILE *f, void (*render)(lw_chars *doc, const void *ctx),
                const void *ctx);

/* ---- plots in data units ------------------------------------------------- */
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
