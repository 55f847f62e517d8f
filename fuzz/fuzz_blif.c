/* libFuzzer harness for the native BLIF reader, in both modes (circuit and
 * mapped netlist). Besides the sanitizers it checks the invariants every
 * later stage relies on: a net read without error has all fanins set and
 * in range, and every output has a driver. */
#include <stdint.h>
#include <stdlib.h>

#include "io/read.h"

static void check(const lw_net *net) {
  uint32_t n = lw_net_size(net);
  lw_net_foreach_node (net, id)
    lw_net_foreach_fanin (net, id, k, f) {
      if (f >= n)
        abort();
    }
  lw_net_foreach_po (net, i, id)
    if (id >= n)
      abort();
  lw_net_foreach_pi (net, i, id)
    if (lw_net_type(net, id) != LW_GATE_PI)
      abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (int mode = 0; mode < 2; mode++) {
    lw_net *net = NULL;
    lw_error err;
    lw_status st = lw_io_blif_parse("fuzz.blif", (const char *)data, size,
                                    mode ? LW_BLIF_MAPPED : LW_BLIF_CIRCUIT,
                                    NULL, &net, &err);
    if ((st == LW_OK) != (net != NULL))
      abort();
    if (net) {
      check(net);
      lw_net_free(net);
    } else if (!err.msg[0]) {
      abort(); /* an error must say something */
    }
  }
  return 0;
}
