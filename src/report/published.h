/* The numbers the paper publishes (docs/method.md section 5): data to compare
 * against, never a measurement. Every report that shows one labels it
 * "published". All of them live in the one table of published.c. */
#ifndef LW_REPORT_PUBLISHED_H
#define LW_REPORT_PUBLISHED_H

#include "lowwear/lowwear.h"

typedef enum lw_pub_kind {
  LW_PUB_MIN_ROWS,  /* a circuit's minimum rows and chosen row */
  LW_PUB_REDUCTION, /* a suite's average reduction of flow against base */
} lw_pub_kind;

typedef enum lw_pub_metric {
  LW_PUB_LATENCY,
  LW_PUB_TOGGLE,
  LW_PUB_FLIPS, /* measured flips: nothing is published for it */
} lw_pub_metric;

typedef struct lw_published {
  lw_pub_kind kind;
  const char *suite;     /* "epfl", "lgsynth91"; "all" for both */
  const char *circuit;   /* MIN_ROWS */
  lw_pub_metric metric;  /* REDUCTION */
  lw_flow_id flow, base; /* REDUCTION: flow against base */
  /* MIN_ROWS: minimum row of lowwear, LOSSS, SIMPLER, then the chosen row.
   * REDUCTION: mean percent decrease, lowest, highest (NAN: not given). */
  double v[4];
} lw_published;

/* The whole table, n entries. */
const lw_published *lw_published_table(int *n);
/* A circuit's published rows, or NULL. */
const lw_published *lw_published_rows(const char *circuit);
/* A published average reduction; NULL when the paper gives none. */
const lw_published *lw_published_reduction(const char *suite,
                                           lw_pub_metric metric,
                                           lw_flow_id flow, lw_flow_id base);
/* Published minimum row of one flow (v[0..2] by flow); NAN for a flow the
 * paper does not have. */
double lw_published_min_row(const lw_published *rows, lw_flow_id flow);

#endif
