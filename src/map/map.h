/* map/: a rewritten netlist to a program for one row. Execution order by
 * cell usage (schedule.c), then cell allocation and initialisation
 * (alloc.c), over a view of the netlist that resolves buffers and constants
 * (view.c). */
#ifndef LW_MAP_MAP_H
#define LW_MAP_MAP_H

#include "lowwear/status.h"
#include "net/net.h"
#include "net/program.h"

/* How dead cells are re-initialised when a gate finds no cell holding its
 * init value. */
typedef enum lw_reinit_policy {
  LW_REINIT_ALL,    /* every dead cell, one cycle (SIMPLER MAGIC) */
  LW_REINIT_DEMAND, /* as many as the coming demand for that value needs */
} lw_reinit_policy;

typedef struct lw_map_params {
  uint32_t row; /* cells in the row; 0 = the minimum */
  lw_reinit_policy reinit;
  int setup_all;    /* setup initialises every non-input cell to 0,
                       as SIMPLER MAGIC does */
  const char *flow; /* name written into the program */
} lw_map_params;

typedef struct lw_map_stats {
  uint32_t min_row;   /* smallest row at which the mapping succeeds */
  uint32_t peak_live; /* most values alive at once */
  uint32_t base;      /* input cells + constant cells */
  double seconds;
} lw_map_stats;

lw_map_params lw_map_params_default(void);
/* Map net (after rewrite/) to a program. LW_ERR_ROW when params->row is
 * below the minimum (the message states the minimum). */
lw_status lw_map_run(const lw_net *net, const lw_map_params *params,
                     lw_map_stats *stats, lw_program **prog, lw_error *err);

#endif
