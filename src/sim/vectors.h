/* Input vectors for the simulators: one 64-lane word of input i, either of
 * the exhaustive enumeration or random (splitmix64: fast, seedable and the
 * same on every machine). */
#ifndef LW_SIM_VECTORS_H
#define LW_SIM_VECTORS_H

#include <stdint.h>

uint64_t lw_sim_random_word(uint64_t *state);
/* Word `word` (lanes 64*word .. 64*word+63) of input i in the exhaustive
 * order: input i of lane l is bit i of l. */
uint64_t lw_sim_exhaustive_word(uint32_t i, uint64_t word);

#endif
