/* The files of lowwear sweep (its run is bench/sweep.c): the CSV of every
 * point and the Pareto SVG, latency against the hottest cell's flips. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/svg.h"
#include "lowwear/wear.h"
#include "report/sweep_flows.h"
#include "report/writers.h"

/* ---- writers ------------------------------------------------------------- */

static int emit_csv(FILE *out, const void *ctx) {
  const lw_sweep *s = ctx;
  fputs("circuit,flow,factor,row,min_row,latency,toggle_estimate,flips_per_run,"
        "steady_flips_per_run,hottest_cell_flips,lifetime_runs_1e9,pareto,"
        "rotate,hottest_rotated_flips\n",
        out);
  for (uint32_t i = 0; i < s->npoints; i++) {
    const lw_sweep_point *p = &s->points[i];
    fprintf(out, "%s,%s,%g,%u,%u,%u,%.4f,%.4f,%.4f,%.4f,%.6g,%d,%u,",
            s->circuit, p->flow, p->factor, p->row, p->min_row, p->latency,
            p->toggle, p->flips, p->steady_flips, p->hottest_flips,
            p->lifetime_runs, p->pareto, s->rotate);
    if (s->rotate > 1)
      fprintf(out, "%.4f", p->hottest_rotated);
    fputc('\n', out);
  }
  return 0;
}

lw_status lw_sweep_write_csv(const lw_sweep *s, const char *path,
                             lw_error *err) {
  return lw_report_write_file(path, emit_csv, s, err);
}

#define W 760
#define H 520
#define L 80
#define R 170
#define T 50
#define B 60

static int flow_index(const char *name) {
  for (size_t f = 0; f < NFLOWS; f++)
    if (!strcmp(sweep_flows[f].name, name))
      return (int)f;
  return 0;
}

/* The plot's data ranges (latency x0..x1, flips 0..y1) and its size in px. */
typedef struct plot_area {
  double x0, x1, y1, pw, ph;
} plot_area;

static double px(const plot_area *a, double v) {
  return L + (v - a->x0) / (a->x1 - a->x0) * a->pw;
}

static double py(const plot_area *a, double v) {
  return T + a->ph - v / a->y1 * a->ph;
}

static plot_area area_of(const lw_sweep *s) {
  plot_area a = {1e300, 0, 0, W - L - R, H - T - B};
  for (uint32_t i = 0; i < s->npoints; i++) {
    a.x0 = fmin(a.x0, s->points[i].latency);
    a.x1 = fmax(a.x1, s->points[i].latency);
    a.y1 = fmax(a.y1, s->points[i].hottest_flips);
  }
  if (!s->npoints || a.x1 <= a.x0)
    a.x0 = 0, a.x1 = a.x1 > 0 ? a.x1 : 1;
  double pad = (a.x1 - a.x0) * 0.05;
  a.x0 -= pad, a.x1 += pad, a.y1 = a.y1 > 0 ? a.y1 * 1.1 : 1;
  return a;
}

static void sweep_axes(lw_chars *out, const lw_sweep *s, const plot_area *a) {
  lw_chars_printf(out,
                  "<text x=\"%d\" y=\"28\" font-size=\"15\">%s: latency "
                  "against the hottest cell's steady flips/run (rows "
                  "%gx..%gx of %u)</text>\n<rect x=\"%d\" y=\"%d\" "
                  "width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
                  "stroke=\"#999999\"/>\n",
                  L, s->circuit, s->npoints ? s->points[0].factor : 1.0,
                  s->npoints ? s->points[s->npoints - 1].factor : 1.0,
                  s->base_row, L, T, a->pw, a->ph);
  for (int i = 0; i <= 4; i++) {
    double xv = a->x0 + (a->x1 - a->x0) * i / 4, yv = a->y1 * i / 4;
    lw_chars_printf(out,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                    "font-size=\"11\">%.0f</text>\n<text x=\"%d\" y=\"%.1f\" "
                    "text-anchor=\"end\" font-size=\"11\">%.3g</text>\n",
                    px(a, xv), H - B + 16, xv, L - 6, py(a, yv) + 4, yv);
  }
  lw_chars_printf(
      out,
      "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">"
      "latency (cycles)</text>\n<text x=\"18\" y=\"%.0f\" "
      "font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 "
      "%.0f)\">hottest cell, flips/run</text>\n",
      L + a->pw / 2, H - B + 36, T + a->ph / 2, T + a->ph / 2);
}

/* The Pareto front as a dashed line, in latency order. */
static void pareto_line(lw_chars *out, const lw_sweep *s, const plot_area *a) {
  lw_chars_printf(out, "<polyline fill=\"none\" stroke=\"#555555\" "
                       "stroke-dasharray=\"5 4\" points=\"");
  for (uint32_t pass = 0, last = 0; pass < s->npoints; pass++) {
    int best = -1;
    for (uint32_t i = 0; i < s->npoints; i++)
      if (s->points[i].pareto && (pass == 0 || s->points[i].latency > last) &&
          (best < 0 || s->points[i].latency < s->points[best].latency))
        best = (int)i;
    if (best < 0)
      break;
    last = s->points[best].latency;
    lw_chars_printf(out, "%.1f,%.1f ", px(a, s->points[best].latency),
                    py(a, s->points[best].hottest_flips));
  }
  lw_chars_printf(out, "\"/>\n");
}

/* One circle per point (filled on the front), and the legend. */
static void points_and_legend(lw_chars *out, const lw_sweep *s,
                              const plot_area *a) {
  for (uint32_t i = 0; i < s->npoints; i++) {
    const lw_sweep_point *p = &s->points[i];
    int f = flow_index(p->flow);
    lw_chars_printf(
        out,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" "
        "stroke=\"%s\" stroke-width=\"1.5\"/>\n",
        px(a, p->latency), py(a, p->hottest_flips), p->pareto ? 6 : 4,
        p->pareto ? sweep_flows[f].colour : "white", sweep_flows[f].colour);
  }
  for (size_t f = 0; f < NFLOWS; f++) {
    double y = T + 10 + 20.0 * f;
    lw_chars_printf(out,
                    "<circle cx=\"%d\" cy=\"%.0f\" r=\"5\" fill=\"%s\"/>\n"
                    "<text x=\"%d\" y=\"%.0f\" font-size=\"12\">%s</text>\n",
                    W - R + 16, y, sweep_flows[f].colour, W - R + 26, y + 4,
                    sweep_flows[f].name);
  }
  lw_chars_printf(out,
                  "<text x=\"%d\" y=\"%.0f\" font-size=\"11\">filled: Pareto "
                  "front</text>\n",
                  W - R + 10, T + 10 + 20.0 * NFLOWS + 6);
}

/* Latency across, hottest cell's flips per run up; each flow's points
 * joined by row size, the Pareto front as a dashed line. */
static void render_svg(lw_chars *out, const void *ctx) {
  const lw_sweep *s = ctx;
  plot_area a = area_of(s);
  lw_svg_begin(out, &(lw_svg_page){.width = W,
                                   .height = H,
                                   .attrs = LW_SVG_FONTS,
                                   .background = "white",
                                   .version = 1,
                                   .viewbox = 0});
  sweep_axes(out, s, &a);
  pareto_line(out, s, &a);
  points_and_legend(out, s, &a);
  lw_svg_end(out);
}

static int emit_svg(FILE *out, const void *ctx) {
  return lw_svg_emit(out, render_svg, ctx);
}

lw_status lw_sweep_write_svg(const lw_sweep *s, const char *path,
                             lw_error *err) {
  return lw_report_write_file(path, emit_svg, s, err);
}
