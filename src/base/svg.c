/* The SVG writer (base/svg.h): plain text, no dependencies. */
#include "base/svg.h"

#include <math.h>

/* Colour-blind-safe palette (Okabe-Ito). */
static const char *const palette[] = {"#0072B2", "#D55E00", "#009E73",
                                      "#CC79A7", "#E69F00", "#56B4E9",
                                      "#000000", "#F0E442"};
_Static_assert(sizeof palette / sizeof *palette == LW_SVG_COLORS,
               "LW_SVG_COLORS is the palette's size");

const char *lw_svg_color(int i) {
  return palette[(unsigned)i % (sizeof palette / sizeof *palette)];
}

void lw_svg_begin(lw_chars *out, const lw_svg_page *page) {
  lw_chars_printf(out,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\"%s width=\"%g\" "
                  "height=\"%g\"",
                  page->version ? " version=\"1.1\"" : "", page->width,
                  page->height);
  if (page->viewbox)
    lw_chars_printf(out, " viewBox=\"0 0 %g %g\"", page->width, page->height);
  lw_chars_printf(out,
                  " %s>\n<rect width=\"100%%\" height=\"100%%\" "
                  "fill=\"%s\"/>\n",
                  page->attrs, page->background);
}

void lw_svg_end(lw_chars *out) { lw_chars_printf(out, "</svg>\n"); }

void lw_svg_escape(lw_chars *out, const char *s) {
  for (; *s; s++) {
    const char *entity = *s == '&'   ? "&amp;"
                         : *s == '<' ? "&lt;"
                         : *s == '>' ? "&gt;"
                         : *s == '"' ? "&quot;"
                                     : NULL;
    if (entity)
      lw_chars_printf(out, "%s", entity);
    else
      lw_chars_printf(out, "%c", *s);
  }
}

int lw_svg_emit(FILE *f, void (*render)(lw_chars *doc, const void *ctx),
                const void *ctx) {
  lw_chars doc = {0};
  render(&doc, ctx);
  int rc = doc.size && fwrite(doc.data, 1, doc.size, f) != doc.size ? -1 : 0;
  lw_vec_free(&doc);
  return rc;
}

static double px(const lw_svg_axes *ax, double x) {
  return ax->x + (x - ax->xmin) / (ax->xmax - ax->xmin) * ax->w;
}

static double py(const lw_svg_axes *ax, double y) {
  return ax->y + ax->h - (y - ax->ymin) / (ax->ymax - ax->ymin) * ax->h;
}

