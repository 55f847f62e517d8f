/* fig8.svg .. fig11.svg: per-circuit reductions against SIMPLER MAGIC, one
 * bar per flow (lowwear, LOSSS, and lowwear-wide when the run included it)
 * and circuit, with the measured suite means
 * and the paper's published lowwear mean and range marked. Plain SVG 1.1
 * (base/svg.h), no scripts or external references, so any viewer and
 * rsvg-convert show it the same way. */
#include <math.h>
#include <string.h>

#include "base/proc.h"
#include "base/svg.h"
#include "report/average.h"
#include "report/writers.h"

static const struct figure {
  int number;
  const char *suite;
  lw_pub_metric metric;
} figures[] = {
    {8, "epfl", LW_PUB_LATENCY},
    {9, "lgsynth91", LW_PUB_LATENCY},
    {10, "epfl", LW_PUB_TOGGLE},
    {11, "lgsynth91", LW_PUB_TOGGLE},
};

/* Layout in px: a fixed plot height, at least MIN_GROUP per circuit. The top
 * margin grows with the legend's rows. */
#define LEFT 78
#define RIGHT 24
#define PLOT_H 260
#define BOTTOM 84
#define MIN_GROUP 48
#define MAX_BAR 28
#define MIN_W 680
/* Average advance of a 12 px DejaVu Sans character, for legend layout. */
#define CHAR_W 7.0

/* Bars, in this order, with their colours; the third only when some
 * circuit ran it. One row per bar: a bar without a colour does not
 * compile. */
#define BARS(B)                                                                \
  B(LW_FLOW_LOWWEAR, "#1f77b4")                                                \
  B(LW_FLOW_LOSSS, "#ff7f0e")                                                  \
  B(LW_FLOW_LOWWEAR_WIDE, "#2ca02c")
#define BAR_FLOW(flow, colour) flow,
#define BAR_COLOUR(flow, colour) colour,
static const lw_flow_id bar_flow[] = {BARS(BAR_FLOW)};
static const char *const colour[] = {BARS(BAR_COLOUR)};
#undef BAR_FLOW
#undef BAR_COLOUR
#define MAX_BARS ((int)(sizeof bar_flow / sizeof *bar_flow))

typedef struct plot {
  const struct figure *fig;
  const lw_bench_circuits *cs;
  double lo, hi; /* y range, percent */
  int n, width, top;
  int nbars;         /* bars per circuit: 2, or 3 with lowwear-wide */
  double group, bar; /* width per circuit, per bar */
} plot;

static double y_of(const plot *p, double v) {
  return p->top + (p->hi - v) / (p->hi - p->lo) * PLOT_H;
}

/* The smallest of 1, 2, 5 times a power of ten that is at least x. */
static double nice_step(double x) {
  double base = pow(10, floor(log10(x)));
  return x <= base       ? base
         : x <= 2 * base ? 2 * base
         : x <= 5 * base ? 5 * base
                         : 10 * base;
}

static void widen(double *lo, double *hi, double v) {
  if (isnan(v))
    return;
  *lo = v < *lo ? v : *lo;
  *hi = v > *hi ? v : *hi;
}

static int in_suite(const plot *p, const lw_bench_circuit *c) {
  return !strcmp(c->suite, p->fig->suite);
}

static double reduction(const plot *p, const lw_bench_circuit *c, int k) {
  return lw_report_circuit_reduction(c, p->fig->metric, bar_flow[k],
                                     LW_FLOW_SIMPLER);
}

static void hline(lw_chars *out, const plot *p, double v, const char *stroke,
                  double w, const char *dash) {
  lw_chars_printf(
      out,
      "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
      "stroke-width=\"%.1f\"%s%s%s/>\n",
      LEFT, y_of(p, v), p->width - RIGHT, y_of(p, v), stroke, w,
      dash ? " stroke-dasharray=\"" : "", dash ? dash : "", dash ? "\"" : "");
}

static void axes(lw_chars *out, const plot *p) {
  double step = nice_step((p->hi - p->lo) / 6);
  for (double v = p->lo; v <= p->hi + step / 2; v += step) {
    double y = y_of(p, v);
    hline(out, p, v, "#e3e3e3", 1, NULL);
    lw_chars_printf(
        out,
        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">"
        "%g</text>\n",
        LEFT - 6, y + 4, fabs(v) < step / 1e6 ? 0.0 : v);
  }
  hline(out, p, 0, "#333333", 1.2, NULL);
  lw_chars_printf(
      out,
      "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>\n"
      "<text transform=\"translate(20 %d) rotate(-90)\" "
      "text-anchor=\"middle\" font-size=\"12\">%s reduction vs SIMPLER "
      "MAGIC (%%)</text>\n"
      "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">"
      "circuit</text>\n",
      LEFT, p->top, LEFT, p->top + PLOT_H, p->top + PLOT_H / 2,
      lw_report_metric_name(p->fig->metric), (LEFT + p->width) / 2,
      p->top + PLOT_H + BOTTOM - 8);
}

