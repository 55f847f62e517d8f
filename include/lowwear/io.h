/* Circuits: reading a combinational circuit (BLIF, AIGER, PLA, Verilog) into
 * a netlist, and the input formats by name. */
#ifndef LOWWEAR_IO_H
#define LOWWEAR_IO_H

#include "lowwear/abc.h"
#include "lowwear/names.h"
#include "lowwear/status.h"

typedef struct lw_net lw_net;

/* The input formats as --input-format names them (sv is taken, not
 * offered: v covers it). */
typedef enum lw_input_format {
  LW_INPUT_BLIF,
  LW_INPUT_AAG,
  LW_INPUT_AIG,
  LW_INPUT_PLA,
  LW_INPUT_V,
  LW_INPUT_SV,
} lw_input_format;

#define LW_INPUT_FORMATS(X)                                                    \
  X(LW_INPUT_BLIF, "blif", 1)                                                  \
  X(LW_INPUT_AAG, "aag", 1)                                                    \
  X(LW_INPUT_AIG, "aig", 1)                                                    \
  X(LW_INPUT_PLA, "pla", 1)                                                    \
  X(LW_INPUT_V, "v", 1)                                                        \
  X(LW_INPUT_SV, "sv", 0)

lw_names lw_io_input_formats(void);
int lw_io_input_format_parse(const char *name); /* -1 if unknown */
const char *lw_io_input_format_name(lw_input_format format);

/* Read a combinational circuit. By extension: .blif read natively (.names
 * and .gate of the gate table's genlib cells); .aig/.aag/.pla converted by
 * ABC; .v/.sv converted by yosys. abc.path/yosys_path may be NULL (PATH). */
typedef struct lw_read_params {
  lw_abc_params abc; /* timeout_s: per converter run (ABC or yosys) */
  const char *yosys_path;
  /* Called for each warning (e.g. an ignored .exdc section); may be NULL. */
  void (*warn)(void *ctx, const char *file, int line, const char *msg);
  void *warn_ctx;
  /* blif | aag | aig | pla | v | sv, or NULL: by the extension, or for the
   * path "-" (standard input) by the content */
  const char *input_format;
} lw_read_params;
lw_read_params lw_read_params_default(void);
lw_status lw_io_read_circuit(const char *path, const lw_read_params *params,
                             lw_net **net, lw_error *err);

/* A netlist already mapped to the gate table's cells (ABC write_blif or
 * write_verilog of a mapped network); used by --synth none. */
lw_status lw_io_read_mapped(const char *path, lw_net **net, lw_error *err);

void lw_net_free(lw_net *net);

#endif
