/* The names of synthesis choices: cost models, gate sets, synthesis modes
 * (the tables of lowwear/synth.h). */
#include "base/names.h"
#include "lowwear/synth.h"

LW_NAMES_DEFINE(lw_synth_cost, lw_synth_costs, lw_cost_model, LW_COST_MODELS)
LW_NAMES_DEFINE(lw_synth_gate_set, lw_synth_gate_sets, lw_gate_set,
                LW_GATE_SETS)
LW_NAMES_DEFINE(lw_synth_mode, lw_synth_modes, lw_synth_mode, LW_SYNTH_MODES)
