/* A generic PMR circuit and its transient integrator (docs/device.md sections 4
 * and 6). N devices, each between its own driven line and a common node X,
 * in either orientation; RS from X to a return node with its own waveform.
 * Which voltage goes on which line is data (bias.h), so other readings of
 * the paper's "Vin/Vout" are a matter of filling this struct differently. */
#ifndef LW_DEVICE_PMR_H
#define LW_DEVICE_PMR_H

#include <stdint.h>

#include "base/vec.h"
#include "device/model.h"
#include "lowwear/status.h"

#define LW_PMR_MAX_DEVICES 8

/* A trapezoid: base until delay, linear to peak over rise, peak for width,
 * back to base over fall. */
typedef struct lw_pulse {
  double base, peak;
  double delay, rise, width, fall;
} lw_pulse;

double lw_pulse_at(const lw_pulse *p, double t);

typedef struct lw_pmr_device {
  lw_pulse line;
  /* +1: top electrode on the line, bottom on X (the row layout);
   * -1: the other way round */
  int orient;
  double gap; /* initial gap, m */
  /* this device's own parameters (device variation), or NULL: the
   * circuit's model */
  const lw_rram *model;
} lw_pmr_device;

typedef struct lw_pmr {
  lw_rram model;
  uint32_t n;
  lw_pmr_device dev[LW_PMR_MAX_DEVICES];
  double rs;       /* ohm; 0 ties X to the return node */
  lw_pulse ret;    /* voltage of the node RS returns to */
  double t_end;    /* s */
  double max_dgap; /* m per step (0.002 nm) */
  double max_dt;   /* s per step while anything moves (1 ns) */
} lw_pmr;

/* An empty circuit: default model, RS = 50 ohm to ground, step limits of
 * docs/device.md section 6. */
lw_pmr lw_pmr_default(void);

typedef struct lw_pmr_result {
  double gap[LW_PMR_MAX_DEVICES];       /* final gaps, m */
  double max_drift[LW_PMR_MAX_DEVICES]; /* largest |g(t) - g(0)|, m */
  double lo_gap[LW_PMR_MAX_DEVICES];    /* smallest gap reached, m */
  double hi_gap[LW_PMR_MAX_DEVICES];    /* largest gap reached, m */
  double t_cross[LW_PMR_MAX_DEVICES];   /* first crossing of the read gap,
                                           s; -1 when none */
  double peak_temp;                     /* hottest device, K */
  double energy;                        /* delivered by all sources, J */
  uint32_t steps;
} lw_pmr_result;

/* Samples of a run: per sample t, V_X, then per device line voltage,
 * device voltage and gap (stride 2 + 3n). */
typedef struct lw_pmr_trace {
  uint32_t n, stride;
  lw_doubles data;
} lw_pmr_trace;

/* Integrate from t = 0 to t_end. read_gap is the gap (m) whose crossing is
 * timed. trace may be NULL. */
lw_status lw_pmr_run(const lw_pmr *c, double read_gap, lw_pmr_result *res,
                     lw_pmr_trace *trace, lw_error *err);

/* The node voltage and device voltages at time t for the given gaps: the
 * DC solution used by the static margin report. v_dev has c->n entries. */
double lw_pmr_solve(const lw_pmr *c, double t, const double *gaps,
                    double *v_dev);

#endif
