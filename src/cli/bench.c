#include <stdio.h>

#include "cli.h"

int lw_cli_bench(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lowwear: error: 'bench' is not built yet\n");
  return 2;
}
