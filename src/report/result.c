/* The names the writers give a circuit's results: its status, whether a
 * flow takes part, which netlist a best-of flow's program came from. */
#include "report/result.h"

static const char *const status_names[] = {"ok", "unverified", "failed"};

const char *lw_bench_status_name(lw_bench_status status) {
  return status_names[status];
}

int lw_bench_flow_selected(int wide, lw_flow_id id) {
  return id != LW_FLOW_LOWWEAR_WIDE || wide;
}

int lw_bench_any_included(const lw_bench_circuits *cs, lw_flow_id id) {
  lw_vec_foreach (cs, i) {
    if (cs->data[i].flows[id].included)
      return 1;
  }
  return 0;
}

/* Only lowwear-wide picks between two netlists. */
int lw_bench_best_of(lw_flow_id id) { return id == LW_FLOW_LOWWEAR_WIDE; }

const char *lw_bench_netlist_name(const lw_bench_flow *f, lw_flow_id id) {
  if (!lw_bench_best_of(id) || !f->ran)
    return "";
  return f->netlist == LW_NETLIST_OWN ? "wide" : "paper";
}
