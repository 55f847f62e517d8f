/* One ABC executable and time limit for every stage of a flow. */
#include "lowwear/flow.h"

void lw_flow_params_set_abc(lw_flow_params *params, lw_abc_params abc) {
  params->read.abc = abc;
  params->synth.abc = abc;
  params->verify_params.abc = abc;
}
