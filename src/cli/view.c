/* lowwear view CIRCUIT PROGRAM.json -o PAGE.html: the program viewer page
 * (docs/view.md), one self-contained HTML file written atomically. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lowwear/lowwear.h"
#include "lowwear/page.h"

#define VIEW_OPTS(OPT)                                                         \
  OPT(out, "-o", LW_OPT_STR, NULL, 0, 0, "FILE",                               \
      "write the page here (required)")                                        \
  OPT(vectors, "--vectors", LW_OPT_INT, "4096", 1, 1e9, "N",                   \
      "random vectors of the wear measurement (more than 16 inputs)")          \
  OPT(seed, "--seed", LW_OPT_INT, "1", 0, 4e18, "S",                           \
      "seed of the random vectors")                                            \
  OPT(no_wear, "--no-wear", LW_OPT_FLAG, NULL, 0, 0, NULL,                     \
      "do not measure the wear per cell")                                      \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable, to read .aig/.pla circuits")                            \
  LW_CLI_ABC_TIMEOUT(OPT)                                                      \
  LW_CLI_INPUT_FORMAT(OPT)

LW_CLI_OPTIONS(view_values, view_opts, VIEW_OPTS);

static const char usage_head[] =
    "usage: lowwear view CIRCUIT PROGRAM.json -o PAGE.html [options]\n\n"
    "Writes the program viewer: one self-contained HTML page with the\n"
    "cycles, the cells, the measured wear per cell and a simulation of the\n"
    "row for an input vector (docs/view.md). An incorrect program (exit 4)\n"
    "gets no page.";

int lw_cli_view(int argc, char **argv) {
  view_values v;
  const char *pos[2] = {0};
  int npos = 0;
  int rc = lw_cli_parse(argc, argv, 2, view_opts, LW_CLI_NOPTS(view_opts),
                        (lw_opt_value *)&v, pos, 2, &npos, usage_head);
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 2 || !v.out.str)
    return lw_cli_usage_error("view", "%s",
                              "view needs CIRCUIT, PROGRAM.json and -o FILE");
  lw_read_params rp = lw_read_params_default();
  rp.abc = lw_cli_abc(&v.abc, &v.abc_timeout);
  rp.input_format = v.input_format.str;
  lw_net *net = NULL;
  lw_program *prog = NULL;
  if ((rc = lw_cli_read_pair(pos[0], pos[1], &rp, &net, &prog)))
    return rc;
  lw_page_params pp = lw_page_params_default();
  pp.wear = !v.no_wear.set;
  pp.random_vectors = (uint32_t)v.vectors.num;
  pp.seed = (uint64_t)v.seed.num;
  lw_error err = {0};
  lw_status st = lw_page_write(net, prog, &pp, v.out.str, &err);
  lw_program_free(prog);
  lw_net_free(net);
  if (st == LW_ERR_VERIFY && !err.file[0]) /* name the program file */
    snprintf(err.file, sizeof err.file, "%s", pos[1]);
  return st == LW_OK ? 0 : lw_cli_fail(&err);
}
