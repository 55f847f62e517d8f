/* The genlib handed to ABC, generated from the gate table and a cost model. */
#ifndef LW_SYNTH_GENLIB_H
#define LW_SYNTH_GENLIB_H

#include "base/vec.h"
#include "lowwear/lowwear.h"
#include "net/gate.h"
#include "net/net.h"

/* 1 when the gate set offers gate t to ABC; max_inputs (0 = no limit)
 * bounds the width of the wide gates. */
int lw_genlib_offers(lw_gate_set set, int max_inputs, lw_gate_type t);
/* Area of gate t under the cost model. */
double lw_genlib_area(lw_cost_model cost, lw_gate_type t);
/* Total area of a mapped net under the cost model (ABC's objective). */
double lw_genlib_net_area(const lw_net *net, lw_cost_model cost);
/* Append the genlib text to out (NUL-terminated). */
void lw_genlib_write(lw_gate_set set, int max_inputs, lw_cost_model cost,
                     lw_chars *out);

#endif
