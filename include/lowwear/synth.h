/* Synthesis: the circuit mapped by ABC into a netlist of the gate table's
 * cells under a gate set and a cost model (each by name). */
#ifndef LOWWEAR_SYNTH_H
#define LOWWEAR_SYNTH_H

#include <stdint.h>

#include "lowwear/abc.h"
#include "lowwear/io.h"
#include "lowwear/names.h"
#include "lowwear/status.h"

/* How genlib areas are set from the gate table. */
typedef enum lw_cost_model {
  LW_COST_SIMPLER, /* SIMPLER MAGIC's own library: inv1 1, nor2 2 */
  LW_COST_TOGGLE,  /* area = toggle rate */
  LW_COST_EQUAL,   /* area = 1 */
  LW_COST_WEAR,    /* area = toggle rate + 0.5: a gate's fresh cell is
                      re-initialised (0.5 expected flips) once the row is
                      reused; composites, which need no cell, are not
                      offered to ABC */
} lw_cost_model;

typedef enum lw_gate_set {
  LW_GATES_NOR,   /* NOT, NOR2 (SIMPLER MAGIC) */
  LW_GATES_PAPER, /* NOT, NOR2, OR2 */
  LW_GATES_WIDE,  /* paper + NOR3/4, OR3/4 */
} lw_gate_set;

/* The names --cost and --gates take. LW_COST_SIMPLER and LW_GATES_NOR are the
 * simpler flow's own and have none. */
#define LW_COST_MODELS(X)                                                      \
  X(LW_COST_TOGGLE, "toggle", 1)                                               \
  X(LW_COST_WEAR, "wear", 1)                                                   \
  X(LW_COST_EQUAL, "equal", 1)                                                 \
  X(LW_COST_SIMPLER, "simpler", 2)
#define LW_GATE_SETS(X)                                                        \
  X(LW_GATES_PAPER, "paper", 1)                                                \
  X(LW_GATES_WIDE, "wide", 1)                                                  \
  X(LW_GATES_NOR, "nor", 2)

lw_names lw_synth_costs(void);
int lw_synth_cost_parse(const char *name); /* -1 if unknown */
const char *lw_synth_cost_name(lw_cost_model cost);
lw_names lw_synth_gate_sets(void);
int lw_synth_gate_set_parse(const char *name); /* -1 if unknown */
const char *lw_synth_gate_set_name(lw_gate_set gates);

/* Whether a circuit is synthesized by ABC or is already mapped (--synth). */
typedef enum lw_synth_mode {
  LW_SYNTH_ABC,
  LW_SYNTH_NONE,
} lw_synth_mode;

#define LW_SYNTH_ABC_NAME "abc"
#define LW_SYNTH_NONE_NAME "none"
#define LW_SYNTH_MODES(X)                                                      \
  X(LW_SYNTH_ABC, LW_SYNTH_ABC_NAME, 1)                                        \
  X(LW_SYNTH_NONE, LW_SYNTH_NONE_NAME, 1)

lw_names lw_synth_modes(void);
int lw_synth_mode_parse(const char *name); /* -1 if unknown */
const char *lw_synth_mode_name(lw_synth_mode mode);

typedef struct lw_synth_params {
  lw_abc_params abc;  /* the ABC executable and its time limit */
  const char *script; /* NULL: the flow's default script */
  lw_cost_model cost;
  lw_gate_set gates;
  int max_inputs; /* widest NOR/OR offered with LW_GATES_WIDE: 3 or 4 */
  /* logic nodes of the circuit (0: unknown); above LW_SYNTH_LARGE the
   * default low-wear scripts map without structural choices */
  uint32_t size_hint;
} lw_synth_params;

#define LW_SYNTH_LARGE 100000

typedef struct lw_synth_stats {
  double seconds;
  uint32_t gates;
  int alternative, alternatives; /* the one kept (0-based), of how many */
} lw_synth_stats;

/* Most alternatives a script may offer (PREFIX; {A | B | ...}). */
#define LW_SYNTH_MAX_ALTS 8

lw_synth_params lw_synth_params_default(void);
/* Synthesize the circuit (as read: ABC gets it written as BLIF, never the
 * user's file) with ABC into a netlist of library cells: with a script of
 * alternatives, the one of least total area. */
lw_status lw_synth_run(const lw_net *circuit, const lw_synth_params *params,
                       lw_synth_stats *stats, lw_net **mapped, lw_error *err);
/* The same, keeping every alternative's netlist: nets[0..*count) in the
 * script's order (nets holds LW_SYNTH_MAX_ALTS); stats->alternative is the
 * one lw_synth_run would keep. */
lw_status lw_synth_run_all(const lw_net *circuit, const lw_synth_params *params,
                           lw_synth_stats *stats, lw_net **nets, int *count,
                           lw_error *err);
/* The script used when params->script is NULL. A script is ABC commands
 * separated by ';', optionally ending with alternatives in braces,
 * PREFIX; {A | B | ...}: each alternative runs from the state after PREFIX
 * and the netlist of least total area under the cost model is kept. */
const char *lw_synth_default_script(const lw_synth_params *params);
/* Number of alternatives of a script (1 without braces), -1 if malformed. */
int lw_synth_alternatives(const char *script);
/* The ABC executable to use (params path, or found on the PATH); NULL with
 * an error when there is none. */
const char *lw_synth_find_abc(const char *abc_path, lw_error *err);

#endif
