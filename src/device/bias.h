/* The bias table: which voltage goes on which line for each gate, the
 * pulse, RS and the logic gaps. It is data (a small text format, see
 * docs/device.md); the built-in tables are written in the same format. */
#ifndef LW_DEVICE_BIAS_H
#define LW_DEVICE_BIAS_H

#include <stdint.h>

#include "lowwear/status.h"

#define LW_BIAS_MAX_ROWS 32
#define LW_BIAS_NAME 64

typedef struct lw_bias_row {
  char gate[16];
  double v_in, v_out;        /* V on the input lines and the output line */
  int in_orient, out_orient; /* +1 top electrode on the line, -1 reversed */
  double out_gap;            /* m; 0 = hrs or lrs by the gate's init */
  int line;                  /* where it was read, for messages */
} lw_bias_row;

typedef struct lw_bias {
  char name[LW_BIAS_NAME];
  double rs;               /* ohm, X to the return node */
  double v_return;         /* V on the return node during the pulse */
  double edge;             /* s, rise and fall */
  double pulse;            /* s, flat top */
  double hrs, lrs;         /* m, initial gaps for logic 0 and 1 */
  double read;             /* m, gaps below read 1 */
  double gap_min, gap_max; /* m, model bounds */
  /* V on a cell's line for a program's INIT 1 (through RS, which limits
   * the set) and INIT 0 (the row wire held at the return node: a reset
   * stops by itself) */
  double v_set, v_reset;
  uint32_t nrows;
  lw_bias_row rows[LW_BIAS_MAX_ROWS];
} lw_bias;

/* "recommended" (docs/device.md 4.2) or "paper" (5.1); LW_ERR_USAGE otherwise.
 */
lw_status lw_bias_builtin(const char *name, lw_bias *bias, lw_error *err);
/* A built-in name, else a file. */
lw_status lw_bias_load(const char *name_or_path, lw_bias *bias, lw_error *err);
/* Parse the text of a bias table; file names it in messages. */
lw_status lw_bias_parse(const char *text, const char *file, lw_bias *bias,
                        lw_error *err);
/* The row of a gate, or NULL. */
const lw_bias_row *lw_bias_find(const lw_bias *bias, const char *gate);

#endif
