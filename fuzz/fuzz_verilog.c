/* libFuzzer harness for the reader of ABC's mapped structural Verilog. */
#include <stdint.h>
#include <stdlib.h>

#include "io/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lw_net *net = NULL;
  lw_error err;
  lw_status st =
      lw_io_verilog_parse("fuzz.v", (const char *)data, size, &net, &err);
  if ((st == LW_OK) != (net != NULL))
    abort();
  if (!net)
    return 0;
  uint32_t n = lw_net_size(net);
  lw_net_foreach_node (net, id)
    lw_net_foreach_fanin (net, id, k, f) {
      if (f >= n)
        abort();
    }
  lw_net_foreach_po (net, i, id)
    if (id >= n)
      abort();
  lw_net_free(net);
  return 0;
}