/* A tick step of 1, 2 or 5 times a power of ten giving 4-8 ticks. */
static double tick_step(double range) {
  double raw = range / 5, p = pow(10, floor(log10(raw))), f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

void lw_svg_frame(lw_chars *out, const lw_svg_axes *ax) {
  lw_chars_printf(out,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                  "fill=\"none\" stroke=\"#444\"/>\n",
                  ax->x, ax->y, ax->w, ax->h);
  double sx = tick_step(ax->xmax - ax->xmin),
         sy = tick_step(ax->ymax - ax->ymin);
  for (double v = ceil(ax->xmin / sx - 1e-9) * sx; v <= ax->xmax + 1e-9 * sx;
       v += sx) {
    double x = px(ax, v);
    lw_chars_printf(out,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    "stroke=\"#ddd\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
                    "text-anchor=\"middle\">%g</text>\n",
                    x, ax->y, x, ax->y + ax->h, x, ax->y + ax->h + 14,
                    fabs(v) < 1e-9 * sx ? 0.0 : v);
  }
  for (double v = ceil(ax->ymin / sy - 1e-9) * sy; v <= ax->ymax + 1e-9 * sy;
       v += sy) {
    double y = py(ax, v);
    lw_chars_printf(out,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    "stroke=\"#ddd\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
                    "text-anchor=\"end\">%g</text>\n",
                    ax->x, y, ax->x + ax->w, y, ax->x - 4, y + 4,
                    fabs(v) < 1e-9 * sy ? 0.0 : v);
  }
  if (ax->title)
    lw_chars_printf(out,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                    "font-size=\"13\">%s</text>\n",
                    ax->x + ax->w / 2, ax->y - 8, ax->title);
  if (ax->xlabel)
    lw_chars_printf(out,
                    "<text x=\"%.1f\" y=\"%.1f\" "
                    "text-anchor=\"middle\">%s</text>\n",
                    ax->x + ax->w / 2, ax->y + ax->h + 30, ax->xlabel);
  if (ax->ylabel)
    lw_chars_printf(out,
                    "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" "
                    "text-anchor=\"middle\">%s</text>\n",
                    ax->x - 40, ax->y + ax->h / 2, ax->ylabel);
}

void lw_svg_polyline(lw_chars *out, const lw_svg_axes *ax,
                     const lw_svg_series *s) {
  lw_chars_printf(out, "<polyline fill=\"none\" stroke=\"%s\"%s points=\"",
                  s->color ? s->color : "#000",
                  s->dashed ? " stroke-dasharray=\"5,3\"" : "");
  double last_x = -1e300, last_y = -1e300;
  for (uint32_t k = 0; k < s->count; k++) {
    const double *row = s->data + (size_t)k * s->stride;
    double x = px(ax, row[s->xcol] * s->xscale),
           y = py(ax, row[s->ycol] * s->yscale);
    /* drop points that would not move the pen by a tenth of a pixel, but
     * keep the last one */
    if (k + 1 < s->count && fabs(x - last_x) < 0.1 && fabs(y - last_y) < 0.1)
      continue;
    lw_chars_printf(out, "%.2f,%.2f ", x, y);
    last_x = x;
    last_y = y;
  }
  lw_chars_printf(out, "\"/>\n");
}

void lw_svg_hline(lw_chars *out, const lw_svg_axes *ax, double y,
                  const char *color, const char *label) {
  if (y < ax->ymin || y > ax->ymax)
    return;
  double yy = py(ax, y);
  lw_chars_printf(out,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                  "stroke=\"%s\" stroke-dasharray=\"2,3\"/>\n",
                  ax->x, yy, ax->x + ax->w, yy, color);
  if (label)
    lw_chars_printf(out,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" "
                    "text-anchor=\"end\">%s</text>\n",
                    ax->x + ax->w - 3, yy - 3, color, label);
}

void lw_svg_cell(lw_chars *out, const lw_svg_axes *ax, double x0, double y0,
                 double x1, double y1, const char *fill) {
  double a = px(ax, fmin(x0, x1)), b = px(ax, fmax(x0, x1));
  double c = py(ax, fmax(y0, y1)), d = py(ax, fmin(y0, y1));
  lw_chars_printf(out,
                  "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                  "height=\"%.2f\" fill=\"%s\"/>\n",
                  a, c, b - a, d - c, fill);
}

void lw_svg_marker(lw_chars *out, const lw_svg_axes *ax, double x, double y,
                   const char *label) {
  double xx = px(ax, x), yy = py(ax, y);
  lw_chars_printf(out,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"none\" "
                  "stroke=\"black\" stroke-width=\"2\"/>\n",
                  xx, yy);
  if (label)
    lw_chars_printf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", xx + 6,
                    yy - 6, label);
}

void lw_svg_legend(lw_chars *out, const lw_svg_axes *ax,
                   const char *const *labels, const char *const *colors,
                   int n) {
  for (int i = 0; i < n; i++) {
    double y = ax->y + 14 + 14 * i, x = ax->x + ax->w - 110;
    lw_chars_printf(out,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    "stroke=\"%s\" stroke-width=\"2\"/>\n<text x=\"%.1f\" "
                    "y=\"%.1f\">%s</text>\n",
                    x, y - 4, x + 18, y - 4, colors[i], x + 22, y, labels[i]);
  }
}
