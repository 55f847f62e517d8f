#include <stdio.h>

#include "cli.h"

int lw_cli_sweep(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lowwear: error: 'sweep' is not built yet\n");
  return 2;
}
