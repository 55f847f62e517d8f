/* Transient of a PMR circuit: at each step a safeguarded Newton solve of
 * Kirchhoff's current law at X, then an explicit Euler step of every gap
 * with |dg| <= max_dgap and dt <= max_dt, never stepping over a waveform
 * corner (docs/device.md section 6). The F_min gate makes a device either move
 * or be perfectly still, so a flat stretch in which nothing moves is
 * crossed in one step: that is what makes the hold cases cheap. */
#include "device/pmr.h"

#include <math.h>
#include <string.h>

/* Newton stops when the node moves less than this (V). */
#define NODE_TOL 1e-12
#define NODE_ITERS 200

double lw_pulse_at(const lw_pulse *p, double t) {
  double t1 = p->delay, t2 = t1 + p->rise, t3 = t2 + p->width,
         t4 = t3 + p->fall;
  double d = p->peak - p->base;
  if (t <= t1 || t >= t4)
    return p->base;
  if (t < t2)
    return p->base + d * (t - t1) / p->rise;
  if (t <= t3)
    return p->peak;
  return p->peak - d * (t - t3) / p->fall;
}

lw_pmr lw_pmr_default(void) {
  lw_pmr c;
  memset(&c, 0, sizeof c);
  c.model = lw_rram_default();
  c.rs = 50.0;
  c.t_end = 1e-6;
  c.max_dgap = 0.002e-9;
  c.max_dt = 1e-9;
  return c;
}

static const lw_rram *model_of(const lw_pmr *c, uint32_t i) {
  return c->dev[i].model ? c->dev[i].model : &c->model;
}

/* Solve f(x) = sum of inflows + (v_ret - x)/RS = 0, where device i sends
 * s_i * I(s_i * (v_i - x), g_i) into X. f falls strictly with x, and the
 * root lies between the lowest and highest source voltage, so Newton is
 * kept inside a shrinking bracket and bisects when it leaves. */
static double solve_node(const lw_pmr *c, const double *vline, double vret,
                         const double *pre, double guess) {
  if (c->rs <= 0)
    return vret;
  double lo = vret, hi = vret;
  for (uint32_t i = 0; i < c->n; i++) {
    lo = fmin(lo, vline[i]);
    hi = fmax(hi, vline[i]);
  }
  if (hi - lo < NODE_TOL)
    return lo;
  double x = guess >= lo && guess <= hi ? guess : 0.5 * (lo + hi);
  for (int it = 0; it < NODE_ITERS; it++) {
    double f = (vret - x) / c->rs, df = -1.0 / c->rs;
    for (uint32_t i = 0; i < c->n; i++) {
      double s = c->dev[i].orient < 0 ? -1.0 : 1.0, d;
      f += s * lw_rram_iv(model_of(c, i), pre[i], s * (vline[i] - x), &d);
      df -= d;
    }
    double step = -f / df;
    /* converged: test before the bracket, whose edge may be x itself */
    if (fabs(step) < NODE_TOL)
      return x + step;
    if (f > 0)
      lo = x;
    else
      hi = x;
    double next = x + step;
    if (!(next > lo && next < hi))
      next = 0.5 * (lo + hi);
    if (hi - lo < NODE_TOL)
      return next;
    x = next;
  }
  return x;
}

/* Each device's lw_rram_prefactor at its gap. */
static void prefactors(const lw_pmr *c, const double *gaps, double *pre) {
  for (uint32_t i = 0; i < c->n; i++)
    pre[i] = lw_rram_prefactor(model_of(c, i), gaps[i]);
}

double lw_pmr_solve(const lw_pmr *c, double t, const double *gaps,
                    double *v_dev) {
  double vline[LW_PMR_MAX_DEVICES], pre[LW_PMR_MAX_DEVICES];
  for (uint32_t i = 0; i < c->n; i++)
    vline[i] = lw_pulse_at(&c->dev[i].line, t);
  prefactors(c, gaps, pre);
  double vx = solve_node(c, vline, lw_pulse_at(&c->ret, t), pre, 0.0);
  for (uint32_t i = 0; i < c->n; i++)
    v_dev[i] = (c->dev[i].orient < 0 ? -1.0 : 1.0) * (vline[i] - vx);
  return vx;
}

/* The state at one instant: node, device voltages, rates (zero at a bound
 * they push against), and the power the sources deliver. */
typedef struct snapshot {
  double vx;
  double vline[LW_PMR_MAX_DEVICES], vdev[LW_PMR_MAX_DEVICES];
  double rate[LW_PMR_MAX_DEVICES];
  double power, max_rate, temp;
} snapshot;

static void evaluate(const lw_pmr *c, double t, const double *gaps,
                     double guess, snapshot *s) {
  for (uint32_t i = 0; i < c->n; i++)
    s->vline[i] = lw_pulse_at(&c->dev[i].line, t);
  double vret = lw_pulse_at(&c->ret, t), pre[LW_PMR_MAX_DEVICES];
  prefactors(c, gaps, pre);
  s->vx = solve_node(c, s->vline, vret, pre, guess);
  s->power = 0;
  s->max_rate = 0;
  s->temp = c->model.t0;
  double into_x = 0;
  for (uint32_t i = 0; i < c->n; i++) {
    const lw_rram *m = model_of(c, i);
    double sign = c->dev[i].orient < 0 ? -1.0 : 1.0;
    double v = sign * (s->vline[i] - s->vx);
    double didv;
    double cur = lw_rram_iv(m, pre[i], v, &didv);
    double r = lw_rram_rate_at(m, v, gaps[i], cur);
    /* clamp semantics: a device at a bound does not push past it */
    if ((gaps[i] <= m->gap_min && r < 0) || (gaps[i] >= m->gap_max && r > 0))
      r = 0;
    s->vdev[i] = v;
    s->rate[i] = r;
    s->max_rate = fmax(s->max_rate, fabs(r));
    s->temp = fmax(s->temp, m->t0 + fabs(v * cur) * m->rth);
    /* each line delivers V_line times the current it sends in */
    s->power += s->vline[i] * sign * cur;
    into_x += sign * cur;
  }
  /* the return node takes what flows through RS */
  s->power -= vret * into_x;
}

