/* A netlist as BLIF of .names, for ABC (Verilog inputs, mapped netlists given
 * with --synth none, equivalence checks). */
#ifndef LW_IO_BLIF_WRITE_H
#define LW_IO_BLIF_WRITE_H

#include "lowwear/status.h"
#include "net/net.h"

lw_status lw_io_write_blif(const lw_net *net, const char *path, lw_error *err);

#endif
