/* The row walk: docs/program.md's preconditions, checked on cell states, and
 * the bit-parallel execution that measures flips per cell. */
#include <stdarg.h>
#include <stdio.h>

#include "base/assert.h"
#include "sim/sim.h"

void lw_sim_issue(lw_sim_issues *issues, const char *fmt, ...) {
  if (!issues->count++) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(issues->first, sizeof issues->first, fmt, ap);
    va_end(ap);
  }
}

/* ---- preconditions ------------------------------------------------------- */

/* What a cell holds, as far as the rules care. */
enum { EMPTY, INPUT, INIT0, INIT1, VALUE };

static const char *state_text(uint8_t s) {
  static const char *const text[] = {"nothing", "an input", "0 from an INIT",
                                     "1 from an INIT", "a computed value"};
  return text[s];
}

typedef struct checker {
  const lw_program *prog;
  int allow_input_overwrite;
  lw_sim_issues *issues;
  uint8_t *state;    /* per cell */
  uint8_t *is_input; /* per cell */
  int simulable;
} checker;

static int in_row(checker *ch, uint32_t cell, const char *where) {
  if (cell < ch->prog->row_size)
    return 1;
  lw_sim_issue(ch->issues, "%s: cell %u is outside the row of %u cells", where,
               cell, ch->prog->row_size);
  ch->simulable = 0;
  return 0;
}

static int well_formed(checker *ch, const lw_op *op, const char *where) {
  if (op->type == LW_OP_INIT) {
    int ok = op->value <= 1;
    if (!ok)
      lw_sim_issue(ch->issues, "%s: INIT of value %u", where, op->value);
    for (uint32_t k = 0; k < op->ncells; k++)
      ok &= in_row(ch, lw_op_cells(ch->prog, op)[k], where);
    return ok;
  }
  if (op->type >= LW_GATE_COUNT || !lw_gate_is_stateful(op->type) ||
      op->nin != lw_gate_program_inputs(op->type)) {
    lw_sim_issue(ch->issues,
                 "%s: op of type %u with %u operands is not a "
                 "stateful gate",
                 where, op->type, op->nin);
    ch->simulable = 0;
    return 0;
  }
  int ok = 1;
  for (uint32_t k = 0; k < op->nin; k++)
    ok &= in_row(ch, op->in[k], where);
  return in_row(ch, op->out, where) && ok;
}

static void check_setup(checker *ch) {
  const lw_program *prog = ch->prog;
  uint8_t *seen = lw_alloc(prog->row_size);
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    char where[48];
    snprintf(where, sizeof where, "setup[%u]", i);
    if (op->type != LW_OP_INIT) {
      lw_sim_issue(ch->issues, "%s: only INIT may stand in the setup", where);
      ch->simulable = 0;
      continue;
    }
    if (!well_formed(ch, op, where))
      continue;
    for (uint32_t k = 0; k < op->ncells; k++) {
      uint32_t c = lw_op_cells(prog, op)[k];
      if (ch->is_input[c])
        lw_sim_issue(ch->issues, "%s: INIT writes input cell %u", where, c);
      else if (seen[c])
        lw_sim_issue(ch->issues,
                     "%s: cell %u is initialised twice in the "
                     "setup",
                     where, c);
      else
        ch->state[c] = op->value ? INIT1 : INIT0;
      seen[c] = 1;
    }
  }
  lw_free(seen);
}

static void check_write_input(checker *ch, uint32_t c, const char *where,
                              const char *what) {
  if (ch->is_input[c] && !ch->allow_input_overwrite)
    lw_sim_issue(ch->issues, "%s: %s overwrites input cell %u", where, what, c);
}

