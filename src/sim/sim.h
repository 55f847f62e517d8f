/* Bit-parallel simulation: W 64-bit words per object in one
 * flat array, addressed as sims + W*id. The netlist walk and the row walk
 * share the gate table's evaluation (lw_gate_eval). */
#ifndef LW_SIM_SIM_H
#define LW_SIM_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "net/net.h"
#include "net/program.h"

/* Simulate net in `order` (from lw_net_topo). The caller fills the words of
 * every PI (sims + W*pi); every other node's words are computed. */
void lw_sim_net(const lw_net *net, const lw_u32s *order, uint32_t W,
                uint64_t *sims);
/* lw_sim_net on W words of random inputs: each PI's words in turn, in PI
 * order, from lw_sim_random_word seeded with `seed`. *sims (W words per
 * node, lw_free) receives every node's words. */
lw_status lw_sim_net_random(const lw_net *net, uint32_t W, uint64_t seed,
                            uint64_t **sims, lw_error *err);

/* Violations of docs/program.md found without simulating: the cell states a
 * program goes through do not depend on the data. */
typedef struct lw_sim_issues {
  uint32_t count;
  char first[512];
} lw_sim_issues;

/* Record one violation (the first message is kept). */
void lw_sim_issue(lw_sim_issues *issues, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Check every precondition of docs/program.md on prog. Returns 1 when the
 * program can be simulated (every op well formed, every cell in the row),
 * whether or not it broke a precondition. */
int lw_sim_row_check(const lw_program *prog, int allow_input_overwrite,
                     lw_sim_issues *issues);

/* Run prog on W words of lanes: in[W*j + w] is program input j. cells
 * (row_size*W words) receives the final row. Per cell, flips[c] gets the
 * bit flips during the cycles and setup_flips[c] those of writing the setup
 * over the final row (steady state), both summed over the lanes in
 * lane_mask (per word; NULL = all). Only for programs lw_sim_row_check
 * accepts. */
void lw_sim_row_run(const lw_program *prog, uint32_t W, const uint64_t *in,
                    const uint64_t *lane_mask, uint64_t *cells, uint64_t *flips,
                    uint64_t *setup_flips);

#endif
