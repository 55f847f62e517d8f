/* The wear heat map: flips per cell and cycle (cells down, cycles across)
 * beside a bar per cell of its steady flips per run. A row of 2,000 cells
 * over 10,000 cycles is binned to at most MAX_COLS x MAX_ROWS boxes, each the
 * sum of its flips, so the file stays small; the bars show the hottest cell
 * of each band, since the hottest cell is what ends a row's life. Plain SVG
 * 1.1 (base/svg.h), written atomically (report/writers.h). */
#include <math.h>
#include <string.h>

#include "base/svg.h"
#include "lowwear/wear.h"
#include "net/program.h"
#include "report/writers.h"

#define MAX_COLS 240
#define MAX_ROWS 160
#define LEFT 64
#define TOP 56
#define PLOT_W 720
#define PLOT_H 480
#define GAP 24
#define BAR_W 200
#define BOTTOM 70
#define WIDTH (LEFT + PLOT_W + GAP + BAR_W + 30)
#define HEIGHT (TOP + PLOT_H + BOTTOM)

typedef struct heat {
  const lw_wear_report *rep;
  const lw_program *prog;
  uint32_t cols, rows; /* bins */
  double *bin;         /* rows x cols: flips per run */
  double *band;        /* per row bin: hottest cell's steady flips */
  double bin_max, band_max;
} heat;

