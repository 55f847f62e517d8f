/* The v1.0.0 model equations, restated in docs/device.md section 3.1. The
 * physical constants are those of constants.vams (item 8), not the rounded
 * values quoted in the Verilog-A comments. */
#include "device/model.h"

#include <math.h>

/* constants.vams */
#define BOLTZMANN 1.3806226e-23 /* J/K */
#define CHARGE 1.6021918e-19    /* C */
/* gamma = gamma0' - beta * (g / g1)^3 with g1 = 1 nm */
#define GAP_UNIT 1e-9
/* v1.0.0 hard-codes the reset-polarity enhancement to 16 (item 3) */
#define GAMMA_RESET 16.0

lw_rram lw_rram_default(void) {
  lw_rram m = {
      .i0 = 1e-3,
      .g0 = 0.25e-9,
      .v0 = 0.25,
      .vel0 = 10.0,
      .beta = 0.8,
      .gamma0 = 16.0,
      .ea = 0.6,
      .a0 = 0.25e-9,
      .t0 = 298.0,
      .f_min = 1.4e9,
      .tox = 12e-9,
      .gap_min = 0.2e-9,
      .gap_max = 1.8e-9,
      .rth = 2.1e3,
  };
  return m;
}

double lw_rram_current(const lw_rram *m, double v, double g) {
  return m->i0 * exp(-g / m->g0) * sinh(v / m->v0);
}

double lw_rram_conductance(const lw_rram *m, double v, double g) {
  return m->i0 * exp(-g / m->g0) * cosh(v / m->v0) / m->v0;
}

double lw_rram_prefactor(const lw_rram *m, double g) {
  return m->i0 * exp(-g / m->g0);
}

double lw_rram_iv(const lw_rram *m, double pre, double v, double *didv) {
  double e = exp(v / m->v0), inv = 1 / e;
  *didv = pre * 0.5 * (e + inv) / m->v0;
  return pre * 0.5 * (e - inv);
}

static double gamma_of(const lw_rram *m, double g, int polarity) {
  double x = g / GAP_UNIT;
  double base = polarity >= 0 ? m->gamma0 : GAMMA_RESET;
  return base - m->beta * x * x * x;
}

double lw_rram_rate(const lw_rram *m, double v, double g) {
  return lw_rram_rate_at(m, v, g, lw_rram_current(m, v, g));
}

double lw_rram_rate_at(const lw_rram *m, double v, double g, double current) {
  double gamma = gamma_of(m, g, v >= 0 ? 1 : -1);
  /* the minimum-field gate: below F_min the field term vanishes, so the
   * sinh and with it every motion is zero */
  if (gamma * fabs(v) / m->tox < m->f_min)
    return 0.0;
  /* quasi-static temperature (no thermal capacitance in v1.0.0); it enters
   * the rate only, never the I-V */
  double t = m->t0 + fabs(v * current) * m->rth;
  double kt = BOLTZMANN * t;
  return -m->vel0 * exp(-CHARGE * m->ea / kt) *
         sinh(gamma * m->a0 * CHARGE * v / (m->tox * kt));
}

double lw_rram_threshold(const lw_rram *m, double g, int polarity) {
  double gamma = gamma_of(m, g, polarity);
  if (gamma <= 0)
    return INFINITY;
  return m->f_min * m->tox / gamma;
}

double lw_rram_reset_depth(const lw_rram *m, double v) {
  double a = fabs(v);
  if (a <= 0)
    return m->gap_min;
  double x3 = (GAMMA_RESET - m->f_min * m->tox / a) / m->beta;
  double g = x3 > 0 ? cbrt(x3) * GAP_UNIT : 0.0;
  if (g < m->gap_min)
    g = m->gap_min;
  if (g > m->gap_max)
    g = m->gap_max;
  return g;
}
