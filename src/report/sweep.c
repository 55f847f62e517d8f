/* lowwear sweep: row size against latency and wear. Each flow is prepared
 * once (read, ABC, rewrite) and mapped at factor x the base row, the
 * largest of the flows' minimum rows (the benchmark protocol's row at
 * factor 1); every program is verified by simulation and its steady-state
 * wear measured. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/svg.h"
#include "lowwear/wear.h"
#include "net/program.h"
#include "report/writers.h"

lw_sweep_params lw_sweep_params_default(void) {
  lw_sweep_params p;
  memset(&p, 0, sizeof p);
  static const double factors[] = {1, 1.25, 1.5, 2, 3};
  p.nfactors = 5;
  memcpy(p.factors, factors, sizeof factors);
  p.wear_control = 1;
  p.flow = lw_flow_params_default(LW_FLOW_LOWWEAR);
  p.flow.verify_params.cec = 0; /* simulation: cec at every row is slow */
  p.wear = lw_wear_params_default();
  return p;
}

void lw_sweep_free(lw_sweep *s) {
  if (!s)
    return;
  lw_free(s->circuit);
  lw_free(s->points);
  memset(s, 0, sizeof *s);
}

/* The flows of a sweep: the three of the paper, lowwear-wide, then the
 * low-wear flows with wear control (left out with --no-wear-control), each
 * with the colour of its points in the Pareto SVG. One row per flow: a flow
 * without a colour does not compile. */
#define SWEEP_FLOWS(F)                                                         \
  F("simpler", LW_FLOW_SIMPLER, 0, "#d62728")                                  \
  F("losss", LW_FLOW_LOSSS, 0, "#ff7f0e")                                      \
  F("lowwear", LW_FLOW_LOWWEAR, 0, "#1f77b4")                                  \
  F("lowwear-wide", LW_FLOW_LOWWEAR_WIDE, 0, "#2ca02c")                        \
  F("lowwear+wear", LW_FLOW_LOWWEAR, 1, "#9467bd")                             \
  F("lowwear-wide+wear", LW_FLOW_LOWWEAR_WIDE, 1, "#8c564b")

typedef struct sweep_flow {
  const char *name;
  lw_flow_id id;
  int wear;
  const char *colour;
} sweep_flow;

#define SWEEP_FLOW_ROW(name, id, wear, colour) {name, id, wear, colour},
static const sweep_flow sweep_flows[] = {SWEEP_FLOWS(SWEEP_FLOW_ROW)};
#undef SWEEP_FLOW_ROW
#define NFLOWS (sizeof sweep_flows / sizeof *sweep_flows)

static lw_flow_params flow_params(const lw_sweep_params *sp,
                                  const sweep_flow *f) {
  lw_flow_params p = lw_flow_params_default(f->id);
  /* the template's shared settings, the flow's own synthesis choices */
  p.synth.abc = sp->flow.synth.abc;
  p.read = sp->flow.read;
  p.verify = sp->flow.verify;
  p.verify_params = sp->flow.verify_params;
  p.paper_rules = sp->flow.paper_rules;
  if (f->wear) {
    p.wear_aware = 1;
    p.prob_reinit = 1;
    p.latency_slack = sp->latency_slack;
  }
  return p;
}

static void mark_pareto(lw_sweep *s) {
  for (uint32_t i = 0; i < s->npoints; i++) {
    lw_sweep_point *a = &s->points[i];
    a->pareto = 1;
    for (uint32_t j = 0; j < s->npoints && a->pareto; j++) {
      const lw_sweep_point *b = &s->points[j];
      if (b->latency <= a->latency && b->hottest_flips <= a->hottest_flips &&
          (b->latency < a->latency || b->hottest_flips < a->hottest_flips))
        a->pareto = 0;
    }
  }
}

/* The hottest cell of a row cycling through sp->rotate variants
 * (lw_program_level: balanced by measured wear, or rotated). */
