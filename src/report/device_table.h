/* summary.md's section on bench --device: every flow's energy per
 * evaluation on the row of devices, per circuit and as suite averages,
 * with the share spent in INIT pulses (device_table.c). */
#ifndef LW_REPORT_DEVICE_TABLE_H
#define LW_REPORT_DEVICE_TABLE_H

#include <stdio.h>

#include "report/result.h"

/* Nothing when no flow of cs ran on the device. */
void lw_report_device_section(FILE *out, const lw_bench_circuits *cs);

#endif
