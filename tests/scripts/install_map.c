/* A user's program against the installed library (tests/scripts/
 * test_install.sh compiles it with pkg-config): map CIRCUIT with the
 * lowwear flow at its minimum row and write the program as JSON to OUT. */
#include <stdio.h>

#include <lowwear/lowwear.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: install_map CIRCUIT OUT.json\n");
    return 2;
  }
  lw_flow_params params = lw_flow_params_default(LW_FLOW_LOWWEAR);
  lw_flow_stats stats;
  lw_program *prog = NULL;
  lw_error err = {0};
  lw_status st = lw_flow_run(argv[1], &params, &stats, NULL, &prog, &err);
  if (st == LW_OK)
    st = lw_io_write_program(prog, argv[2], LW_FORMAT_JSON, &err);
  if (st != LW_OK) {
    fprintf(stderr, "install_map: %s\n", err.msg);
    lw_program_free(prog);
    return lw_status_exit_code(st);
  }
  printf("row %u, latency %u\n", lw_program_row_size(prog),
         lw_program_latency(prog));
  lw_program_free(prog);
  return 0;
}
