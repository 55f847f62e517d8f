/* `lowwear sweep CIRCUIT` over key-set parameters (include/lowwear/
 * options.h), for the Python module: the sweep's CSV written to a file. */
#include "lowwear/options.h"
#include "lowwear/sweep.h"

lw_status lw_sweep_params_csv(const char *circuit_path, const lw_flow_params *p,
                              const double *factors, uint32_t nfactors,
                              int wear_control, const char *csv_path,
                              lw_error *err) {
  if (nfactors == 0 || nfactors > LW_SWEEP_MAX_FACTORS)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "factors: 1 to %d row factors, not %u",
                        LW_SWEEP_MAX_FACTORS, nfactors);
  lw_sweep_params sp = lw_sweep_params_default();
  for (uint32_t k = 0; k < nfactors; k++)
    sp.factors[k] = factors[k];
  sp.nfactors = nfactors;
  sp.wear_control = wear_control;
  sp.wear.random_vectors = p->verify_params.random_vectors;
  sp.flow.verify_params.random_vectors = p->verify_params.random_vectors;
  sp.flow.verify_params.cec = p->verify_params.cec;
  lw_flow_params_set_abc(&sp.flow, p->synth.abc);
  lw_sweep sweep;
  lw_status st = lw_sweep_run(circuit_path, &sp, &sweep, err);
  if (st == LW_OK)
    st = lw_sweep_write_csv(&sweep, csv_path, err);
  lw_sweep_free(&sweep);
  return st;
}
