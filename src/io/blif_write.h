/* A netlist as BLIF of .names, for ABC (Verilog inputs, mapped netlists given
 * with --synth none, equivalence checks). The one circuit writer: the flow
 * and the verifier both use it. */
#ifndef LW_IO_BLIF_WRITE_H
#define LW_IO_BLIF_WRITE_H

#include <stdio.h>

#include "lowwear/status.h"
#include "net/net.h"

void lw_io_print_blif(const lw_net *net, FILE *f);
lw_status lw_io_write_blif(const lw_net *net, const char *path, lw_error *err);

#endif
