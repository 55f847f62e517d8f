#include <stdio.h>

#include "cli.h"

int lw_cli_verify(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lowwear: error: 'verify' is not built yet\n");
  return 2;
}
