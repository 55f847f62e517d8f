#include <stdio.h>

#include "cli.h"

int lw_cli_wear(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lowwear: error: 'wear' is not built yet\n");
  return 2;
}
