/* The files of lowwear sweep (its run is bench/sweep.c): the CSV of every
 * point and the Pareto SVG, latency against the hottest cell's flips. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lowwear/wear.h"
#include "report/sweep_flows.h"
#include "report/writers.h"

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
#define FONT "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\""

static int flow_index(const char *name) {
  for (size_t f = 0; f < NFLOWS; f++)
    if (!strcmp(sweep_flows[f].name, name))
      return (int)f;
  return 0;
}

/* Latency across, hottest cell's flips per run up; each flow's points
 * joined by row size, the Pareto front as a dashed line. */
static int emit_svg(FILE *out, const void *ctx) {
  const lw_sweep *s = ctx;
  double x0 = 1e300, x1 = 0, y1 = 0;
  for (uint32_t i = 0; i < s->npoints; i++) {
    x0 = fmin(x0, s->points[i].latency);
    x1 = fmax(x1, s->points[i].latency);
    y1 = fmax(y1, s->points[i].hottest_flips);
  }
  if (!s->npoints || x1 <= x0)
    x0 = 0, x1 = x1 > 0 ? x1 : 1;
  double pad = (x1 - x0) * 0.05;
  x0 -= pad, x1 += pad, y1 = y1 > 0 ? y1 * 1.1 : 1;
  double pw = W - L - R, ph = H - T - B;
#define X(v) (L + ((v)-x0) / (x1 - x0) * pw)
#define Y(v) (T + ph - (v) / y1 * ph)
  fprintf(out,
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://"
          "www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
          "%s>\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
          "<text x=\"%d\" y=\"28\" font-size=\"15\">%s: latency against the "
          "hottest cell's steady flips/run (rows %gx..%gx of %u)</text>\n"
          "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" "
          "fill=\"none\" stroke=\"#999999\"/>\n",
          W, H, FONT, L, s->circuit, s->npoints ? s->points[0].factor : 1.0,
          s->npoints ? s->points[s->npoints - 1].factor : 1.0, s->base_row, L,
          T, pw, ph);
  for (int i = 0; i <= 4; i++) {
    double xv = x0 + (x1 - x0) * i / 4, yv = y1 * i / 4;
    fprintf(out,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
            "font-size=\"11\">%.0f</text>\n<text x=\"%d\" y=\"%.1f\" "
            "text-anchor=\"end\" font-size=\"11\">%.3g</text>\n",
            X(xv), H - B + 16, xv, L - 6, Y(yv) + 4, yv);
  }
  fprintf(out,
          "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">"
          "latency (cycles)</text>\n<text x=\"18\" y=\"%.0f\" "
          "font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 "
          "%.0f)\">hottest cell, flips/run</text>\n",
          L + pw / 2, H - B + 36, T + ph / 2, T + ph / 2);
  /* the Pareto front, in latency order */
  fputs("<polyline fill=\"none\" stroke=\"#555555\" stroke-dasharray=\"5 4\" "
        "points=\"",
        out);
  for (uint32_t pass = 0, last = 0; pass < s->npoints; pass++) {
    int best = -1;
    for (uint32_t i = 0; i < s->npoints; i++)
      if (s->points[i].pareto && (pass == 0 || s->points[i].latency > last) &&
          (best < 0 || s->points[i].latency < s->points[best].latency))
        best = (int)i;
    if (best < 0)
      break;
    last = s->points[best].latency;
    fprintf(out, "%.1f,%.1f ", X(s->points[best].latency),
            Y(s->points[best].hottest_flips));
  }
  fputs("\"/>\n", out);
  for (uint32_t i = 0; i < s->npoints; i++) {
    const lw_sweep_point *p = &s->points[i];
    int f = flow_index(p->flow);
    fprintf(out,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" "
            "stroke=\"%s\" stroke-width=\"1.5\"/>\n",
            X(p->latency), Y(p->hottest_flips), p->pareto ? 6 : 4,
            p->pareto ? sweep_flows[f].colour : "white", sweep_flows[f].colour);
  }
  for (size_t f = 0; f < NFLOWS; f++) {
    double y = T + 10 + 20.0 * f;
    fprintf(out,
            "<circle cx=\"%d\" cy=\"%.0f\" r=\"5\" fill=\"%s\"/>\n<text "
            "x=\"%d\" y=\"%.0f\" font-size=\"12\">%s</text>\n",
            W - R + 16, y, sweep_flows[f].colour, W - R + 26, y + 4,
            sweep_flows[f].name);
  }
  fprintf(out,
          "<text x=\"%d\" y=\"%.0f\" font-size=\"11\">filled: Pareto "
          "front</text>\n</svg>\n",
          W - R + 10, T + 10 + 20.0 * NFLOWS + 6);
#undef X
#undef Y
  return 0;
}

lw_status lw_sweep_write_svg(const lw_sweep *s, const char *path,
                             lw_error *err) {
  return lw_report_write_file(path, emit_svg, s, err);
}