static void check_gate(checker *ch, const lw_op *op, const char *where) {
  const lw_gate_info *g = lw_gate(op->type);
  for (uint32_t k = 0; k < op->nin; k++) {
    if (ch->state[op->in[k]] == EMPTY)
      lw_sim_issue(ch->issues,
                   "%s: %s reads cell %u, which was never "
                   "written",
                   where, g->op, op->in[k]);
    if (op->in[k] == op->out)
      lw_sim_issue(ch->issues,
                   "%s: %s's output cell %u is also one of its "
                   "operands",
                   where, g->op, op->out);
  }
  uint8_t s = ch->state[op->out];
  if (g->over < 0) {
    uint8_t need = g->init ? INIT1 : INIT0;
    if (s != need)
      lw_sim_issue(ch->issues,
                   "%s: %s needs cell %u to hold %d from an INIT "
                   "since its last write, but it holds %s",
                   where, g->op, op->out, g->init, state_text(s));
  } else if (s == EMPTY) {
    lw_sim_issue(ch->issues,
                 "%s: %s overwrites cell %u, which holds no "
                 "value",
                 where, g->op, op->out);
  }
  check_write_input(ch, op->out, where, g->op);
  ch->state[op->out] = VALUE;
}

int lw_sim_row_check(const lw_program *prog, int allow_input_overwrite,
                     lw_sim_issues *issues) {
  uint32_t n = prog->row_size;
  checker ch = {
      prog, allow_input_overwrite, issues, lw_alloc(n + 1), lw_alloc(n + 1), 1};
  lw_vec_foreach (&prog->inputs, i) {
    const lw_pin *pin = &prog->inputs.data[i];
    char where[64];
    snprintf(where, sizeof where, "input %.40s", pin->name);
    if (!in_row(&ch, pin->cell, where))
      continue;
    if (ch.is_input[pin->cell])
      lw_sim_issue(issues, "%s: cell %u already holds another input", where,
                   pin->cell);
    ch.is_input[pin->cell] = 1;
    ch.state[pin->cell] = INPUT;
  }
  check_setup(&ch);
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    char where[32];
    snprintf(where, sizeof where, "T%u", i + 1);
    if (!well_formed(&ch, op, where))
      continue;
    if (op->type != LW_OP_INIT) {
      check_gate(&ch, op, where);
      continue;
    }
    for (uint32_t k = 0; k < op->ncells; k++) {
      uint32_t c = lw_op_cells(prog, op)[k];
      check_write_input(&ch, c, where, "INIT");
      ch.state[c] = op->value ? INIT1 : INIT0;
    }
  }
  lw_vec_foreach (&prog->outputs, i) {
    const lw_pin *pin = &prog->outputs.data[i];
    char where[64];
    snprintf(where, sizeof where, "output %.40s", pin->name);
    if (in_row(&ch, pin->cell, where) && ch.state[pin->cell] == EMPTY)
      lw_sim_issue(issues, "%s: cell %u was never written", where, pin->cell);
  }
  lw_free(ch.state);
  lw_free(ch.is_input);
  return ch.simulable;
}

/* ---- execution ----------------------------------------------------------- */

static uint64_t mask_of(const uint64_t *lane_mask, uint32_t w) {
  return lane_mask ? lane_mask[w] : ~(uint64_t)0;
}

/* Write W words into cell c, counting flips over a known old value. */
static void write_cell(uint64_t *cells, uint8_t *known, uint64_t *flips,
                       uint32_t W, const uint64_t *lane_mask, uint32_t c,
                       const uint64_t *words) {
  uint64_t *dst = cells + (size_t)W * c;
  uint64_t sum = 0;
  for (uint32_t w = 0; w < W; w++) {
    if (known[c])
      sum += (uint64_t)__builtin_popcountll((dst[w] ^ words[w]) &
                                            mask_of(lane_mask, w));
    dst[w] = words[w];
  }
  flips[c] += sum;
  known[c] = 1;
}

/* What lw_sim_row_check's "simulable" promises, and the run relies on to
 * stay inside its arrays: every op a stateful gate with its operand count
 * or an INIT, every cell in the row. The preconditions on cell contents
 * (a fresh cell's init value...) are the program's, reported by
 * lw_sim_row_check as issues, not invariants: an incorrect program from a
 * file is still run, so that verify can say which outputs go wrong. */
