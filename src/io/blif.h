/* The native BLIF reader's two halves and what they share: parsing
 * (blif_read.c) fills a list of definitions, one per .names or .gate;
 * building (blif_build.c) turns each into nodes once every signal is
 * known, because BLIF may read a signal before the line that drives it. */
#ifndef LW_IO_BLIF_H
#define LW_IO_BLIF_H

#include "io/read.h"

typedef struct lw_blif_token {
  const char *s;
  uint32_t n;
} lw_blif_token;
LW_VEC_DEFINE(lw_blif_tokens, lw_blif_token);

/* One .names or .gate. A cover is ncubes rows of nfanin chars in `cubes`. */
typedef struct lw_blif_def {
  uint32_t out, line;
  uint32_t fanin, nfanin; /* offset into parser.fanins (signal indices) */
  uint32_t cube, ncubes;  /* offset into parser.cubes */
  int onset;              /* 1 ON-set, 0 OFF-set, -1 no cover line yet */
  lw_gate_type gate;      /* LW_GATE_COUNT for a .names */
} lw_blif_def;
LW_VEC_DEFINE(lw_blif_defs, lw_blif_def);

typedef struct lw_blif_signal {
  uint32_t def1;      /* driving def + 1; 0 = none */
  uint32_t pi1;       /* input number + 1; 0 = not an input */
  uint32_t read_line; /* first line that reads it; 0 = never read */
  uint32_t po_line;   /* line of .outputs that lists it; 0 = not an output */
} lw_blif_signal;
LW_VEC_DEFINE(lw_blif_signals, lw_blif_signal);

typedef struct lw_blif_parser {
  const char *path, *end, *pos;
  uint32_t line; /* physical line at pos */
  const lw_read_params *params;
  lw_blif_mode mode;
  lw_error *err;
  char *model;
  lw_io_names names;
  lw_blif_signals sig;
  lw_u32s pis, pos_sig, pos_line;
  lw_blif_defs defs;
  lw_u32s fanins;
  lw_chars cubes;
  lw_blif_tokens tok;
} lw_blif_parser;

/* A parse error at `line` of the file (0: none). */
lw_status lw_io_blif_fail(const lw_blif_parser *p, uint32_t line,
                          const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A warning at `line` (0: none) through params->warn, if there is one. */
void lw_io_blif_warn(const lw_blif_parser *p, uint32_t line, const char *msg);

/* The netlist of a parsed model: checks that every signal an output depends
 * on is driven (yosys's undriven $true, $false and $undef are constants; an
 * undriven signal no output depends on is 0, with a warning), orders the
 * definitions and builds their nodes. */
lw_status lw_io_blif_build(lw_blif_parser *p, lw_net **out);

#endif
