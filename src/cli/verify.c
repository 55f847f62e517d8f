/* lowwear verify CIRCUIT PROGRAM.json: simulate (and prove with ABC) a
 * program against its circuit; the JSON report goes to stdout. Exit 0 only
 * when the program is correct, 4 when it is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lowwear/lowwear.h"

#define VERIFY_OPTS(OPT)                                                       \
  OPT(vectors, "--vectors", LW_OPT_INT, "4096", 1, 1e9, "N",                   \
      "random vectors when the circuit has more than 16 inputs")               \
  OPT(seed, "--seed", LW_OPT_INT, "1", 0, 4e18, "S",                           \
      "seed of the random vectors")                                            \
  OPT(no_cec, "--no-cec", LW_OPT_FLAG, NULL, 0, 0, NULL,                       \
      "skip the proof with ABC cec")                                           \
  OPT(abc, "--abc", LW_OPT_STR, NULL, 0, 0, "PATH",                            \
      "ABC executable (default: berkeley-abc or abc on the PATH)")             \
  LW_CLI_ABC_TIMEOUT(OPT)                                                      \
  OPT(allow_input_overwrite, "--allow-input-overwrite", LW_OPT_FLAG, NULL, 0,  \
      0, NULL, "accept programs that write input cells")                       \
  LW_CLI_INPUT_FORMAT(OPT)

LW_CLI_OPTIONS(verify_values, verify_opts, VERIFY_OPTS);

int lw_cli_verify(int argc, char **argv) {
  verify_values v;
  const char *pos[2] = {0};
  int npos = 0;
  int rc = lw_cli_parse(argc, argv, 2, verify_opts, LW_CLI_NOPTS(verify_opts),
                        (lw_opt_value *)&v, pos, 2, &npos,
                        "usage: lowwear verify CIRCUIT PROGRAM.json [options]"
                        "\n\nChecks a program against its circuit; prints a "
                        "JSON report; exit 4 when the program is incorrect.");
  if (rc)
    return rc < 0 ? 0 : rc;
  if (npos != 2)
    return lw_cli_usage_error("verify", "%s",
                              "verify needs CIRCUIT and PROGRAM.json");
  lw_error err = {0};
  lw_read_params rp = lw_read_params_default();
  rp.abc = lw_cli_abc(&v.abc, &v.abc_timeout);
  rp.input_format = v.input_format.str;
  lw_net *net = NULL;
  lw_program *prog = NULL;
  if ((rc = lw_cli_read_pair(pos[0], pos[1], &rp, &net, &prog)))
    return rc;
  lw_verify_params params = lw_verify_params_default();
  params.random_vectors = (uint32_t)v.vectors.num;
  params.seed = (uint64_t)v.seed.num;
  params.cec = !v.no_cec.set;
  params.abc = rp.abc;
  params.allow_input_overwrite = v.allow_input_overwrite.set;
  lw_verify_report report;
  lw_status st = lw_sim_verify(net, prog, &params, &report, &err);
  if (st != LW_OK) {
    lw_verify_report_free(&report);
    lw_program_free(prog);
    lw_net_free(net);
    return lw_cli_fail(&err);
  }
  char *json = lw_verify_report_json(&report, prog);
  if (json)
    fputs(json, stdout);
  free(json);
  int ok = report.ok;
  if (!ok)
    fprintf(stderr, "lowwear: %s: incorrect program (%u errors): %s\n", pos[1],
            report.nerrors, report.first_error);
  lw_verify_report_free(&report);
  lw_program_free(prog);
  lw_net_free(net);
  if (fflush(stdout) != 0 || !json)
    return 1;
  return ok ? 0 : lw_status_exit_code(LW_ERR_VERIFY);
}