static void check_runnable(const lw_program *prog) {
  if (!LW_CHECKS_ON)
    return;
  uint32_t n = prog->row_size;
  lw_vec_foreach (&prog->inputs, j)
    LW_ASSERT(prog->inputs.data[j].cell < n);
  const lw_ops *lists[2] = {&prog->setup, &prog->cycles};
  for (int l = 0; l < 2; l++)
    lw_vec_foreach (lists[l], i) {
      const lw_op *op = &lists[l]->data[i];
      if (op->type == LW_OP_INIT) {
        LW_ASSERT(op->out + op->ncells <= prog->init_cells.size);
        for (uint32_t k = 0; k < op->ncells; k++)
          LW_ASSERT(lw_op_cells(prog, op)[k] < n);
        continue;
      }
      LW_ASSERT(l == 1 && op->type < LW_GATE_COUNT &&
                lw_gate_is_stateful(op->type) &&
                op->nin == lw_gate_program_inputs(op->type));
      for (uint32_t k = 0; k < op->nin; k++)
        LW_ASSERT(op->in[k] < n);
      LW_ASSERT(op->out < n);
    }
}

void lw_sim_row_run(const lw_program *prog, uint32_t W, const uint64_t *in,
                    const uint64_t *lane_mask, uint64_t *cells, uint64_t *flips,
                    uint64_t *setup_flips) {
  uint32_t n = prog->row_size;
  check_runnable(prog);
  uint8_t *known = lw_alloc(n);
  uint64_t *ones = lw_alloc(sizeof(uint64_t) * W * 2); /* [0..W) all 1 */
  uint64_t *zeros = ones + W;
  uint64_t *result = lw_alloc(sizeof(uint64_t) * W);
  for (uint32_t w = 0; w < W; w++)
    ones[w] = ~(uint64_t)0;
  memset(cells, 0, sizeof(uint64_t) * W * n);
  lw_vec_foreach (&prog->inputs, j) {
    uint32_t c = prog->inputs.data[j].cell;
    memcpy(cells + (size_t)W * c, in + (size_t)W * j, sizeof(uint64_t) * W);
    known[c] = 1;
  }
  /* the setup is the starting state: no flips of its own in this run */
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    for (uint32_t k = 0; k < op->ncells; k++) {
      uint32_t c = lw_op_cells(prog, op)[k];
      memcpy(cells + (size_t)W * c, op->value ? ones : zeros,
             sizeof(uint64_t) * W);
      known[c] = 1;
    }
  }
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    if (op->type == LW_OP_INIT) {
      for (uint32_t k = 0; k < op->ncells; k++)
        write_cell(cells, known, flips, W, lane_mask, lw_op_cells(prog, op)[k],
                   op->value ? ones : zeros);
      continue;
    }
    /* composite gates read their overwritten cell as the last fanin */
    int over = lw_gate(op->type)->over >= 0;
    uint32_t nf = op->nin + (uint32_t)over;
    for (uint32_t w = 0; w < W; w++) {
      uint64_t x[LW_GATE_MAX_FANIN];
      for (uint32_t k = 0; k < op->nin; k++)
        x[k] = cells[(size_t)W * op->in[k] + w];
      if (over)
        x[op->nin] = cells[(size_t)W * op->out + w];
      result[w] = lw_gate_eval(op->type, x, nf);
    }
    write_cell(cells, known, flips, W, lane_mask, op->out, result);
  }
  /* steady state: the next run's setup rewrites these cells */
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    for (uint32_t k = 0; k < op->ncells; k++) {
      uint32_t c = lw_op_cells(prog, op)[k];
      uint64_t want = op->value ? ~(uint64_t)0 : 0, sum = 0;
      for (uint32_t w = 0; w < W; w++)
        sum += (uint64_t)__builtin_popcountll(
            (cells[(size_t)W * c + w] ^ want) & mask_of(lane_mask, w));
      setup_flips[c] += sum;
    }
  }
  lw_free(known);
  lw_free(ones);
  lw_free(result);
}
