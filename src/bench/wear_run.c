/* lowwear wear in one call: the program and its variants checked against
 * the circuit, measured in steady state, drawn as a heat map. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/heatmap.h"
#include "lowwear/options.h"
#include "lowwear/process.h"
#include "lowwear/verify.h"
#include "lowwear/wear_run.h"

/* DIR/CIRCUIT-FLOW-wear.svg, or -rotR.svg for R rotated variants. */
static char *heatmap_path(const char *dir, const lw_program *prog, uint32_t r) {
  const char *circuit = lw_program_circuit(prog), *flow = lw_program_flow(prog);
  size_t n = strlen(dir) + strlen(circuit) + strlen(flow) + 32;
  char *path = malloc(n);
  if (path && r > 1)
    snprintf(path, n, "%s/%s-%s-rot%u.svg", dir, circuit, flow, r);
  else if (path)
    snprintf(path, n, "%s/%s-%s-wear.svg", dir, circuit, flow);
  return path;
}

/* The variants (levelled or shifted), each checked by simulation when net
 * is given: a wrong program's wear means nothing. */
static lw_status make_variants(const lw_wear_run_params *p,
                               const lw_wear_params *wp, const lw_net *net,
                               const lw_program *prog, lw_program **variants,
                               lw_error *err) {
  uint32_t r = p->rotate;
  lw_status st = LW_OK;
  if (p->mode == LW_ROTATE_LEVEL && r > 1)
    st = lw_program_level(prog, r, wp, variants, err);
  for (uint32_t k = 0; st == LW_OK && k < r; k++) {
    if (!variants[k])
      st = lw_program_rotate(prog, k, r, &variants[k], err);
    if (st == LW_OK && net)
      st = lw_sim_check(net, variants[k], p->program_path,
                        "the program is incorrect", err);
  }
  return st;
}

/* --svg and --heatmap: the heat map of the first variant. */
static lw_status draw(const lw_wear_run_params *p, const lw_wear_report *rep,
                      const lw_program *prog, const lw_program *first,
                      lw_error *err) {
  lw_status st = LW_OK;
  if (p->svg_path)
    st = lw_wear_heatmap_svg(rep, first, p->svg_path, err);
  if (st == LW_OK && p->heatmap_dir)
    st = lw_fs_mkdirs(p->heatmap_dir, err);
  if (st == LW_OK && p->heatmap_dir) {
    char *svg = heatmap_path(p->heatmap_dir, prog, p->rotate);
    st = svg ? lw_wear_heatmap_svg(rep, first, svg, err)
             : lw_error_set(err, LW_ERR_IO, NULL, 0, "out of memory");
    free(svg);
  }
  return st;
}

lw_status lw_wear_run(const lw_wear_run_params *p, lw_wear_report *rep,
                      char **json, lw_error *err) {
  uint32_t r = p->rotate;
  lw_net *net = NULL;
  lw_program *prog = NULL;
  lw_program **variants = calloc(r, sizeof *variants);
  memset(rep, 0, sizeof *rep);
  *json = NULL;
  if (!variants)
    return lw_error_set(err, LW_ERR_IO, NULL, 0, "out of memory");
  lw_wear_params wp = p->wear;
  wp.events = p->svg_path || p->heatmap_dir;
  lw_status st = LW_OK;
  if (p->circuit_path)
    st = lw_io_read_circuit(p->circuit_path, &p->read, &net, err);
  if (st == LW_OK)
    st = lw_io_read_program(p->program_path, &prog, err);
  if (st == LW_OK)
    st = make_variants(p, &wp, net, prog, variants, err);
  if (st == LW_OK)
    st = lw_wear_measure((const lw_program *const *)variants, r, &wp, rep, err);
  if (st == LW_OK)
    st = draw(p, rep, prog, variants[0], err);
  if (st == LW_OK)
    *json = lw_wear_report_json(rep, prog);
  for (uint32_t k = 0; k < r; k++)
    lw_program_free(variants[k]);
  free(variants);
  lw_program_free(prog);
  lw_net_free(net);
  return st;
}

char *lw_wear_summary(const lw_wear_run_params *p, const lw_wear_report *rep,
                      char *buf, size_t n) {
  snprintf(buf, n,
           "%s: %u variant(s), steady flips/run %.3f, hottest cell %u at "
           "%.4f flips/run (%.2fx the mean)",
           p->program_path, p->rotate, rep->steady_flips_per_run,
           rep->hottest_cell, rep->hottest_flips, rep->hot_ratio);
  return buf;
}

/* The JSON report from key-set parameters (lowwear/options.h): what the
 * Python module calls. */
char *lw_wear_run_json(const char *circuit_path, const char *program_path,
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
