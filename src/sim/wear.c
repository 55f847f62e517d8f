/* Measured wear in steady state: a row runs its program (or a cycle of
 * rotated variants) again and again; each run's setup is written over the
 * previous run's final row, so its flips count. Lanes are independent rows:
 * each input vector runs through every variant, which by linearity gives
 * the same expected flips as fresh vectors per run. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "lowwear/wear.h"
#include "net/program.h"
#include "sim/vectors.h"

lw_wear_params lw_wear_params_default(void) {
  lw_wear_params p;
  memset(&p, 0, sizeof p);
  p.random_vectors = 4096;
  p.exhaustive_max = 16;
  p.seed = 1;
  p.cycle_time_s = 1e-6;
  p.nendurance = 3;
  p.endurance[0] = 1e6;
  p.endurance[1] = 1e9;
  p.endurance[2] = 1e12;
  return p;
}

void lw_wear_report_free(lw_wear_report *report) {
  if (!report)
    return;
  lw_free(report->cell_flips);
  lw_free(report->event_step);
  lw_free(report->event_cell);
  lw_free(report->event_flips);
  memset(report, 0, sizeof *report);
}

/* ---- input vectors ------------------------------------------------------- */

typedef struct trace {
  uint32_t nin;
  uint64_t count;
  lw_chars bits; /* count x nin, one char 0/1 each */
} trace;

/* docs/wear.md "Trace format": one vector per line, a 0 or 1 per input in
 * the program's input order; blanks and '_' ignored, '#' to end of line is
 * a comment, empty lines skipped. */
static lw_status read_trace(const char *path, uint32_t nin, trace *t,
                            lw_error *err) {
  FILE *f = fopen(path, "r");
  if (!f)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot open the trace");
  t->nin = nin;
  char line[65536];
  int lineno = 0;
  lw_status st = LW_OK;
  while (st == LW_OK && fgets(line, sizeof line, f)) {
    lineno++;
    if (!strchr(line, '\n') && !feof(f)) {
      st = lw_error_set(err, LW_ERR_PARSE, path, lineno, "line too long");
      break;
    }
    uint32_t got = 0;
    uint32_t start = t->bits.size;
    for (char *p = line; *p && *p != '#'; p++) {
      if (*p == '0' || *p == '1') {
        lw_vec_push(&t->bits, *p);
        got++;
      } else if (!(*p == ' ' || *p == '\t' || *p == '_' || *p == '\r' ||
                   *p == '\n')) {
        st = lw_error_set(err, LW_ERR_PARSE, path, lineno,
                          "unexpected character '%c' in an input vector", *p);
        break;
      }
    }
    if (st == LW_OK && got && got != nin)
      st = lw_error_set(err, LW_ERR_PARSE, path, lineno,
                        "%u bits, but the program has %u inputs", got, nin);
    if (st != LW_OK || !got)
      t->bits.size = start;
    else
      t->count++;
  }
  fclose(f);
  if (st == LW_OK && !t->count)
    st = lw_error_set(err, LW_ERR_PARSE, path, 0, "no input vector");
  return st;
}

/* Fill in[W*j + w] for lanes base .. base+64W and the mask of real lanes. */
static void fill_inputs(uint64_t *in, uint64_t *mask, uint32_t nin, uint32_t W,
                        uint64_t base, uint64_t total, int exhaustive,
                        const trace *t, uint64_t *rng) {
  for (uint32_t w = 0; w < W; w++) {
    uint64_t first = base + 64ull * w;
    uint64_t left = first < total ? total - first : 0;
    mask[w] = left >= 64 ? ~(uint64_t)0 : (1ull << left) - 1;
  }
  for (uint32_t j = 0; j < nin; j++)
    for (uint32_t w = 0; w < W; w++) {
      uint64_t *x = &in[(size_t)W * j + w];
      uint64_t word = base / 64 + w;
      if (t) {
        *x = 0;
        for (uint32_t b = 0; b < 64; b++) {
          uint64_t lane = 64 * word + b;
          if (lane < t->count && t->bits.data[lane * t->nin + j] == '1')
            *x |= 1ull << b;
        }
      } else if (exhaustive) {
        *x = lw_sim_exhaustive_word(j, word);
      } else {
        *x = lw_sim_random_word(rng);
      }
    }
}

/* ---- the row ------------------------------------------------------------- */

typedef struct runner {
  uint32_t W, n;
  uint64_t *cells; /* n x W words, carried from run to run */
  uint64_t *mask;  /* W: lanes that count */
  uint64_t *ones, *zeros, *result;
  uint64_t *cycle_flips, *setup_flips; /* per cell */
  uint64_t *events;                    /* per event of the first variant */
} runner;

