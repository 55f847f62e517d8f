/* The names of flows and re-init policies (the tables of lowwear/flow.h). */
#include "base/names.h"
#include "lowwear/flow.h"

lw_names lw_flow_names(void) {
  static const lw_name rows[] = {LW_FLOWS_BY_NAME(LW_NAME_ROW)};
  return (lw_names){rows, (int)(sizeof rows / sizeof *rows)};
}

LW_NAMES_DEFINE(lw_flow_reinit, lw_flow_reinits, lw_reinit, LW_REINITS)
