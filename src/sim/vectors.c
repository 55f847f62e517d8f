#include "sim/vectors.h"

uint64_t lw_sim_random_word(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t lw_sim_exhaustive_word(uint32_t i, uint64_t word) {
  /* the first six inputs vary inside a word, the others from word to word */
  static const uint64_t lane_bits[6] = {
      0xaaaaaaaaaaaaaaaaull, 0xccccccccccccccccull, 0xf0f0f0f0f0f0f0f0ull,
      0xff00ff00ff00ff00ull, 0xffff0000ffff0000ull, 0xffffffff00000000ull};
  if (i < 6)
    return lane_bits[i];
  return (word >> (i - 6)) & 1 ? ~(uint64_t)0 : 0;
}
