/* Renaming a program's work cells (rotate.c), for the rotated variants and
 * for levelling them by measured wear (sim/level.c). */
#ifndef LW_MAP_ROTATE_H
#define LW_MAP_ROTATE_H

#include <stdint.h>

#include "lowwear/status.h"
#include "net/program.h"

/* The program with every cell c < row_size renamed perm[c] (a bijection
 * that fixes the input cells). */
lw_program *lw_map_relabel(const lw_program *prog, const uint32_t *perm);
/* LW_OK when variant k of r exists and the input cells lie in the row. */
lw_status lw_map_check_variant(const lw_program *prog, uint32_t k, uint32_t r,
                               lw_error *err);

#endif
