#include <stdio.h>

#include "cli.h"

int lw_cli_device(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lowwear: error: 'device' is not built yet\n");
  return 2;
}
