/* Programs: the handle, the output formats by name, reading and writing a
 * program, and the summary accessors reports use. */
#ifndef LOWWEAR_PROGRAM_H
#define LOWWEAR_PROGRAM_H

#include <stdint.h>

#include "lowwear/names.h"
#include "lowwear/status.h"

typedef struct lw_program lw_program;

typedef enum lw_program_format {
  LW_FORMAT_JSON,
  LW_FORMAT_TEXT,
  LW_FORMAT_SIMPLER,
} lw_program_format;

#define LW_PROGRAM_FORMATS(X)                                                  \
  X(LW_FORMAT_JSON, "json", 1)                                                 \
  X(LW_FORMAT_TEXT, "text", 1)                                                 \
  X(LW_FORMAT_SIMPLER, "simpler", 1)

lw_names lw_io_formats(void);
int lw_io_format_parse(const char *name); /* -1 if unknown */
const char *lw_io_format_name(lw_program_format format);

/* Write atomically (temporary file + rename); path "-" or NULL = stdout. */
lw_status lw_io_write_program(const lw_program *prog, const char *path,
                              lw_program_format format, lw_error *err);
lw_status lw_io_read_program(const char *path, lw_program **prog,
                             lw_error *err);
void lw_program_free(lw_program *prog);

/* Program summary accessors for reports. */
uint32_t lw_program_row_size(const lw_program *prog);
uint32_t lw_program_latency(const lw_program *prog);
uint32_t lw_program_init_cycles(const lw_program *prog);
uint32_t lw_program_gate_cycles(const lw_program *prog);
double lw_program_toggle_estimate(const lw_program *prog);
/* Names a program carries. */
const char *lw_program_circuit(const lw_program *prog);
const char *lw_program_flow(const lw_program *prog);

#endif
