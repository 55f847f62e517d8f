/* The names of flows and re-init policies (the tables of lowwear/flow.h). */
#include "base/names.h"
#include "lowwear/flow.h"

LW_NAMES_DEFINE(lw_flow, lw_flow_names, lw_flow_id, LW_FLOWS_BY_NAME)

LW_NAMES_DEFINE(lw_flow_reinit, lw_flow_reinits, lw_reinit, LW_REINITS)

LW_NAMES_DEFINE(lw_flow_exact_status, lw_flow_exact_statuses, lw_exact_status,
                LW_EXACT_STATUSES)
