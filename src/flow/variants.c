/* map --rotate: the program's levelled variants, each verified by
 * simulation and written as its own file. */
#include <stdio.h>
#include <string.h>

#include "lowwear/flow.h"
#include "lowwear/rotate.h"

/* --rotate: R variants of the program whose work cells are permuted so that
 * a row cycling through them levels wear; each is verified by simulation
 * and written as FILE.k.json (FILE without its .json). */
lw_status lw_flow_write_variants(const char *circuit_path,
                                 const lw_program *prog, uint32_t r,
                                 const lw_flow_params *p, const char *out,
                                 lw_error *err) {
  lw_program *variants[64] = {NULL};
  lw_net *circuit = NULL;
  lw_status st = lw_program_level(prog, r, NULL, variants, err);
  if (st == LW_OK && p->verify)
    st = p->synth_none
             ? lw_io_read_mapped(circuit_path, &circuit, err)
             : lw_io_read_circuit(circuit_path, &p->read, &circuit, err);
  size_t stem = strlen(out);
  if (stem > 5 && !strcmp(out + stem - 5, ".json"))
    stem -= 5;
  for (uint32_t k = 0; k < r && st == LW_OK; k++) {
    if (p->verify) {
      lw_verify_params vp = p->verify_params;
      vp.cec = 0; /* a permutation of cells of a proved program */
      lw_verify_report rep;
      st = lw_sim_verify(circuit, variants[k], &vp, &rep, err);
      if (st == LW_OK && !rep.ok)
        st = lw_error_set(err, LW_ERR_VERIFY, circuit_path, 0,
                          "variant %u is incorrect, not written: %s", k,
                          rep.first_error);
      lw_verify_report_free(&rep);
    }
    char path[4096];
    snprintf(path, sizeof path, "%.*s.%u.json", (int)stem, out, k);
    if (st == LW_OK)
      st = lw_io_write_program(variants[k], path, LW_FORMAT_JSON, err);
  }
  for (uint32_t k = 0; k < r; k++)
    lw_program_free(variants[k]);
  lw_net_free(circuit);
  return st;
}