static void bars(lw_chars *out, const plot *p) {
  int i = 0;
  lw_vec_foreach (p->cs, ci) {
    const lw_bench_circuit *c = &p->cs->data[ci];
    if (!in_suite(p, c))
      continue;
    double x0 = LEFT + i * p->group + (p->group - p->nbars * p->bar) / 2;
    for (int k = 0; k < p->nbars; k++) {
      double r = reduction(p, c, k), x = x0 + k * p->bar;
      if (isnan(r)) {
        lw_chars_printf(out,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                        "font-size=\"9\" fill=\"#888888\">n/a</text>\n",
                        x + p->bar / 2, y_of(p, 0) - 3);
        continue;
      }
      double y0 = y_of(p, 0), y1 = y_of(p, r);
      lw_chars_printf(
          out,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
          "fill=\"%s\"><title>%s %s: %.2f %%</title></rect>\n",
          x, fmin(y0, y1), p->bar - 2, fmax(fabs(y1 - y0), 0.5), colour[k],
          c->name, lw_report_flow_label(bar_flow[k]), r);
    }
    double cx = LEFT + i * p->group + p->group / 2;
    int ly = p->top + PLOT_H + 14;
    lw_chars_printf(
        out,
        "<text x=\"%.1f\" y=\"%d\" transform=\"rotate(-40 %.1f %d)\" "
        "text-anchor=\"end\" font-size=\"11\">",
        cx, ly, cx, ly);
    lw_svg_escape(out, c->name);
    lw_chars_printf(out, "</text>\n");
    i++;
  }
}

/* ---- legend -------------------------------------------------------------- */

typedef enum { KEY_BAR, KEY_LINE, KEY_BAND } key_kind;

typedef struct key {
  key_kind kind;
  const char *colour, *dash;
  char text[96];
} key;

/* Lay the keys out left to right, wrapping at the figure's width; with out
 * NULL only measure. Returns the baseline of the last row. */
static int legend(lw_chars *out, const key *keys, int n, int width) {
  int x = LEFT, y = 50;
  for (int i = 0; i < n; i++) {
    int w = 24 + (int)(CHAR_W * (double)strlen(keys[i].text)) + 22;
    if (x > LEFT && x + w > width - RIGHT) {
      x = LEFT;
      y += 22;
    }
    if (out) {
      const key *k = &keys[i];
      if (k->kind == KEY_LINE)
        lw_chars_printf(
            out,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
            "stroke-width=\"2\" stroke-dasharray=\"%s\"/>\n",
            x - 2, y - 4, x + 18, y - 4, k->colour, k->dash);
      else
        lw_chars_printf(out,
                        "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"12\" "
                        "fill=\"%s\"%s/>\n",
                        x, y - 10, k->colour,
                        k->kind == KEY_BAND
                            ? " fill-opacity=\"0.08\" stroke=\"#999999\""
                            : "");
      lw_chars_printf(out,
                      "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
                      x + 24, y, k->text);
    }
    x += w;
  }
  return y;
}

static int legend_keys(key *keys, int nbars, const lw_report_average *mean,
                       const lw_published *pub) {
  int n = 0;
  for (int k = 0; k < nbars; k++) {
    keys[n] = (key){KEY_BAR, colour[k], NULL, ""};
    snprintf(keys[n++].text, sizeof keys[0].text, "%s",
             lw_report_flow_label(bar_flow[k]));
  }
  for (int k = 0; k < nbars; k++) {
    if (isnan(mean[k].mean))
      continue;
    keys[n] = (key){KEY_LINE, colour[k], "6 4", ""};
    snprintf(keys[n++].text, sizeof keys[0].text, "%s mean (%.2f %%)",
             lw_report_flow_label(bar_flow[k]), mean[k].mean);
  }
  if (pub) {
    keys[n] = (key){KEY_LINE, "#000000", "2 3", ""};
    snprintf(keys[n++].text, sizeof keys[0].text,
             "published lowwear mean (%.2f %%)", pub->v[0]);
    keys[n] = (key){KEY_BAND, "#000000", NULL, ""};
    snprintf(keys[n++].text, sizeof keys[0].text,
             "published lowwear range (%.2f to %.2f %%)", pub->v[1], pub->v[2]);
  }
  return n;
}

