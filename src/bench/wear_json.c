/* lowwear wear's JSON report with key-set parameters
 * (include/lowwear/options.h); in bench/, where lw_wear_run is. */
#include "lowwear/options.h"
#include "lowwear/wear_run.h"

char *lw_flow_wear_json(const char *circuit_path, const char *program_path,
                        const lw_flow_params *p, lw_error *err) {
  lw_wear_run_params w = {0};
  w.circuit_path = p->verify ? circuit_path : NULL;
  w.program_path = program_path;
  w.read = p->read;
  w.rotate = 1;
  w.mode = LW_ROTATE_LEVEL;
  w.wear = lw_wear_params_default();
  w.wear.random_vectors = p->verify_params.random_vectors;
  w.wear.seed = p->verify_params.seed;
  lw_wear_report rep;
  char *json = NULL;
  lw_wear_run(&w, &rep, &json, err);
  lw_wear_report_free(&rep);
  return json;
}
