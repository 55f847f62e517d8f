/* bench --device: a verified program of one flow run on the row of devices
 * (lw_device_program), its verdict and energy kept in the flow's results. */
#ifndef LW_BENCH_DEVICE_RUN_H
#define LW_BENCH_DEVICE_RUN_H

#include "report/result.h"

/* With p->device: the bias table loads (a bad file is LW_ERR_PARSE naming
 * its line), checked before any circuit runs. LW_OK without --device. */
lw_status lw_bench_device_check(const lw_bench_params *p, lw_error *err);

/* Fills f->device_*; a program the device cannot run (no bias row for one
 * of its gates, a bad bias file) leaves device_ran 0 and says why in
 * f->error. */
void lw_bench_device_run(const lw_bench_params *p, const lw_net *net,
                         const lw_program *prog, lw_flow_id id,
                         lw_bench_flow *f);

#endif
