#include "map/map.h"

#include <math.h>

#include "base/proc.h"
#include "map/alloc.h"
#include "map/orders.h"

lw_map_params lw_map_params_default(void) {
  lw_map_params p = {
      .row = 0, .reinit = LW_REINIT_ALL, .setup_all = 0, .flow = "lowwear"};
  return p;
}

/* ---- wear control -------------------------------------------------------- */

/* The share of the lanes where a value is 1 (other NULL) or differs from
 * other. */
static double share(const uint64_t *words, const uint64_t *other, uint32_t W) {
  uint64_t ones = 0;
  for (uint32_t w = 0; w < W; w++)
    ones +=
        (uint64_t)__builtin_popcountll(other ? words[w] ^ other[w] : words[w]);
  return (double)ones / (64.0 * W);
}

/* Signal probabilities of every node and, per executed gate, the
 * probability that its write flips its cell, from the caller's sample of
 * the values (params->values). */
static void probabilities(const lw_map_view *view, const lw_map_params *params,
                          double *p1, double *flip) {
  uint32_t W = params->value_words;
  const uint64_t *values = params->values;
  for (uint32_t id = 0; id < view->n; id++) {
    const uint64_t *s = values + (size_t)W * id;
    p1[id] = share(s, NULL, W);
    uint32_t y = view->over[id];
    if (view->kind[id] != LW_VIEW_GATE)
      flip[id] = 0;
    else if (y != LW_NONE)
      flip[id] = share(s, values + (size_t)W * y, W);
    else
      flip[id] =
          lw_gate(lw_net_type(view->net, id))->init ? 1 - p1[id] : p1[id];
  }
}

/* Wear-aware: the hottest cell first (1 % counts as a tie), then the total;
 * probability-aware alone: the total. */
static int less_wear(const lw_map_prediction *a, const lw_map_prediction *b,
                     int wear_aware) {
  if (wear_aware && fabs(a->hottest - b->hottest) > 0.01 * b->hottest)
    return a->hottest < b->hottest;
  if (a->total != b->total)
    return a->total < b->total;
  return a->hottest < b->hottest;
}

/* Settings tried, from none (the plain mapping's choices, same latency) to
 * the most eager. hot_margin in expected flips; prob_keep > 1 = off. */
static const double hot_margins[] = {0, 2, 1, 0.5, 0.25};
static const double prob_keeps[] = {2, 0.9, 0.75, 0.6};
#define COUNT(a) (sizeof(a) / sizeof *(a))

/* The setting with the least expected wear whose latency is within budget,
 * for one execution order, or NULL when none fits (*pred: its wear). */
static lw_status best_setting(const lw_map_view *view, const lw_u32s *order,
                              const lw_map_params *params, const double *p1,
                              const double *flip, uint32_t size,
                              uint32_t budget, lw_map_stats *stats,
                              lw_program **best, lw_map_prediction *best_pred,
                              lw_error *err) {
  lw_status st = LW_OK;
  *best = NULL;
  int wa = params->wear_aware != 0, pr = params->prob_reinit != 0;
  /* parking: off, outputs only, values that live a quarter down to a
   * 128th of the program */
  uint32_t n = order->size;
  uint32_t parks[] = {0,         UINT32_MAX - 1, n / 4 + 1,
                      n / 8 + 1, n / 32 + 1,     n / 128 + 1};
  for (size_t pk = 0; pk < (wa ? COUNT(parks) : 1) && st == LW_OK; pk++)
    for (int vf = 0; vf <= wa && st == LW_OK; vf++)
      for (size_t h = 0; h < (wa ? COUNT(hot_margins) : 1) && st == LW_OK; h++)
        for (size_t k = 0; k < (pr ? COUNT(prob_keeps) : 1) && st == LW_OK;
             k++) {
          lw_map_knobs knobs = {.p1 = p1,
                                .flip = flip,
                                .wear_aware = wa,
                                .virgin_first = vf,
                                .hot_margin = hot_margins[h],
                                .prob_reinit = pr,
                                .prob_keep = prob_keeps[k],
                                .park_steps = parks[pk]};
          lw_map_prediction pred;
          lw_program *cand =
              lw_program_new(view->net->name, params->flow, size);
          st =
              lw_map_alloc(view, order, params, &knobs, size, cand, &pred, err);
          stats->settings_tried++;
          if (st == LW_OK && cand->cycles.size <= budget &&
              (!*best || less_wear(&pred, best_pred, wa))) {
            lw_program_free(*best);
            *best = cand;
            *best_pred = pred;
          } else {
            lw_program_free(cand);
          }
        }
  if (st != LW_OK) {
    lw_program_free(*best);
    *best = NULL;
  }
  return st;
}

/* ---- the entry point ----------------------------------------------------- */

/* Between execution orders, plain mappings: the lower toggle estimate, then
 * the lower latency. */
static int preferred(const lw_program *a, const lw_program *b) {
  const lw_metrics *x = &a->metrics, *y = &b->metrics;
  if (x->toggle_estimate != y->toggle_estimate)
    return x->toggle_estimate < y->toggle_estimate;
  return x->latency < y->latency;
}