/* True when every waveform is constant on (a, b). */
static int flat_between(const lw_pmr *c, double a, double b) {
  double mid = 0.5 * (a + b), q = 0.25 * (b - a);
  for (uint32_t i = 0; i <= c->n; i++) {
    const lw_pulse *p = i < c->n ? &c->dev[i].line : &c->ret;
    if (lw_pulse_at(p, mid - q) != lw_pulse_at(p, mid + q) ||
        lw_pulse_at(p, mid) != lw_pulse_at(p, mid + q))
      return 0;
  }
  return 1;
}

static double next_corner(const lw_pmr *c, double t) {
  double best = c->t_end;
  for (uint32_t i = 0; i <= c->n; i++) {
    const lw_pulse *p = i < c->n ? &c->dev[i].line : &c->ret;
    double k[4] = {p->delay, p->delay + p->rise, p->delay + p->rise + p->width,
                   p->delay + p->rise + p->width + p->fall};
    for (int j = 0; j < 4; j++)
      if (k[j] > t * (1 + 1e-12) + 1e-18 && k[j] < best)
        best = k[j];
  }
  return best;
}

static void record(const lw_pmr *c, lw_pmr_trace *tr, double t,
                   const snapshot *s, const double *gaps) {
  if (!tr)
    return;
  lw_vec_push(&tr->data, t);
  lw_vec_push(&tr->data, s->vx);
  for (uint32_t i = 0; i < c->n; i++) {
    lw_vec_push(&tr->data, s->vline[i]);
    lw_vec_push(&tr->data, s->vdev[i]);
    lw_vec_push(&tr->data, gaps[i]);
  }
}

lw_status lw_pmr_run(const lw_pmr *c, double read_gap, lw_pmr_result *res,
                     lw_pmr_trace *trace, lw_error *err) {
  memset(res, 0, sizeof *res);
  if (c->n == 0 || c->n > LW_PMR_MAX_DEVICES)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "a PMR circuit needs 1 to %d devices, not %u",
                        LW_PMR_MAX_DEVICES, c->n);
  if (!(c->t_end > 0) || !(c->max_dgap > 0) || !(c->max_dt > 0) || c->rs < 0)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "bad PMR settings (t_end, step limits or RS)");
  double gaps[LW_PMR_MAX_DEVICES], start[LW_PMR_MAX_DEVICES];
  for (uint32_t i = 0; i < c->n; i++) {
    const lw_rram *m = model_of(c, i);
    gaps[i] = start[i] = fmin(fmax(c->dev[i].gap, m->gap_min), m->gap_max);
    res->lo_gap[i] = res->hi_gap[i] = gaps[i];
    res->t_cross[i] = -1;
  }
  if (trace) {
    trace->n = c->n;
    trace->stride = 2 + 3 * c->n;
    lw_vec_clear(&trace->data);
  }
  snapshot s;
  double t = 0;
  evaluate(c, t, gaps, 0.0, &s);
  res->peak_temp = s.temp;
  record(c, trace, t, &s, gaps);
  while (t < c->t_end) {
    double corner = next_corner(c, t);
    double dt;
    if (s.max_rate == 0 && flat_between(c, t, corner))
      dt = corner - t; /* exact: nothing can change before the corner */
    else {
      dt = fmin(c->max_dt, corner - t);
      if (s.max_rate > 0)
        dt = fmin(dt, c->max_dgap / s.max_rate);
    }
    if (!(dt > 0))
      dt = fmin(c->max_dt, c->t_end - t);
    double t_new = corner - t - dt < 1e-18 ? corner : t + dt;
    double old[LW_PMR_MAX_DEVICES];
    for (uint32_t i = 0; i < c->n; i++) {
      const lw_rram *m = model_of(c, i);
      old[i] = gaps[i];
      gaps[i] = fmin(fmax(gaps[i] + s.rate[i] * dt, m->gap_min), m->gap_max);
    }
    double p_old = s.power;
    evaluate(c, t_new, gaps, s.vx, &s);
    res->energy += 0.5 * (p_old + s.power) * (t_new - t);
    res->peak_temp = fmax(res->peak_temp, s.temp);
    for (uint32_t i = 0; i < c->n; i++) {
      double d0 = old[i] - read_gap, d1 = gaps[i] - read_gap;
      if (res->t_cross[i] < 0 && d0 != 0 && (d0 < 0) != (d1 < 0))
        res->t_cross[i] = t + (t_new - t) * d0 / (d0 - d1);
      res->max_drift[i] = fmax(res->max_drift[i], fabs(gaps[i] - start[i]));
      res->lo_gap[i] = fmin(res->lo_gap[i], gaps[i]);
      res->hi_gap[i] = fmax(res->hi_gap[i], gaps[i]);
    }
    t = t_new;
    res->steps++;
    record(c, trace, t, &s, gaps);
  }
  for (uint32_t i = 0; i < c->n; i++)
    res->gap[i] = gaps[i];
  return LW_OK;
}
