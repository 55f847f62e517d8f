/* The names of formats: circuits in, programs out (the tables of
 * lowwear/io.h and lowwear/program.h). */
#include "base/names.h"
#include "lowwear/io.h"
#include "lowwear/program.h"

LW_NAMES_DEFINE(lw_io_input_format, lw_io_input_formats, lw_input_format,
                LW_INPUT_FORMATS)
LW_NAMES_DEFINE(lw_io_format, lw_io_formats, lw_program_format,
                LW_PROGRAM_FORMATS)
