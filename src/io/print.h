/* The printers of io/: a JSON string escaper and a double printer whose
 * text reads back as the same double (shared by the program writers,
 * program_json.c and program_text.c, and by sim/'s JSON reports), the
 * provenance line, and the program's text forms. */
#ifndef LW_IO_PRINT_H
#define LW_IO_PRINT_H

#include <stdio.h>

#include "lowwear/status.h"
#include "net/program.h"

/* Shortest "%.Ng" text of x that strtod reads back exactly; NaN and
 * infinities (not JSON) as null. buf must hold 32 bytes. */
void lw_io_double_text(double x, char *buf);
/* s as a JSON string literal, quotes included. */
void lw_io_json_string(FILE *f, const char *s);

/* prog->prov as one line of JSON, {"lowwear": "0.1.0", "flow": ...}
 * (docs/program.md "Provenance"); nothing when none is recorded. Shared by
 * the JSON and the text forms. */
void lw_io_print_provenance(FILE *f, const lw_provenance *prov);

/* The text forms (docs/program.md "Text forms"); they return LW_ERR_INTERNAL
 * when the program holds an op that is not a stateful gate or INIT. */
lw_status lw_io_print_program_text(const lw_program *prog, FILE *f,
                                   lw_error *err);
lw_status lw_io_print_program_simpler(const lw_program *prog, FILE *f,
                                      lw_error *err);

#endif
