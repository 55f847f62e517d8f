/* Rotation: program variants that move the work cells across runs so that
 * a row cycling through them levels wear; the rotate modes by name. */
#ifndef LOWWEAR_ROTATE_H
#define LOWWEAR_ROTATE_H

#include <stdint.h>

#include "lowwear/names.h"
#include "lowwear/program.h"
#include "lowwear/status.h"
#include "lowwear/wear.h"

/* How --rotate R makes its variants: lw_program_level (balanced by measured
 * wear, or shifted when that is better) or lw_program_rotate (shifted). */
typedef enum lw_rotate_mode {
  LW_ROTATE_LEVEL,
  LW_ROTATE_SHIFT,
} lw_rotate_mode;

#define LW_ROTATE_LEVEL_NAME "level"
#define LW_ROTATE_SHIFT_NAME "shift"
#define LW_ROTATE_MODES(X)                                                     \
  X(LW_ROTATE_LEVEL, LW_ROTATE_LEVEL_NAME, 1)                                  \
  X(LW_ROTATE_SHIFT, LW_ROTATE_SHIFT_NAME, 1)

lw_names lw_rotate_modes(void);
int lw_rotate_mode_parse(const char *name); /* -1 if unknown */
const char *lw_rotate_mode_name(lw_rotate_mode mode);

/* Variant k of r: the program with its work cells (every cell that is not
 * an input cell) rotated by k*m/r places among the m work cells. Input
 * cells stay where they are (docs/program.md: they are fixed data). A row that
 * cycles through the r variants spreads the wear of each logical cell over
 * r physical ones. */
lw_status lw_program_rotate(const lw_program *prog, uint32_t k, uint32_t r,
                            lw_program **out, lw_error *err);

/* r variants (variants[0..r) receives them) that level wear better than a
 * plain rotation. From the program's measured flips per cell, variant by
 * variant, the hottest work cells go to the physical cells with the fewest
 * flips so far (greedy balancing), either among cells of the same setup
 * value or among all work cells. These two cycles and lw_program_rotate's
 * are measured in steady state (params: the vectors; NULL = defaults) and
 * the best is returned. Input cells never move. */
lw_status lw_program_level(const lw_program *prog, uint32_t r,
                           const lw_wear_params *params, lw_program **variants,
                           lw_error *err);

#endif