static lw_status measure_rotated(const lw_program *prog,
                                 const lw_sweep_params *sp, lw_sweep_point *pt,
                                 lw_error *err) {
  lw_program **v = lw_alloc(sizeof *v * sp->rotate);
  lw_status st = lw_program_level(prog, sp->rotate, &sp->wear, v, err);
  lw_wear_report rep;
  if (st == LW_OK)
    st = lw_wear_measure((const lw_program *const *)v, sp->rotate, &sp->wear,
                         &rep, err);
  if (st == LW_OK)
    pt->hottest_rotated = rep.hottest_flips;
  lw_wear_report_free(&rep);
  for (uint32_t k = 0; k < sp->rotate; k++)
    lw_program_free(v[k]);
  lw_free(v);
  return st;
}

static lw_status measure(lw_flow_job *job, const lw_sweep_params *sp,
                         uint32_t row, lw_sweep_point *pt, lw_error *err) {
  lw_program *prog = NULL;
  lw_status st = lw_flow_map(job, row, NULL, NULL, &prog, err);
  if (st != LW_OK)
    return st;
  lw_wear_report rep;
  const lw_program *one[1] = {prog};
  st = lw_wear_measure(one, 1, &sp->wear, &rep, err);
  if (st == LW_OK) {
    pt->row = row;
    pt->latency = prog->cycles.size;
    pt->toggle = prog->metrics.toggle_estimate;
    pt->flips = rep.flips_per_run;
    pt->steady_flips = rep.steady_flips_per_run;
    pt->hottest_flips = rep.hottest_flips;
    /* runs until the hottest cell reaches the middle endurance (1e9) */
    double e =
        sp->wear.nendurance > 1 ? sp->wear.endurance[1] : sp->wear.endurance[0];
    pt->lifetime_runs = rep.hottest_flips > 0 ? e / rep.hottest_flips : 0;
  }
  lw_wear_report_free(&rep);
  if (st == LW_OK && sp->rotate > 1)
    st = measure_rotated(prog, sp, pt, err);
  lw_program_free(prog);
  return st;
}

lw_status lw_sweep_run(const char *path, const lw_sweep_params *sp, lw_sweep *s,
                       lw_error *err) {
  memset(s, 0, sizeof *s);
  s->rotate = sp->rotate;
  lw_flow_job *jobs[NFLOWS] = {0};
  lw_flow_stats stats[NFLOWS];
  const sweep_flow *active[NFLOWS];
  size_t nflows = 0;
  for (size_t f = 0; f < NFLOWS; f++)
    if (sp->wear_control || !sweep_flows[f].wear)
      active[nflows++] = &sweep_flows[f];
  lw_status st = LW_OK;
  const lw_flow_job *lowwear = NULL; /* lends its paper-gate netlists */
  for (size_t f = 0; f < nflows && st == LW_OK; f++) {
    lw_flow_params p = flow_params(sp, active[f]);
    p.paper_from = lowwear;
    st = lw_flow_prepare(path, &p, &stats[f], &jobs[f], err);
    if (st == LW_OK && p.flow == LW_FLOW_LOWWEAR && !lowwear)
      lowwear = jobs[f];
    if (st == LW_OK && stats[f].min_row > s->base_row)
      s->base_row = stats[f].min_row;
  }
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  s->circuit = lw_strndup(base, dot && dot != base ? (size_t)(dot - base)
                                                   : strlen(base));
  s->points = lw_alloc(sizeof *s->points * (nflows * sp->nfactors + 1));
  for (uint32_t k = 0; k < sp->nfactors && st == LW_OK; k++) {
    uint32_t row = (uint32_t)ceil(s->base_row * sp->factors[k] - 1e-9);
    for (size_t f = 0; f < nflows && st == LW_OK; f++) {
      lw_sweep_point *pt = &s->points[s->npoints];
      snprintf(pt->flow, sizeof pt->flow, "%s", active[f]->name);
      pt->factor = sp->factors[k];
      pt->min_row = stats[f].min_row;
      st = measure(jobs[f], sp, row, pt, err);
      if (st == LW_OK)
        s->npoints++;
    }
  }
  for (size_t f = 0; f < nflows; f++)
    lw_flow_job_free(jobs[f]);
  mark_pareto(s);
  return st;
}

/* ---- writers --------------------------------------------------------------
 */

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
  lw_svg_begin(out, &(lw_svg_page){W, H, LW_SVG_FONTS, "white", 1, 0});
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
