/* The program viewer page (docs/view.md): one self-contained HTML file that
 * shows a program cycle by cycle, the row as columns, the measured wear per
 * cell, and simulates the row in the browser for an input vector. */
#ifndef LOWWEAR_PAGE_H
#define LOWWEAR_PAGE_H

#include <stdint.h>

#include "lowwear/lowwear.h"

typedef struct lw_page_params {
  int wear;                /* measure flips per cell (lw_wear_measure) */
  uint32_t random_vectors; /* for that measurement: 4096 */
  uint64_t seed;           /* 1 */
} lw_page_params;

lw_page_params lw_page_params_default(void);
/* The program is simulated against the circuit first (no ABC): an
 * incorrect program gets no page (LW_ERR_VERIFY). The page is written
 * atomically to path: no file, or the whole page. */
lw_status lw_page_write(const lw_net *circuit, const lw_program *prog,
                        const lw_page_params *params, const char *path,
                        lw_error *err);

#endif
