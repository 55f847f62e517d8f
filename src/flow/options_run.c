/* The commands over key-set parameters (include/lowwear/options.h) that
 * belong to flow/: map, and verify's JSON report. */
#include <stdlib.h>

#include "lowwear/options.h"

lw_status lw_flow_params_map(const char *circuit_path, const lw_flow_params *p,
                             lw_program **prog, lw_error *err) {
  *prog = NULL;
  return lw_flow_run(circuit_path, p, NULL, NULL, prog, err);
}

char *lw_flow_verify_json(const char *circuit_path, const char *program_path,
                          const lw_flow_params *p, lw_error *err) {
  lw_net *net = NULL;
  lw_program *prog = NULL;
  lw_verify_report report = {0};
  char *json = NULL;
  lw_status st = lw_io_read_circuit(circuit_path, &p->read, &net, err);
  if (st == LW_OK)
    st = lw_io_read_program(program_path, &prog, err);
  if (st == LW_OK)
    st = lw_sim_verify(net, prog, &p->verify_params, &report, err);
  if (st == LW_OK && !(json = lw_verify_report_json(&report, prog)))
    lw_error_set(err, LW_ERR_INTERNAL, NULL, 0, "%s", "out of memory");
  lw_verify_report_free(&report);
  lw_program_free(prog);
  lw_net_free(net);
  return json;
}

void lw_flow_text_free(char *text) { free(text); }
