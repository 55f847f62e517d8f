#include <stdio.h>

#include "cli.h"

int lw_cli_map(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lowwear: error: 'map' is not built yet\n");
  return 2;
}
