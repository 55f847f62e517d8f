/* Netlist simulation for the tests, written apart from src/sim so that a
 * stage's result is not judged by code of the same library: 64 input vectors
 * at once, one per bit lane, and the two checks built on it. */
#ifndef LW_NET_CHECK_H
#define LW_NET_CHECK_H

#include <stdint.h>

#include "net/net.h"

/* Every node's value (indexed by node id; free it) when primary input i
 * holds pi[i]. */
uint64_t *lw_test_net_values(const lw_net *net, const uint64_t *pi);
/* The same, for the primary outputs only: po[i] for output i. */
void lw_test_net_outputs(const lw_net *net, const uint64_t *pi, uint64_t *po);

/* Fail unless a and b have the same inputs and outputs (count and names, in
 * order) and compute the same outputs: on every assignment up to 16 inputs,
 * on 256 x 64 random ones beyond. */
#define assert_equivalent(a, b) lw_test_equivalent_at(a, b, __FILE__, __LINE__)
/* Fail unless net keeps the rewrite stage's contract (a)-(c) with the mapper
 * (rewrite/rewrite.h), checked apart from the stage's own bookkeeping. */
#define assert_contract(net) lw_test_contract_at(net, __FILE__, __LINE__)

void lw_test_equivalent_at(const lw_net *a, const lw_net *b, const char *file,
                           int line);
void lw_test_contract_at(const lw_net *net, const char *file, int line);

#endif