static uint64_t write_cell(runner *r, uint32_t c, const uint64_t *words) {
  uint64_t *dst = r->cells + (size_t)r->W * c, sum = 0;
  for (uint32_t w = 0; w < r->W; w++) {
    sum += (uint64_t)__builtin_popcountll((dst[w] ^ words[w]) & r->mask[w]);
    dst[w] = words[w];
  }
  return sum;
}

/* One run of prog: inputs loaded (not counted: they are the row's data),
 * setup written over the row as it is, then the cycles. `count` 0 is the
 * warm-up that only sets the row's state. ev: event counters or NULL. */
static void run_once(runner *r, const lw_program *prog, const uint64_t *in,
                     int count, uint64_t *ev) {
  uint32_t W = r->W;
  lw_vec_foreach (&prog->inputs, j)
    memcpy(r->cells + (size_t)W * prog->inputs.data[j].cell, in + (size_t)W * j,
           sizeof(uint64_t) * W);
  uint32_t e = 0;
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    for (uint32_t k = 0; k < op->ncells; k++) {
      uint32_t c = lw_op_cells(prog, op)[k];
      uint64_t f = write_cell(r, c, op->value ? r->ones : r->zeros);
      if (count)
        r->setup_flips[c] += f;
      if (ev)
        ev[e++] += f;
    }
  }
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    if (op->type == LW_OP_INIT) {
      for (uint32_t k = 0; k < op->ncells; k++) {
        uint32_t c = lw_op_cells(prog, op)[k];
        uint64_t f = write_cell(r, c, op->value ? r->ones : r->zeros);
        if (count)
          r->cycle_flips[c] += f;
        if (ev)
          ev[e++] += f;
      }
      continue;
    }
    int over = lw_gate(op->type)->over >= 0;
    for (uint32_t w = 0; w < W; w++) {
      uint64_t x[LW_GATE_MAX_FANIN];
      for (uint32_t k = 0; k < op->nin; k++)
        x[k] = r->cells[(size_t)W * op->in[k] + w];
      if (over)
        x[op->nin] = r->cells[(size_t)W * op->out + w];
      r->result[w] = lw_gate_eval(op->type, x, op->nin + (uint32_t)over);
    }
    uint64_t f = write_cell(r, op->out, r->result);
    if (count)
      r->cycle_flips[op->out] += f;
    if (ev)
      ev[e++] += f;
  }
}

/* Events of a program: every cell write of setup and cycles, in order. */
static uint32_t count_events(const lw_program *prog, uint32_t *step,
                             uint32_t *cell) {
  uint32_t e = 0;
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    for (uint32_t k = 0; k < op->ncells; k++, e++)
      if (step) {
        step[e] = 0;
        cell[e] = lw_op_cells(prog, op)[k];
      }
  }
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    uint32_t m = op->type == LW_OP_INIT ? op->ncells : 1;
    for (uint32_t k = 0; k < m; k++, e++)
      if (step) {
        step[e] = i + 1;
        cell[e] = op->type == LW_OP_INIT ? lw_op_cells(prog, op)[k] : op->out;
      }
  }
  return e;
}

static lw_status check_variants(const lw_program *const *v, uint32_t n,
                                lw_error *err) {
  if (!n)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0, "no program to measure");
  for (uint32_t k = 1; k < n; k++) {
    int same = v[k]->row_size == v[0]->row_size &&
               v[k]->inputs.size == v[0]->inputs.size;
    for (uint32_t j = 0; same && j < v[0]->inputs.size; j++)
      same = v[k]->inputs.data[j].cell == v[0]->inputs.data[j].cell;
    if (!same)
      return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                          "variant %u has another row size or other input "
                          "cells than variant 0",
                          k);
  }
  return LW_OK;
}

