/* `lowwear device --program --json` over key-set parameters
 * (include/lowwear/options.h), for the Python module. */
#include "lowwear/device.h"
#include "lowwear/io.h"
#include "lowwear/options.h"

char *lw_device_program_json(const char *circuit_path, const char *program_path,
                             const lw_flow_params *p, const char *bias,
                             uint32_t vectors, lw_error *err) {
  lw_net *net = NULL;
  lw_program *prog = NULL;
  char *json = NULL;
  lw_device_program_params dp = lw_device_program_params_default();
  if (bias)
    dp.bias = bias;
  dp.vectors = vectors;
  dp.seed = p->verify_params.seed;
  lw_device_program_report rep = {0};
  lw_status st = lw_io_read_circuit(circuit_path, &p->read, &net, err);
  if (st == LW_OK)
    st = lw_io_read_program(program_path, &prog, err);
  if (st == LW_OK)
    st = lw_device_program(net, prog, &dp, &rep, err);
  if (st == LW_OK && !(json = lw_device_program_report_json(&rep)))
    lw_error_set(err, LW_ERR_INTERNAL, NULL, 0, "%s", "out of memory");
  if (st == LW_OK)
    lw_device_program_report_free(&rep);
  lw_program_free(prog);
  lw_net_free(net);
  return json;
}
