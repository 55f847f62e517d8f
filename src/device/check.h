/* Running truth-table cases: shared by the check itself, the window map
 * and the ngspice cross-check. */
#ifndef LW_DEVICE_CHECK_H
#define LW_DEVICE_CHECK_H

#include "device/bias.h"
#include "device/gates.h"
#include "device/model.h"
#include "device/pmr.h"
#include "lowwear/device.h"

/* Everything a case needs besides the gate: the bias table and the model
 * with the switches of the params applied. */
typedef struct lw_dsetup {
  lw_bias bias;
  lw_rram model;
  double pulse; /* s */
} lw_dsetup;

lw_status lw_device_setup(const lw_device_params *params, lw_dsetup *s,
                          lw_error *err);
/* Gates selected by params->gate that have a bias row, in table order.
 * Fills up to max entries; returns how many, or -1 with err set. */
int lw_device_select(const lw_device_params *params, const lw_dsetup *s,
                     const lw_dgate **gates, int max, lw_error *err);
/* Simulate case `bits` of gate g at bias row `row` and judge it. */
lw_status lw_device_run_case(const lw_dsetup *s, const lw_dgate *g,
                             const lw_bias_row *row, uint32_t bits,
                             lw_device_case *out, lw_pmr_trace *trace,
                             lw_error *err);

#endif