/* The plain mapping of one execution order at `size` cells. */
static lw_status map_plain(const lw_map_view *view, const lw_u32s *order,
                           const lw_map_params *params, uint32_t size,
                           uint32_t min_row, lw_program **prog, lw_error *err) {
  *prog = lw_program_new(view->net->name, params->flow, size);
  lw_status st =
      lw_map_alloc(view, order, params, NULL, size, *prog, NULL, err);
  if (st != LW_OK) {
    /* the minimum row is exact: failing above it is a bug */
    if (st == LW_ERR_ROW)
      st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "mapping failed at %u cells, above the computed "
                        "minimum %u",
                        size, min_row);
    lw_program_free(*prog);
    *prog = NULL;
  } else {
    lw_program_compute_metrics(*prog);
  }
  return st;
}

/* Wear control over every execution order: the least expected wear within
 * a latency budget over the plain mapping the flow would give (*prog), which
 * is replaced. */
static lw_status control_wear(const lw_map_view *view, const lw_u32s *order,
                              const lw_map_stats *vstats, int nvar,
                              const lw_map_params *params, uint32_t size,
                              lw_map_stats *stats, lw_program **prog,
                              lw_error *err) {
  uint32_t plain = (*prog)->cycles.size;
  double slack = params->latency_slack > 0   ? params->latency_slack
                 : params->latency_slack < 0 ? 0
                                             : LW_MAP_DEFAULT_SLACK;
  uint32_t budget = plain + (uint32_t)floor(plain * slack + 1e-9);
  if (!params->values || !params->value_words)
    return lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "wear control needs a sample of the netlist's values");
  double *p1 = lw_alloc(sizeof(double) * (view->n + 1));
  double *flip = lw_alloc(sizeof(double) * (view->n + 1));
  probabilities(view, params, p1, flip);
  lw_status st = LW_OK;
  lw_program *best = NULL;
  lw_map_prediction best_pred = {0};
  for (int v = 0; v < nvar && st == LW_OK; v++) {
    if (vstats[v].min_row > size)
      continue;
    lw_program *cand = NULL;
    lw_map_prediction pred = {0};
    st = best_setting(view, &order[v], params, p1, flip, size, budget, stats,
                      &cand, &pred, err);
    if (st == LW_OK && cand &&
        (!best || less_wear(&pred, &best_pred, params->wear_aware != 0))) {
      lw_program_free(best);
      best = cand;
      best_pred = pred;
    } else {
      lw_program_free(cand);
    }
  }
  if (st == LW_OK && best) {
    lw_program_free(*prog);
    *prog = best;
    best = NULL;
    lw_program_compute_metrics(*prog);
    stats->predicted_hottest = best_pred.hottest;
    stats->predicted_total = best_pred.total;
  }
  stats->plain_latency = plain;
  lw_program_free(best);
  lw_free(p1);
  lw_free(flip);
  return st;
}

lw_status lw_map_run(const lw_net *net, const lw_map_params *params,
                     lw_map_stats *stats, lw_program **prog, lw_error *err) {
  double start = lw_clock();
  lw_map_stats local;
  if (!stats)
    stats = &local;
  memset(stats, 0, sizeof *stats);
  *prog = NULL;
  lw_map_view view;
  int nvar = 0;
  lw_u32s order[LW_MAP_MAX_ORDERS] = {{0}};
  lw_map_stats vstats[LW_MAP_MAX_ORDERS];
  lw_status st = lw_map_view_build(net, &view, err);
  if (st == LW_OK) {
    lw_map_view_check(&view);
    st = lw_map_orders(&view, params, 0, order, &nvar, err);
  }
  for (int v = 0; v < nvar && st == LW_OK; v++) {
    memset(&vstats[v], 0, sizeof vstats[v]);
    lw_map_min_row(&view, &order[v], &vstats[v]);
    if (!v || vstats[v].min_row < stats->min_row)
      *stats = vstats[v];
  }
  if (st == LW_OK) {
    uint32_t min_row = stats->min_row;
    uint32_t size = params->row ? params->row : min_row;
    if (size < min_row) {
      st = lw_error_set(err, LW_ERR_ROW, NULL, 0,
                        "a row of %u cells is too small for '%s' (flow %s): "
                        "the minimum is %u",
                        size, net->name, params->flow, min_row);
    }
    for (int v = 0; v < nvar && st == LW_OK; v++) {
      if (vstats[v].min_row > size)
        continue;
      lw_program *cand = NULL;
      st = map_plain(&view, &order[v], params, size, vstats[v].min_row, &cand,
                     err);
      if (st == LW_OK && (!*prog || preferred(cand, *prog))) {
        lw_program_free(*prog);
        *prog = cand;
      } else {
        lw_program_free(cand);
      }
    }
    if (st == LW_OK && (params->wear_aware || params->prob_reinit))
      st = control_wear(&view, order, vstats, nvar, params, size, stats, prog,
                        err);
    if (st != LW_OK) {
      lw_program_free(*prog);
      *prog = NULL;
    }
    stats->min_row = min_row;
  }
  for (int v = 0; v < nvar; v++)
    lw_vec_free(&order[v]);
  lw_map_view_free(&view);
  stats->seconds = lw_clock() - start;
  return st;
}
