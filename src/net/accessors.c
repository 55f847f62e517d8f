/* Program summary accessors of the public API (lowwear.h, wear.h): reports
 * and the CLI see lw_program only as an opaque handle. Metrics are
 * recomputed from the cycles so that they are right even before
 * lw_program_compute_metrics ran. */
#include "lowwear/lowwear.h"
#include "lowwear/wear.h"
#include "net/program.h"

static lw_metrics metrics_of(const lw_program *prog) {
  lw_program copy = *prog;
  lw_program_compute_metrics(&copy);
  return copy.metrics;
}

uint32_t lw_program_row_size(const lw_program *prog) { return prog->row_size; }

uint32_t lw_program_latency(const lw_program *prog) {
  return prog->cycles.size;
}

uint32_t lw_program_init_cycles(const lw_program *prog) {
  return metrics_of(prog).init_cycles;
}

uint32_t lw_program_gate_cycles(const lw_program *prog) {
  return metrics_of(prog).gate_cycles;
}

double lw_program_toggle_estimate(const lw_program *prog) {
  return metrics_of(prog).toggle_estimate;
}

const char *lw_program_circuit(const lw_program *prog) {
  return prog->circuit ? prog->circuit : "";
}

const char *lw_program_flow(const lw_program *prog) {
  return prog->flow ? prog->flow : "";
}
