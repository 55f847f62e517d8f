/* A proof of equivalence with ABC: the program is rebuilt as a netlist
 * (one BLIF .names per cycle over versioned cell signals) and ABC's `cec`
 * compares it with the circuit netlist as read, written as BLIF. */
#ifndef LW_SIM_CEC_H
#define LW_SIM_CEC_H

#include <stdio.h>

#include "lowwear/lowwear.h"
#include "net/net.h"
#include "net/program.h"

/* The program as BLIF, with the circuit's PI and PO names and order. The
 * program must pass lw_sim_row_check and name every PI and PO. */
void lw_sim_write_rebuilt_blif(const lw_net *circuit, const lw_program *prog,
                               FILE *f);

/* Run `cec circuit.blif rebuilt.blif`; *equivalent says ABC's verdict.
 * LW_ERR_ABC when ABC is missing, crashes, times out or gives no verdict. */
lw_status lw_sim_cec(const lw_net *circuit, const lw_program *prog,
                     const lw_verify_params *params, int *equivalent,
                     lw_error *err);

#endif
