/* bench --device (device_run.h). */
#include "bench/device_run.h"

#include <stdio.h>

#include "device/check.h"
#include "lowwear/device.h"

lw_status lw_bench_device_check(const lw_bench_params *p, lw_error *err) {
  if (!p->device)
    return LW_OK;
  lw_device_params dp = lw_device_params_default();
  dp.bias = p->device_bias ? p->device_bias : dp.bias;
  lw_dsetup s;
  return lw_device_setup(&dp, &s, err);
}

void lw_bench_device_run(const lw_bench_params *p, const lw_net *net,
                         const lw_program *prog, lw_flow_id id,
                         lw_bench_flow *f) {
  lw_device_program_params dp = lw_device_program_params_default();
  dp.bias = p->device_bias ? p->device_bias : dp.bias;
  dp.seed = p->seed;
  lw_device_program_report rep;
  lw_error err = {0};
  if (lw_device_program(net, prog, &dp, &rep, &err) != LW_OK) {
    snprintf(f->error, sizeof f->error, "%s on the device: %.440s",
             lw_flow_name(id), err.msg);
    return;
  }
  f->device_ran = 1;
  f->device_pass = rep.all_pass;
  f->device_energy_j = rep.energy_j;
  f->device_init_share =
      rep.energy_j > 0 ? rep.init_energy_j / rep.energy_j : 0;
  f->device_least_margin_nm = rep.least_margin_nm;
  f->device_seconds = rep.seconds;
  lw_device_program_report_free(&rep);
}
