/* The names of the rotate modes (the table of lowwear/rotate.h). */
#include "base/names.h"
#include "lowwear/rotate.h"

LW_NAMES_DEFINE(lw_rotate_mode, lw_rotate_modes, lw_rotate_mode,
                LW_ROTATE_MODES)
