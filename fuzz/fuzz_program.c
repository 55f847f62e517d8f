/* libFuzzer harness for lw_io_read_program (docs/program.md's JSON). The reader
 * takes a path, so each input goes through a per-process file; a program it
 * accepts must also write back and read again. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lowwear/lowwear.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64], back[64];
  snprintf(path, sizeof path, "/tmp/lw_fuzz_program.%d.json", (int)getpid());
  snprintf(back, sizeof back, "/tmp/lw_fuzz_back.%d.json", (int)getpid());
  FILE *f = fopen(path, "wb");
  if (!f)
    abort();
  fwrite(data, 1, size, f);
  fclose(f);
  lw_program *prog = NULL;
  lw_error err;
  if (lw_io_read_program(path, &prog, &err) == LW_OK) {
    if (!prog)
      abort();
    /* round trip: what was accepted must be written and read back */
    lw_program *again = NULL;
    if (lw_io_write_program(prog, back, LW_FORMAT_JSON, &err) != LW_OK ||
        lw_io_read_program(back, &again, &err) != LW_OK ||
        lw_program_row_size(again) != lw_program_row_size(prog) ||
        lw_program_latency(again) != lw_program_latency(prog))
      abort();
    lw_program_free(again);
    lw_program_free(prog);
    unlink(back);
  }
  unlink(path);
  return 0;
}
