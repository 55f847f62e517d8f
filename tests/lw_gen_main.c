/* lw-gen SEED: random legal circuit number SEED (tests/lw_gen.c) as BLIF on
 * standard output, for bench/random.sh. */
#include <stdio.h>
#include <stdlib.h>

#include "lw_gen.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: lw-gen SEED\n", stderr);
    return 2;
  }
  lw_gen_blif(strtoull(argv[1], NULL, 10), stdout);
  return fflush(stdout) == 0 ? 0 : 1;
}