/* Hottest cell, mean and spread over the work cells, lifetimes. */
static void summarise(const lw_program *prog, const lw_wear_params *p,
                      lw_wear_report *rep) {
  uint32_t n = rep->ncells;
  uint8_t *is_input = lw_alloc(n + 1);
  lw_vec_foreach (&prog->inputs, j)
    is_input[prog->inputs.data[j].cell] = 1;
  double sum = 0, sq = 0;
  for (uint32_t c = 0; c < n; c++) {
    double x = rep->cell_flips[c];
    rep->cells_written += x > 0;
    if (x > rep->hottest_flips) {
      rep->hottest_flips = x;
      rep->hottest_cell = c;
    }
    if (is_input[c])
      continue;
    rep->work_cells++;
    sum += x;
    sq += x * x;
  }
  if (rep->work_cells) {
    rep->mean_flips = sum / rep->work_cells;
    double var = sq / rep->work_cells - rep->mean_flips * rep->mean_flips;
    rep->stddev_flips = var > 0 ? sqrt(var) : 0;
  }
  rep->hot_ratio =
      rep->mean_flips > 0 ? rep->hottest_flips / rep->mean_flips : 0;
  rep->cycle_time_s = p->cycle_time_s;
  rep->run_seconds = (rep->setup_cycles + rep->latency) * p->cycle_time_s;
  rep->nendurance = p->nendurance;
  for (uint32_t i = 0; i < p->nendurance; i++) {
    rep->endurance[i] = p->endurance[i];
    /* a cell that never flips never wears out: report infinity as null */
    rep->lifetime_runs[i] = rep->hottest_flips > 0
                                ? p->endurance[i] / rep->hottest_flips
                                : HUGE_VAL;
    rep->lifetime_s[i] = rep->lifetime_runs[i] * rep->run_seconds;
  }
  lw_free(is_input);
}

/* A runner over W words of lanes for a row of n cells, all counters 0. */
static runner runner_new(uint32_t W, uint32_t n) {
  runner r = {.W = W, .n = n};
  r.cells = lw_alloc(sizeof(uint64_t) * W * (n + 1));
  r.mask = lw_alloc(sizeof(uint64_t) * W);
  r.ones = lw_alloc(sizeof(uint64_t) * W * 3);
  r.zeros = r.ones + W;
  r.result = r.ones + 2 * W;
  for (uint32_t w = 0; w < W; w++)
    r.ones[w] = ~(uint64_t)0;
  r.cycle_flips = lw_alloc(sizeof(uint64_t) * (n + 1));
  r.setup_flips = lw_alloc(sizeof(uint64_t) * (n + 1));
  return r;
}

static void runner_free(runner *r) {
  lw_free(r->cells);
  lw_free(r->mask);
  lw_free(r->ones);
  lw_free(r->cycle_flips);
  lw_free(r->setup_flips);
  lw_free(r->events);
}

/* The first variant's events (step and cell of each write), with a counter
 * for each in the runner. */
static void list_events(const lw_program *p0, runner *r, lw_wear_report *rep) {
  rep->nevents = count_events(p0, NULL, NULL);
  rep->event_step = lw_alloc(sizeof(uint32_t) * (rep->nevents + 1));
  rep->event_cell = lw_alloc(sizeof(uint32_t) * (rep->nevents + 1));
  rep->event_flips = lw_alloc(sizeof(double) * (rep->nevents + 1));
  r->events = lw_alloc(sizeof(uint64_t) * (rep->nevents + 1));
  count_events(p0, rep->event_step, rep->event_cell);
  rep->nsteps = p0->cycles.size + 1;
}

/* How many input vectors: the trace's, every assignment of nin inputs when
 * few enough, else the random ones asked for; at least 1. */
static uint64_t vector_count(const lw_wear_params *params, uint32_t nin,
                             const trace *t, lw_wear_report *rep) {
  rep->from_trace = params->trace_path != NULL;
  rep->exhaustive =
      !rep->from_trace && nin <= params->exhaustive_max && nin < 40;
  uint64_t total = rep->from_trace   ? t->count
                   : rep->exhaustive ? 1ull << nin
                                     : params->random_vectors;
  return total ? total : 1;
}

/* The runner's flip counts as averages per run of the program (nv variants
 * on total vectors each). */
static void average_flips(const runner *r, uint32_t nv, uint64_t total,
                          lw_wear_report *rep) {
  double runs = (double)total * nv;
  uint64_t cyc = 0, set = 0;
  rep->ncells = r->n;
  rep->nvariants = nv;
  rep->vectors = total;
  rep->cell_flips = lw_alloc(sizeof(double) * (r->n + 1));
  for (uint32_t c = 0; c < r->n; c++) {
    cyc += r->cycle_flips[c];
    set += r->setup_flips[c];
    rep->cell_flips[c] = (double)(r->cycle_flips[c] + r->setup_flips[c]) / runs;
  }
  rep->flips_per_run = (double)cyc / runs;
  rep->setup_flips_per_run = (double)set / runs;
  rep->steady_flips_per_run = (double)(cyc + set) / runs;
  for (uint32_t e = 0; e < rep->nevents; e++)
    rep->event_flips[e] = (double)r->events[e] / (double)total;
}

