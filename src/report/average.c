#include "report/average.h"

#include <math.h>
#include <string.h>

double lw_report_reduction(double value, double base) {
  if (!(base > 0) || isnan(value))
    return NAN;
  return 100.0 * (base - value) / base;
}

double lw_report_metric(const lw_bench_circuit *c, lw_flow_id flow,
                        lw_pub_metric metric) {
  const lw_bench_flow *f = &c->flows[flow];
  /* an unverified program's numbers describe a wrong program */
  if (!f->ran || !f->verified)
    return NAN;
  switch (metric) {
  case LW_PUB_LATENCY:
    return f->latency;
  case LW_PUB_TOGGLE:
    return f->toggle_estimate;
  default:
    return f->measured_flips;
  }
}

double lw_report_circuit_reduction(const lw_bench_circuit *c,
                                   lw_pub_metric metric, lw_flow_id flow,
                                   lw_flow_id base) {
  return lw_report_reduction(lw_report_metric(c, flow, metric),
                             lw_report_metric(c, base, metric));
}

lw_report_average lw_report_suite_average(const lw_bench_circuits *cs,
                                          const char *suite,
                                          lw_pub_metric metric, lw_flow_id flow,
                                          lw_flow_id base) {
  lw_report_average a = {NAN, NAN, NAN, 0};
  double sum = 0;
  lw_vec_foreach (cs, i) {
    const lw_bench_circuit *c = &cs->data[i];
    if (suite && strcmp(c->suite, suite))
      continue;
    double r = lw_report_circuit_reduction(c, metric, flow, base);
    if (isnan(r))
      continue;
    sum += r;
    a.lo = a.n == 0 || r < a.lo ? r : a.lo;
    a.hi = a.n == 0 || r > a.hi ? r : a.hi;
    a.n++;
  }
  if (a.n)
    a.mean = sum / a.n;
  return a;
}

const char *lw_report_metric_name(lw_pub_metric metric) {
  static const char *const names[] = {"latency", "toggle", "flips"};
  return names[metric];
}

const char *lw_report_flow_label(lw_flow_id flow) {
  switch (flow) {
  case LW_FLOW_LOWWEAR:
    return "lowwear";
  case LW_FLOW_LOSSS:
    return "LOSSS";
  case LW_FLOW_LOWWEAR_WIDE:
    return "lowwear-wide";
  default:
    return "SIMPLER";
  }
}

const char *lw_report_suite_label(const char *suite) {
  if (!strcmp(suite, "epfl"))
    return "EPFL";
  if (!strcmp(suite, "lgsynth91"))
    return "LGSynth91";
  return suite;
}
