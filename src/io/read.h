/* Internals shared by the circuit readers: the file loader, a name table,
 * and the two parsers that circuit_read.c dispatches to. The parsers work on
 * text in memory so that the fuzz harnesses can call them without files. */
#ifndef LW_IO_READ_H
#define LW_IO_READ_H

#include <stddef.h>

#include "base/vec.h"
#include "lowwear/lowwear.h"
#include "net/net.h"

/* Strings to dense indices 0, 1, 2 ... in order of first insertion (open
 * addressing; the netlists have up to a few 100k names). Zero-initialise. */
typedef struct lw_io_names {
  lw_chars text;  /* the strings, each NUL-terminated */
  lw_u32s offset; /* per index: offset into text */
  uint32_t *slot; /* index + 1, 0 = empty */
  uint32_t nslot; /* power of two */
} lw_io_names;

/* Index of s[0..n), or LW_NONE. */
uint32_t lw_io_names_find(const lw_io_names *t, const char *s, size_t n);
/* Index of s[0..n), inserted if new; *fresh (may be NULL) says which. */
uint32_t lw_io_names_intern(lw_io_names *t, const char *s, size_t n,
                            int *fresh);
#define lw_io_names_str(t, i) ((t)->text.data + (t)->offset.data[i])
#define lw_io_names_size(t) ((t)->offset.size)
void lw_io_names_free(lw_io_names *t);

/* What messages call standard input, read when a path is "-". */
#define LW_STDIN_NAME "<stdin>"

/* The whole file, NUL-terminated (the NUL is not counted in text->size).
 * LW_ERR_IO naming the path when it cannot be read. */
lw_status lw_io_slurp(const char *path, lw_chars *text, lw_error *err);

/* BLIF. In LW_BLIF_CIRCUIT mode node ids follow the file (inputs, then each
 * .names/.gate with its helper nodes); in LW_BLIF_MAPPED mode only cells,
 * constants and single-literal covers are allowed and ids are SIMPLER's:
 * inputs, gates that drive no output in file order, then the outputs in
 * .outputs order. Messages name `path`; warnings go to params->warn. */
typedef enum lw_blif_mode { LW_BLIF_CIRCUIT, LW_BLIF_MAPPED } lw_blif_mode;
lw_status lw_io_blif_parse(const char *path, const char *text, size_t len,
                           lw_blif_mode mode, const lw_read_params *params,
                           lw_net **net, lw_error *err);

/* ABC's structural Verilog of a mapped network (write_verilog). Ids: inputs,
 * then the wire list, then the output list, all in declaration order. */
lw_status lw_io_verilog_parse(const char *path, const char *text, size_t len,
                              lw_net **net, lw_error *err);

#endif