/* ---- the figure ---------------------------------------------------------- */

static void render_figure(lw_chars *out, const void *ctx) {
  plot p = *(const plot *)ctx;
  const struct figure *f = p.fig;
  p.nbars = lw_bench_any_included(p.cs, bar_flow[2]) ? 3 : 2;
  lw_report_average mean[MAX_BARS];
  for (int k = 0; k < p.nbars; k++)
    mean[k] = lw_report_suite_average(p.cs, f->suite, f->metric, bar_flow[k],
                                      LW_FLOW_SIMPLER);
  const lw_published *pub = lw_published_reduction(
      f->suite, f->metric, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER);

  /* y range: every bar, mean and published value, zero, and some margin */
  double lo = 0, hi = 10;
  p.n = 0;
  lw_vec_foreach (p.cs, i) {
    if (!in_suite(&p, &p.cs->data[i]))
      continue;
    p.n++;
    for (int k = 0; k < p.nbars; k++)
      widen(&lo, &hi, reduction(&p, &p.cs->data[i], k));
  }
  for (int v = 0; pub && v < 3; v++)
    widen(&lo, &hi, pub->v[v]);
  double step = nice_step((hi - lo) / 6);
  p.lo = floor(lo / step) * step;
  p.hi = ceil(hi / step) * step;
  p.width = LEFT + p.n * MIN_GROUP + RIGHT;
  p.width = p.width < MIN_W ? MIN_W : p.width;
  /* few circuits spread over the minimum width, bars not too fat */
  p.group = p.n ? (double)(p.width - LEFT - RIGHT) / p.n : MIN_GROUP;
  /* the bars of a circuit fill 72 % of its group, whatever their number */
  p.bar = fmin(p.group * 0.72 / p.nbars, MAX_BAR);

  key keys[2 * MAX_BARS + 2];
  int nkeys = legend_keys(keys, p.nbars, mean, pub);
  p.top = legend(NULL, keys, nkeys, p.width) + 26;
  int height = p.top + PLOT_H + BOTTOM;

  lw_svg_begin(out, &(lw_svg_page){.width = p.width,
                                   .height = height,
                                   .attrs = LW_SVG_FONTS,
                                   .background = "#ffffff",
                                   .version = 0,
                                   .viewbox = 1});
  lw_chars_printf(
      out,
      "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">"
      "Fig. %d: %s reduction against SIMPLER MAGIC, %s</text>\n",
      LEFT, f->number, f->metric == LW_PUB_LATENCY ? "Latency" : "Toggle-rate",
      lw_report_suite_label(f->suite));
  legend(out, keys, nkeys, p.width);

  if (p.n == 0) {
    lw_chars_printf(
        out,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" "
        "fill=\"#666666\">no %s circuits in these results</text>\n",
        p.width / 2, p.top + PLOT_H / 2, lw_report_suite_label(f->suite));
    lw_svg_end(out);
    return;
  }
  if (pub)
    lw_chars_printf(out,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                    "fill=\"#000000\" fill-opacity=\"0.08\"/>\n",
                    LEFT, y_of(&p, pub->v[2]), p.width - LEFT - RIGHT,
                    y_of(&p, pub->v[1]) - y_of(&p, pub->v[2]));
  axes(out, &p);
  bars(out, &p);
  for (int k = 0; k < p.nbars; k++)
    if (!isnan(mean[k].mean))
      hline(out, &p, mean[k].mean, colour[k], 2, "6 4");
  if (pub)
    hline(out, &p, pub->v[0], "#000000", 2, "2 3");
  lw_svg_end(out);
}

static int emit_figure(FILE *out, const void *ctx) {
  return lw_svg_emit(out, render_figure, ctx);
}

lw_status lw_report_figures(const lw_bench_circuits *cs, const char *dir,
                            lw_error *err) {
  for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
    char name[32];
    snprintf(name, sizeof name, "fig%d.svg", figures[i].number);
    char *path = lw_path_join(dir, name);
    plot p = {&figures[i], cs, 0, 0, 0, 0, 0, 0, 0, 0};
    lw_status st = lw_report_write_file(path, emit_figure, &p, err);
    lw_free(path);
    if (st != LW_OK)
      return st;
  }
  return LW_OK;
}
