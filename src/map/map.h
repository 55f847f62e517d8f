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
  /* Wear control (docs/method.md section 7); all 0 = the plain mapping,
   * byte for byte. With either option on, several cell choices are tried
   * and the one with the least expected wear within the latency budget is
   * kept. */
  int wear_aware;       /* prefer the least-worn cell a gate may use */
  int prob_reinit;      /* re-initialise to v dead cells likely holding v */
  double latency_slack; /* extra latency allowed over the plain mapping, as
                           a fraction: 0 = LW_MAP_DEFAULT_SLACK, < 0 = none */
  /* Execution orders tried (lw_schedule_variant, SIMPLER's first): 0 or 1 =
   * SIMPLER's only. The minimum row is the smallest over them; at a row,
   * the program kept is the one with the lower toggle estimate (then
   * latency). */
  int schedules;
  /* Wear control's model of the values (needed when either option is on):
   * per node of the netlist, value_words 64-lane words of its value on
   * random inputs, at values + value_words * id. The caller simulates the
   * netlist (map/ runs no simulation). */
  const uint64_t *values;
  uint32_t value_words;
} lw_map_params;

/* The sample the flows give wear control: 1024 random vectors, a
 * probability within about 1.5 points, which is all the cell choice needs
 * (docs/method.md section 7: predicted flips matched measured ones within
 * 0.3 % on average), from this seed. */
#define LW_MAP_VALUE_WORDS 16
#define LW_MAP_VALUE_SEED 0x5eedf11b5ull

/* The latency budget when the user asks for wear control without one: the
 * 5 % that the wear targets allow over the plain lowwear flow. */
#define LW_MAP_DEFAULT_SLACK 0.05

typedef struct lw_map_stats {
  uint32_t min_row;   /* smallest row at which the mapping succeeds */
  uint32_t peak_live; /* most values alive at once */
  uint32_t base;      /* input cells + constant cells */
  /* with wear control: the plain mapping's latency and the expected flips
   * per run (steady state) of the program kept */
  uint32_t plain_latency, settings_tried;
  double predicted_hottest, predicted_total;
  double seconds;
} lw_map_stats;

lw_map_params lw_map_params_default(void);
/* Map net (after rewrite/) to a program. LW_ERR_ROW when params->row is
 * below the minimum (the message states the minimum). */
lw_status lw_map_run(const lw_net *net, const lw_map_params *params,
                     lw_map_stats *stats, lw_program **prog, lw_error *err);

#endif
