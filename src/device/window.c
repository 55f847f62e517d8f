/* --window: the pass/fail map of one gate over its output and input line
 * voltages (docs/device.md 5.2), centred on the bias table's point. A point
 * passes when every truth-table case of the gate passes there. A passing
 * point where some static margin is negative is marked apart: there a
 * device starts to move the wrong way and the pulse ends (or the circuit
 * shifts) before it flips, a race rather than a design point. */
#include <math.h>
#include <stdio.h>

#include "base/proc.h"
#include "base/svg.h"
#include "device/check.h"
#include "device/out.h"

/* Grid: the output voltage +-0.4 V in 20 mV steps, the input voltage
 * +-0.8 V in 40 mV steps (the input side is the wider one: docs/device.md 5.2
 * puts the SET gates' limits 0.4-1.4 V apart in Vc). */
#define HALF_STEPS 20
#define OUT_STEP 0.02
#define IN_STEP 0.04

enum { FAIL, PASS_RACE, PASS };
static const char *const fills[] = {"#f0a0a0", "#f3dc7a", "#8fd18f"};

static void write_svg(lw_chars *b, const char *gate, const lw_bias_row *row,
                      const unsigned char *pass, double pulse) {
  char title[128];
  snprintf(title, sizeof title,
           "%s, %g us: pass (green), pass by a race (yellow), fail (red)", gate,
           pulse * 1e6);
  double x0 = row->v_out - (HALF_STEPS + 0.5) * OUT_STEP,
         x1 = row->v_out + (HALF_STEPS + 0.5) * OUT_STEP;
  double y0 = row->v_in - (HALF_STEPS + 0.5) * IN_STEP,
         y1 = row->v_in + (HALF_STEPS + 0.5) * IN_STEP;
  lw_svg_axes ax = {70,
                    30,
                    480,
                    480,
                    x0,
                    x1,
                    y0,
                    y1,
                    title,
                    "output line voltage (V)",
                    "input line voltage (V)"};
  lw_svg_begin(b, &(lw_svg_page){.width = 580,
                                 .height = 570,
                                 .attrs = LW_SVG_PLAIN_FONT,
                                 .background = "white",
                                 .version = 0,
                                 .viewbox = 1});
  int n = 2 * HALF_STEPS + 1;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      double vo = row->v_out + (i - HALF_STEPS) * OUT_STEP;
      double vi = row->v_in + (j - HALF_STEPS) * IN_STEP;
      lw_svg_cell(b, &ax, vo - OUT_STEP / 2, vi - IN_STEP / 2,
                  vo + OUT_STEP / 2, vi + IN_STEP / 2, fills[pass[i * n + j]]);
    }
  lw_svg_frame(b, &ax);
  lw_svg_marker(b, &ax, row->v_out, row->v_in, "bias");
  lw_svg_end(b);
}

/* One point of the map: every truth-table case of g at row. */
typedef struct point {
  int ok, robust;
  double margin, drift;
  char failing[128]; /* the failing cases, ';'-separated */
} point;

static lw_status run_point(const lw_dsetup *s, const lw_dgate *g,
                           const lw_bias_row *row, point *pt, lw_error *err) {
  *pt = (point){1, 1, INFINITY, 0, ""};
  size_t k = 0;
  uint32_t ncases = 1u << lw_dgate_operands(g);
  for (uint32_t b = 0; b < ncases; b++) {
    lw_device_case cs;
    lw_status st = lw_device_run_case(s, g, row, b, &cs, NULL, err);
    if (st != LW_OK)
      return st;
    if (cs.has_output_margin)
      pt->margin = fmin(pt->margin, cs.output_margin_v);
    if (cs.has_input_margin)
      pt->margin = fmin(pt->margin, cs.input_margin_v);
    pt->drift = fmax(pt->drift, cs.max_input_drift_nm);
    if (!cs.pass) {
      pt->ok = 0;
      if (k + 8 < sizeof pt->failing)
        k += (size_t)snprintf(pt->failing + k, sizeof pt->failing - k, "%s%s",
                              k ? ";" : "", cs.inputs);
    }
  }
  /* without the F_min gate there are no margins: count as robust */
  pt->robust = !(pt->margin < 0);
  return LW_OK;
}

/* Run every point of the grid around base: pass[] and the CSV rows. */
static lw_status run_grid(const lw_dsetup *s, const lw_dgate *g,
                          const lw_bias_row *base, unsigned char *pass,
                          lw_chars *csv, lw_device_window_stats *stats,
                          lw_error *err) {
  int n = 2 * HALF_STEPS + 1;
  lw_chars_printf(csv, "v_out_v,v_in_v,pass,static_margins_ok,"
                       "min_margin_v,max_input_drift_nm,failing_cases\n");
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      lw_bias_row row = *base;
      row.v_out = base->v_out + (i - HALF_STEPS) * OUT_STEP;
      row.v_in = base->v_in + (j - HALF_STEPS) * IN_STEP;
      point pt;
      lw_status st = run_point(s, g, &row, &pt, err);
      if (st != LW_OK)
        return st;
      pass[i * n + j] = (unsigned char)(!pt.ok      ? FAIL
                                        : pt.robust ? PASS
                                                    : PASS_RACE);
      stats->points++;
      stats->passing += (uint32_t)pt.ok;
      stats->robust += (uint32_t)(pt.ok && pt.robust);
      lw_chars_printf(csv, "%.3f,%.3f,%d,%d,", row.v_out, row.v_in, pt.ok,
                      pt.robust);
      if (isfinite(pt.margin))
        lw_chars_printf(csv, "%.4f", pt.margin);
      lw_chars_printf(csv, ",%.4f,%s\n", pt.drift, pt.failing);
    }
  return LW_OK;
}

lw_status lw_device_window(const lw_device_params *params, const char *dir,
                           lw_device_window_stats *stats, lw_error *err) {
  lw_device_window_stats local;
  if (!stats)
    stats = &local;
  *stats = (lw_device_window_stats){0};
  lw_dsetup s;
  lw_status st = lw_device_setup(params, &s, err);
  if (st != LW_OK)
    return st;
  const lw_dgate *g = params->gate ? lw_dgate_find(params->gate) : NULL;
  if (!g)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "--window needs one gate name, not '%s'",
                        params->gate ? params->gate : "(none)");
  const lw_bias_row *base = lw_bias_find(&s.bias, g->name);
  if (!base)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "bias table '%s' has no row for %s", s.bias.name,
                        g->name);
  if ((st = lw_fs_mkdirs(dir, err)) != LW_OK)
    return st;
  double start = lw_clock();
  int n = 2 * HALF_STEPS + 1;
  unsigned char *pass = lw_alloc((size_t)n * n);
  lw_chars csv = {0};
  st = run_grid(&s, g, base, pass, &csv, stats, err);
  char name[64];
  if (st == LW_OK) {
    snprintf(name, sizeof name, "window_%s.csv", g->name);
    st = lw_device_save(dir, name, &csv, err);
  }
  if (st == LW_OK) {
    lw_chars svg = {0};
    write_svg(&svg, g->name, base, pass, s.pulse);
    snprintf(name, sizeof name, "window_%s.svg", g->name);
    st = lw_device_save(dir, name, &svg, err);
    lw_vec_free(&svg);
  }
  lw_vec_free(&csv);
  lw_free(pass);
  stats->seconds = lw_clock() - start;
  return st;
}
