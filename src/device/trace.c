#include "device/trace.h"

#include <math.h>
#include <stdio.h>

#include "base/svg.h"
#include "device/gates.h"
#include "device/out.h"

/* Device names for legends and CSV columns: a, b, c, d for inputs; the
 * output is "y" where it holds an operand and "out" otherwise. */
static const char *device_name(const lw_device_case *cs, uint32_t i) {
  static const char *const inputs[] = {"a", "b", "c", "d", "e", "f", "g"};
  if (i + 1 < cs->ndevices)
    return inputs[i];
  const lw_dgate *g = lw_dgate_find(cs->gate);
  return g && g->init == LW_DINIT_HOLD ? "y" : "out";
}

static void write_csv(lw_chars *b, const lw_device_case *cs,
                      const lw_pmr_trace *tr) {
  lw_chars_printf(b, "t_s,v_x");
  for (uint32_t i = 0; i < tr->n; i++) {
    const char *d = device_name(cs, i);
    lw_chars_printf(b, ",%s_line_v,%s_v,%s_gap_nm", d, d, d);
  }
  lw_chars_printf(b, "\n");
  uint32_t rows = tr->data.size / tr->stride;
  for (uint32_t k = 0; k < rows; k++) {
    const double *r = tr->data.data + (size_t)k * tr->stride;
    lw_chars_printf(b, "%.9e,%.6f", r[0], r[1]);
    for (uint32_t i = 0; i < tr->n; i++)
      lw_chars_printf(b, ",%.6f,%.6f,%.5f", r[2 + 3 * i], r[3 + 3 * i],
                      r[4 + 3 * i] * 1e9);
    lw_chars_printf(b, "\n");
  }
}

/* a trace gives each device of a gate its own colour */
_Static_assert(LW_SVG_COLORS >= LW_PMR_MAX_DEVICES,
               "one colour per device of the largest gate");

/* The axes of the two panels: voltages over time on top, gaps below. */
static void trace_axes(const lw_pmr_trace *tr, const char *title,
                       lw_svg_axes *top, lw_svg_axes *bot) {
  uint32_t rows = tr->data.size / tr->stride;
  const double *d = tr->data.data;
  double t_end = rows ? d[(size_t)(rows - 1) * tr->stride] : 1e-9;
  double vmin = 0, vmax = 0;
  for (uint32_t k = 0; k < rows; k++)
    for (uint32_t c = 1; c < tr->stride; c++)
      if (c == 1 || (c - 2) % 3 != 2) {
        vmin = fmin(vmin, d[(size_t)k * tr->stride + c]);
        vmax = fmax(vmax, d[(size_t)k * tr->stride + c]);
      }
  double pad = 0.1 * (vmax - vmin + 0.1);
  *top = (lw_svg_axes){.xmax = t_end * 1e9,
                       .ymin = vmin - pad,
                       .ymax = vmax + pad,
                       .title = title,
                       .ylabel = "voltage (V)"};
  *bot = *top;
  lw_device_panels(top, bot);
  bot->ymin = 0;
  bot->ymax = 2.0;
  bot->title = NULL;
  bot->xlabel = "time (ns)";
  bot->ylabel = "gap (nm)";
}

/* Device i: its line voltage (dashed) and the voltage across it (solid) on
 * top, its gap below. */
static void plot_device(lw_chars *b, const lw_pmr_trace *tr, uint32_t i,
                        const lw_svg_axes *top, const lw_svg_axes *bot) {
  lw_svg_series line = {.data = tr->data.data,
                        .count = tr->data.size / tr->stride,
                        .stride = tr->stride,
                        .ycol = 2 + 3 * i,
                        .xscale = 1e9,
                        .yscale = 1,
                        .color = lw_svg_color((int)i),
                        .dashed = 1};
  lw_svg_series dev = line;
  dev.ycol = 3 + 3 * i;
  dev.dashed = 0;
  lw_svg_polyline(b, top, &line);
  lw_svg_polyline(b, top, &dev);
  lw_svg_series gap = dev;
  gap.ycol = 4 + 3 * i;
  gap.yscale = 1e9;
  lw_svg_polyline(b, bot, &gap);
}

static void write_svg(lw_chars *b, const lw_device_case *cs,
                      const lw_pmr_trace *tr) {
  char title[128];
  snprintf(title, sizeof title, "%s, inputs %s: %s", cs->gate, cs->inputs,
           cs->pass ? "pass" : "FAIL");
  lw_svg_axes top, bot;
  trace_axes(tr, title, &top, &bot);
  lw_device_figure_begin(b, &top, &bot);
  const char *labels[2 * LW_PMR_MAX_DEVICES + 1];
  const char *colors[2 * LW_PMR_MAX_DEVICES + 1];
  char names[2 * LW_PMR_MAX_DEVICES + 1][24];
  int nl = 0;
  for (uint32_t i = 0; i < tr->n; i++) {
    plot_device(b, tr, i, &top, &bot);
    snprintf(names[nl], sizeof names[nl], "%s", device_name(cs, i));
    labels[nl] = names[nl];
    colors[nl++] = lw_svg_color((int)i);
  }
  lw_svg_series vx = {.data = tr->data.data,
                      .count = tr->data.size / tr->stride,
                      .stride = tr->stride,
                      .ycol = 1,
                      .xscale = 1e9,
                      .yscale = 1,
                      .color = "#777",
                      .dashed = 1};
  lw_svg_polyline(b, &top, &vx);
  labels[nl] = "node X";
  colors[nl++] = "#777";
  lw_svg_legend(b, &top, labels, colors, nl);
  lw_chars_printf(b,
                  "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\">solid: across "
                  "the device; dashed: its line</text>\n",
                  top.x + 4, top.y + top.h - 6);
  lw_svg_hline(b, &bot, 1.0, "#999", "read 1 nm");
  lw_svg_legend(b, &bot, labels, colors, nl - 1);
  lw_svg_end(b);
}

lw_status lw_device_trace_write(const char *dir, const lw_device_case *cs,
                                const lw_pmr_trace *trace, lw_error *err) {
  lw_status st = lw_fs_mkdirs(dir, err);
  if (st != LW_OK)
    return st;
  char name[64];
  lw_chars buf = {0};
  write_csv(&buf, cs, trace);
  snprintf(name, sizeof name, "%s_%s.csv", cs->gate, cs->inputs);
  st = lw_device_save(dir, name, &buf, err);
  if (st == LW_OK) {
    lw_vec_clear(&buf);
    write_svg(&buf, cs, trace);
    snprintf(name, sizeof name, "%s_%s.svg", cs->gate, cs->inputs);
    st = lw_device_save(dir, name, &buf, err);
  }
  lw_vec_free(&buf);
  return st;
}
