/* The published numbers of docs/method.md section 5, in one table. Percentages
 * are decreases (positive = the flow is better than its base), as the
 * paper's "-24.18 %" reads. */
#include "report/published.h"

#include <math.h>
#include <string.h>

#define ROWS(suite, name, lowwear, losss, simpler, chosen)                     \
  {LW_PUB_MIN_ROWS,                                                            \
   suite,                                                                      \
   name,                                                                       \
   LW_PUB_LATENCY,                                                             \
   LW_FLOW_LOWWEAR,                                                            \
   LW_FLOW_SIMPLER,                                                            \
   {lowwear, losss, simpler, chosen}},
#define REDUCTION(suite, metric, flow, base, mean, lo, hi)                     \
  {LW_PUB_REDUCTION, suite, NULL, metric, flow, base, {mean, lo, hi, NAN}},

static const lw_published table[] = {
    /* minimum row sizes: lowwear / LOSSS / SIMPLER -> chosen */
    ROWS("epfl", "adder", 510, 463, 390,
         510) ROWS("epfl", "arbiter", 2189, 2147, 1719,
                   2189) ROWS("epfl", "bar", 636, 636, 399,
                              636) ROWS("epfl", "cavlc", 168, 169, 124, 169)
        ROWS("epfl", "ctrl", 54, 56, 45, 56) ROWS("epfl", "dec", 371, 371, 267,
                                                  371) ROWS("epfl", "int2float",
                                                            50, 59, 41, 59)
            ROWS("epfl", "max", 870, 854, 783,
                 870) ROWS("epfl", "priority", 250, 191, 194,
                           250) ROWS("epfl", "voter", 1235, 1110, 1354, 1354)
                ROWS("lgsynth91", "alu2", 74, 80, 78,
                     80) ROWS("lgsynth91", "cm138a", 30, 30, 17,
                              30) ROWS("lgsynth91", "cm42a", 22, 25, 16, 25)
                    ROWS("lgsynth91", "cmb", 38, 36, 27,
                         38) ROWS("lgsynth91", "cht", 92, 94, 88,
                                  94) ROWS("lgsynth91", "term1", 88, 70, 70, 88)
                        ROWS("lgsynth91", "f51m", 37, 42, 32, 42)
                            ROWS("lgsynth91", "mux", 31, 31, 31, 31)
                                ROWS("lgsynth91", "ttt2", 64, 67, 57, 67)
                                    ROWS("lgsynth91", "z4ml", 18, 16, 20, 20)
    /* average reductions, lowwear against SIMPLER MAGIC (with ranges) */
    REDUCTION("epfl", LW_PUB_LATENCY, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER, 24.18,
              15.94, 45.35)
        REDUCTION("lgsynth91", LW_PUB_LATENCY, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER,
                  34.67, 21.74, 51.35)
            REDUCTION("epfl", LW_PUB_TOGGLE, LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER,
                      35.55, 21.94, 61.82)
                REDUCTION("lgsynth91", LW_PUB_TOGGLE, LW_FLOW_LOWWEAR,
                          LW_FLOW_SIMPLER, 47.26, 30.88, 65.52)
    /* lowwear against LOSSS: toggle means only; latency "within 1.2 %" */
    REDUCTION("epfl", LW_PUB_TOGGLE, LW_FLOW_LOWWEAR, LW_FLOW_LOSSS, 8.48, NAN,
              NAN) REDUCTION("lgsynth91", LW_PUB_TOGGLE, LW_FLOW_LOWWEAR,
                             LW_FLOW_LOSSS, 6.72, NAN, NAN)
        REDUCTION("all", LW_PUB_LATENCY, LW_FLOW_LOWWEAR, LW_FLOW_LOSSS, NAN,
                  -1.2, 1.2)};

const lw_published *lw_published_table(int *n) {
  *n = (int)(sizeof table / sizeof table[0]);
  return table;
}

const lw_published *lw_published_rows(const char *circuit) {
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (table[i].kind == LW_PUB_MIN_ROWS && !strcmp(table[i].circuit, circuit))
      return &table[i];
  return NULL;
}

const lw_published *lw_published_reduction(const char *suite,
                                           lw_pub_metric metric,
                                           lw_flow_id flow, lw_flow_id base) {
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
    const lw_published *p = &table[i];
    if (p->kind == LW_PUB_REDUCTION && p->metric == metric && p->flow == flow &&
        p->base == base &&
        (!strcmp(p->suite, suite) || !strcmp(p->suite, "all")))
      return p;
  }
  return NULL;
}

double lw_published_min_row(const lw_published *rows, lw_flow_id flow) {
  switch (flow) {
  case LW_FLOW_LOWWEAR:
    return rows->v[0];
  case LW_FLOW_LOSSS:
    return rows->v[1];
  case LW_FLOW_SIMPLER:
    return rows->v[2];
  default: /* a flow beyond the paper: nothing published */
    return NAN;
  }
}
