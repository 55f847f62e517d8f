/* A name table's three entry points from its X-macro (lowwear/names.h):
 * LW_NAMES_DEFINE(lw_synth_cost, lw_synth_costs, lw_cost_model,
 * LW_COST_MODELS) defines lw_synth_costs(), lw_synth_cost_parse(name) and
 * lw_synth_cost_name(id). */
#ifndef LW_BASE_NAMES_H
#define LW_BASE_NAMES_H

#include "lowwear/names.h"

#define LW_NAMES_DEFINE(prefix, table_fn, type, TABLE)                         \
  lw_names table_fn(void) {                                                    \
    static const lw_name rows[] = {TABLE(LW_NAME_ROW)};                        \
    return (lw_names){rows, (int)(sizeof rows / sizeof *rows)};                \
  }                                                                            \
  int prefix##_parse(const char *name) {                                       \
    return lw_names_parse(table_fn(), name);                                   \
  }                                                                            \
  const char *prefix##_name(type id) {                                         \
    return lw_names_name(table_fn(), (int)id);                                 \
  }

#endif