lw_status lw_wear_measure(const lw_program *const *variants, uint32_t nv,
                          const lw_wear_params *params, lw_wear_report *rep,
                          lw_error *err) {
  lw_wear_params defaults = lw_wear_params_default();
  if (!params)
    params = &defaults;
  memset(rep, 0, sizeof *rep);
  lw_status st = check_variants(variants, nv, err);
  if (st != LW_OK)
    return st;
  const lw_program *p0 = variants[0];
  uint32_t nin = p0->inputs.size;
  trace t = {0};
  if (params->trace_path &&
      (st = read_trace(params->trace_path, nin, &t, err)) != LW_OK) {
    lw_vec_free(&t.bits);
    return st;
  }
  uint64_t total = vector_count(params, nin, &t, rep);
  uint64_t words = (total + 63) / 64;
  runner r = runner_new((uint32_t)(words < 64 ? words : 64), p0->row_size);
  if (params->events)
    list_events(p0, &r, rep);
  uint64_t *in = lw_alloc(sizeof(uint64_t) * r.W * (nin + 1));
  uint64_t rng = params->seed;
  for (uint64_t base = 0; base < total; base += 64ull * r.W) {
    fill_inputs(in, r.mask, nin, r.W, base, total, rep->exhaustive,
                rep->from_trace ? &t : NULL, &rng);
    /* the row as a whole cycle of the variants leaves it: a cell one
     * variant does not touch holds what an earlier one left there */
    for (uint32_t k = 0; k < nv; k++)
      run_once(&r, variants[k], in, 0, NULL);
    for (uint32_t k = 0; k < nv; k++)
      run_once(&r, variants[k], in, 1, k == 0 ? r.events : NULL);
  }
  average_flips(&r, nv, total, rep);
  rep->latency = p0->cycles.size;
  rep->setup_cycles = p0->setup.size;
  summarise(p0, params, rep);
  lw_free(in);
  runner_free(&r);
  lw_vec_free(&t.bits);
  return LW_OK;
}

/* ---- the report as JSON -------------------------------------------------- */

static void set(json_t *o, const char *key, json_t *v) {
  json_object_set_new(o, key, v);
}

static json_t *real_array(const double *x, uint32_t n) {
  json_t *a = json_array();
  for (uint32_t i = 0; i < n; i++)
    json_array_append_new(a, lw_json_real(x[i]));
  return a;
}

static json_t *lifetime_json(const lw_wear_report *rep) {
  json_t *a = json_array();
  for (uint32_t i = 0; i < rep->nendurance; i++) {
    json_t *o = json_object();
    set(o, "endurance", lw_json_real(rep->endurance[i]));
    set(o, "runs", lw_json_real(rep->lifetime_runs[i]));
    set(o, "seconds", lw_json_real(rep->lifetime_s[i]));
    json_array_append_new(a, o);
  }
  return a;
}

static void set_flips(json_t *o, const lw_wear_report *rep) {
  set(o, "flips_per_run", lw_json_real(rep->flips_per_run));
  set(o, "setup_flips_per_run", lw_json_real(rep->setup_flips_per_run));
  set(o, "steady_flips_per_run", lw_json_real(rep->steady_flips_per_run));
  set(o, "hottest_cell", json_integer(rep->hottest_cell));
  set(o, "hottest_cell_flips", lw_json_real(rep->hottest_flips));
  set(o, "work_cells", json_integer(rep->work_cells));
  set(o, "cells_written", json_integer(rep->cells_written));
  set(o, "mean_cell_flips", lw_json_real(rep->mean_flips));
  set(o, "stddev_cell_flips", lw_json_real(rep->stddev_flips));
  set(o, "hottest_to_mean", lw_json_real(rep->hot_ratio));
  set(o, "cycle_time_s", lw_json_real(rep->cycle_time_s));
  set(o, "run_seconds", lw_json_real(rep->run_seconds));
}

char *lw_wear_report_json(const lw_wear_report *rep, const lw_program *prog) {
  json_t *o = json_object();
  set(o, "circuit",
      json_string_nocheck(prog && prog->circuit ? prog->circuit : ""));
  set(o, "flow", json_string_nocheck(prog && prog->flow ? prog->flow : ""));
  set(o, "row_size", json_integer(rep->ncells));
  set(o, "latency", json_integer(rep->latency));
  set(o, "setup_cycles", json_integer(rep->setup_cycles));
  set(o, "variants", json_integer(rep->nvariants));
  set(o, "vectors", json_integer((json_int_t)rep->vectors));
  set(o, "inputs",
      json_string(rep->from_trace   ? "trace"
                  : rep->exhaustive ? "exhaustive"
                                    : "random"));
  set_flips(o, rep);
  set(o, "lifetime", lifetime_json(rep));
  set(o, "cell_flips", real_array(rep->cell_flips, rep->ncells));
  char *text = lw_json_text(o);
  json_decref(o);
  return text;
}