/* Light yellow to dark red through orange, t in [0, 1]. */
static void colour(double t, char *buf) {
  static const double stops[4][3] = {
      {255, 237, 160}, {254, 178, 76}, {240, 59, 32}, {128, 0, 38}};
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  double x = t * 3;
  int i = x >= 3 ? 2 : (int)x;
  double f = x - i;
  int c[3];
  for (int k = 0; k < 3; k++)
    c[k] = (int)lround(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f);
  snprintf(buf, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

static void build(heat *h) {
  const lw_wear_report *rep = h->rep;
  uint32_t steps = rep->nsteps ? rep->nsteps : 1, n = rep->ncells;
  h->cols = steps < MAX_COLS ? steps : MAX_COLS;
  h->rows = n < MAX_ROWS ? (n ? n : 1) : MAX_ROWS;
  h->bin = lw_alloc(sizeof(double) * h->cols * h->rows);
  h->band = lw_alloc(sizeof(double) * h->rows);
  for (uint32_t e = 0; e < rep->nevents; e++) {
    uint32_t x = (uint32_t)((uint64_t)rep->event_step[e] * h->cols / steps);
    uint32_t y = (uint32_t)((uint64_t)rep->event_cell[e] * h->rows / n);
    if (x < h->cols && y < h->rows)
      h->bin[(size_t)y * h->cols + x] += rep->event_flips[e];
  }
  for (size_t i = 0; i < (size_t)h->cols * h->rows; i++)
    h->bin_max = h->bin[i] > h->bin_max ? h->bin[i] : h->bin_max;
  for (uint32_t c = 0; c < n; c++) {
    uint32_t y = (uint32_t)((uint64_t)c * h->rows / n);
    if (rep->cell_flips[c] > h->band[y])
      h->band[y] = rep->cell_flips[c];
  }
  for (uint32_t y = 0; y < h->rows; y++)
    h->band_max = h->band[y] > h->band_max ? h->band[y] : h->band_max;
}

static void ticks(lw_chars *out, const heat *h) {
  const lw_wear_report *rep = h->rep;
  uint32_t steps = rep->nsteps ? rep->nsteps : 1;
  for (int i = 0; i <= 4; i++) {
    uint32_t step = (uint32_t)((uint64_t)(steps - 1) * i / 4);
    double x = LEFT + (double)PLOT_W * step / steps;
    lw_chars_printf(out,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                    "font-size=\"11\">%s%u</text>\n",
                    x, TOP + PLOT_H + 16, step ? "T" : "setup ", step);
    uint32_t cell = (uint32_t)((uint64_t)(rep->ncells - 1) * i / 4);
    double y = TOP + (double)PLOT_H * (cell + 0.5) / rep->ncells;
    lw_chars_printf(
        out,
        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">"
        "%u</text>\n",
        LEFT - 6, y + 4, cell);
  }
  lw_chars_printf(
      out,
      "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">"
      "cycle (step 0 = setup of the next run)</text>\n",
      LEFT + PLOT_W / 2, TOP + PLOT_H + 34);
  lw_chars_printf(
      out,
      "<text x=\"16\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 16 "
      "%d)\" text-anchor=\"middle\">cell</text>\n",
      TOP + PLOT_H / 2, TOP + PLOT_H / 2);
}

static void bars(lw_chars *out, const heat *h) {
  const lw_wear_report *rep = h->rep;
  double x0 = LEFT + PLOT_W + GAP, bh = (double)PLOT_H / h->rows;
  lw_chars_printf(
      out,
      "<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
      "stroke=\"#999999\"/>\n",
      x0, TOP, BAR_W, PLOT_H);
  for (uint32_t y = 0; y < h->rows && h->band_max > 0; y++) {
    if (h->band[y] <= 0)
      continue;
    char fill[8];
    colour(h->band[y] / h->band_max, fill);
    lw_chars_printf(
        out,
        "<rect x=\"%.1f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
        "fill=\"%s\"/>\n",
        x0, TOP + y * bh, BAR_W * h->band[y] / h->band_max,
        bh > 1.2 ? bh - 0.2 : bh, fill);
  }
  if (h->band_max > 0) {
    double mx = x0 + BAR_W * rep->mean_flips / h->band_max;
    lw_chars_printf(out,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    "stroke=\"#1f77b4\" stroke-width=\"1.5\" "
                    "stroke-dasharray=\"4 3\"/>\n",
                    mx, TOP, mx, TOP + PLOT_H);
  }
  lw_chars_printf(
      out,
      "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">0</text>\n"
      "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">"
      "%.3g</text>\n"
      "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
      "font-size=\"12\">steady flips/run per cell</text>\n"
      "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" "
      "fill=\"#1f77b4\">dashed: mean %.3g</text>\n",
      x0, TOP + PLOT_H + 16, x0 + BAR_W, TOP + PLOT_H + 16, h->band_max,
      x0 + BAR_W / 2.0, TOP + PLOT_H + 34, x0 + BAR_W / 2.0, TOP + PLOT_H + 50,
      rep->mean_flips);
}

static void render(lw_chars *out, const void *ctx) {
  const heat *h = ctx;
  const lw_wear_report *rep = h->rep;
  lw_svg_begin(out, &(lw_svg_page){.width = WIDTH,
                                   .height = HEIGHT,
                                   .attrs = LW_SVG_FONTS,
                                   .background = "white",
                                   .version = 1,
                                   .viewbox = 1});
  lw_chars_printf(out, "<text x=\"%d\" y=\"22\" font-size=\"15\">Wear of ",
                  LEFT);
  lw_svg_escape(out, h->prog->circuit ? h->prog->circuit : "");
  lw_chars_printf(out, " (");
  lw_svg_escape(out, h->prog->flow ? h->prog->flow : "");
  lw_chars_printf(
      out,
      "), row %u, latency %u%s</text>\n"
      "<text x=\"%d\" y=\"40\" font-size=\"12\">steady flips/run %.3f; "
      "hottest cell %u at %.4f (%.2fx the mean); box = flips/run of its "
      "cells and cycles, max %.3g</text>\n",
      rep->ncells, rep->latency,
      rep->nvariants > 1 ? ", first of the rotated variants" : "", LEFT,
      rep->steady_flips_per_run, rep->hottest_cell, rep->hottest_flips,
      rep->hot_ratio, h->bin_max);
  lw_chars_printf(
      out,
      "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
      "stroke=\"#999999\"/>\n",
      LEFT, TOP, PLOT_W, PLOT_H);
  double bw = (double)PLOT_W / h->cols, bh = (double)PLOT_H / h->rows;
  for (uint32_t y = 0; y < h->rows; y++)
    for (uint32_t x = 0; x < h->cols; x++) {
      double v = h->bin[(size_t)y * h->cols + x];
      if (v <= 0 || h->bin_max <= 0)
        continue;
      char fill[8];
      /* square root: a few hot boxes must not wash out the rest */
      colour(sqrt(v / h->bin_max), fill);
      lw_chars_printf(
          out,
          "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
          "fill=\"%s\"/>\n",
          LEFT + x * bw, TOP + y * bh, bw, bh, fill);
    }
  ticks(out, h);
  bars(out, h);
  lw_svg_end(out);
}

static int emit(FILE *out, const void *ctx) {
  return lw_svg_emit(out, render, ctx);
}

lw_status lw_wear_heatmap_svg(const lw_wear_report *rep, const lw_program *prog,
                              const char *path, lw_error *err) {
  if (!rep->event_flips || !rep->cell_flips)
    return lw_error_set(err, LW_ERR_USAGE, path, 0,
                        "the heat map needs a wear report measured with "
                        "events");
  heat h = {.rep = rep, .prog = prog};
  build(&h);
  lw_status st = lw_report_write_file(path, emit, &h, err);
  lw_free(h.bin);
  lw_free(h.band);
  return st;
}
