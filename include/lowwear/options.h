/* Flow parameters by key and value, for callers that cannot lay out
 * lw_flow_params themselves (the Python module, python/lowwear): a heap
 * object set one "key" = "value" at a time, with the keys and their checks
 * in one table (LW_FLOW_PARAM_KEYS in src/flow/options.c, docs/python.md),
 * and the commands over it that hand back text. */
#ifndef LOWWEAR_OPTIONS_H
#define LOWWEAR_OPTIONS_H

#include "lowwear/flow.h"
#include "lowwear/program.h"
#include "lowwear/status.h"

/* The flow's defaults as `lowwear map --flow NAME` has them (flow: an
 * lw_flow_id); NULL for an unknown flow. Strings set later are copied and
 * owned by the object. */
lw_flow_params *lw_flow_params_new(int flow);
/* One option: row (N or min), gates, cost, max_inputs, reinit, paper_rules,
 * wear_aware, prob_reinit, latency_slack, verify, cec, vectors, seed, abc,
 * abc_timeout, abc_script, synth (abc or none), input_format. Names go
 * through the library's name tables, numbers are range-checked as the
 * command line checks them, flags are 0/1/true/false. LW_ERR_USAGE with a
 * message naming the key for an unknown key or a bad value. */
lw_status lw_flow_params_set(lw_flow_params *p, const char *key,
                             const char *value, lw_error *err);
void lw_flow_params_free(lw_flow_params *p);

/* lw_flow_run with these parameters: the program at p->row. */
lw_status lw_flow_params_map(const char *circuit_path, const lw_flow_params *p,
                             lw_program **prog, lw_error *err);
/* `lowwear verify CIRCUIT PROGRAM` with p's read, vectors, seed, cec and
 * ABC: the JSON report (NULL with err on failure; an incorrect program is a
 * report with "ok": false). Free it with lw_flow_text_free. */
char *lw_flow_verify_json(const char *circuit_path, const char *program_path,
                          const lw_flow_params *p, lw_error *err);
/* `lowwear wear CIRCUIT PROGRAM` with p's read, vectors and seed (the
 * circuit is not checked first when p->verify is 0): the JSON report. */
char *lw_wear_run_json(const char *circuit_path, const char *program_path,
                       const lw_flow_params *p, lw_error *err);
/* `lowwear device --program CIRCUIT PROGRAM --json` with bias (a table name
 * or file; NULL: recommended), vectors, and p's read and seed: the JSON
 * report (every vector's pass in "all_pass"). */
char *lw_device_program_json(const char *circuit_path, const char *program_path,
                             const lw_flow_params *p, const char *bias,
                             uint32_t vectors, lw_error *err);
/* `lowwear sweep CIRCUIT --factors F,..`'s CSV written to csv_path, with
 * p's vectors, cec and ABC; wear_control 0 is --no-wear-control. */
lw_status lw_sweep_params_csv(const char *circuit_path, const lw_flow_params *p,
                              const double *factors, uint32_t nfactors,
                              int wear_control, const char *csv_path,
                              lw_error *err);
void lw_flow_text_free(char *text);

#endif
