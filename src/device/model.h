/* The Stanford/PKU RRAM compact model v1.0.0 (docs/device.md section 3), one
 * device: conduction, quasi-static heating, field enhancement, the F_min
 * gate and the gap velocity. Gaps and lengths are in metres, voltages in
 * volts; V is V(TE) - V(BE), positive V sets (the gap shrinks). */
#ifndef LW_DEVICE_MODEL_H
#define LW_DEVICE_MODEL_H

typedef struct lw_rram {
  double i0;      /* A */
  double g0;      /* m, conduction decay length */
  double v0;      /* V, conduction voltage scale */
  double vel0;    /* m/s */
  double beta;    /* field-enhancement decay */
  double gamma0;  /* field enhancement at zero gap (SET polarity) */
  double ea;      /* eV */
  double a0;      /* m, hopping distance */
  double t0;      /* K, ambient */
  double f_min;   /* V/m; 0 turns the gate off */
  double tox;     /* m */
  double gap_min; /* m */
  double gap_max; /* m */
  double rth;     /* K/W; 0 turns self-heating off */
} lw_rram;

/* Section 1.2 values with gap_max = 1.8 nm, the gate and heating on. */
lw_rram lw_rram_default(void);

/* Current through the device at voltage v and gap g (A). */
double lw_rram_current(const lw_rram *m, double v, double g);
/* dI/dV at (v, g), for the node solver. */
double lw_rram_conductance(const lw_rram *m, double v, double g);
/* The node solver's inner loop: with pre = lw_rram_prefactor(m, g) fixed
 * over a solve, the current at v and its derivative from one exp(). */
double lw_rram_prefactor(const lw_rram *m, double g);
double lw_rram_iv(const lw_rram *m, double pre, double v, double *didv);
/* Gap velocity dg/dt (m/s) at (v, g), heating included; 0 when the F_min
 * gate blocks motion. Bounds are not applied here. */
double lw_rram_rate(const lw_rram *m, double v, double g);
/* The same with the current at (v, g) already known (the integrator has
 * it from the node solve). */
double lw_rram_rate_at(const lw_rram *m, double v, double g, double current);
/* Smallest |V| at which gap g can move in the polarity of sign(v)
 * (F_min * tox / gamma(g)); infinite when gamma <= 0. */
double lw_rram_threshold(const lw_rram *m, double g, int polarity);
/* Depth at which a reset at |v| stops: the gap where the threshold equals
 * |v| (clamped to [gap_min, gap_max]). */
double lw_rram_reset_depth(const lw_rram *m, double v);

#endif
