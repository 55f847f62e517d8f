/* Wear-aware allocation and probability-aware re-initialisation: with the
 * options off the mapping is byte for byte the plain one (also through the
 * knob path with every knob off); with them on the program stays correct,
 * stays within the latency budget and measures less wear than the plain
 * mapping on real circuits. */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>

#include "lowwear/lowwear.h"
#include "lowwear/wear.h"
#include "map/alloc.h"
#include "map/map.h"
#include "net/net.h"
#include "net/program.h"
#include "sim/sim.h"

/* Field by field: lw_op has padding that memcmp would see. */
static int same_op(const lw_op *a, const lw_op *b) {
  if (a->type != b->type || a->value != b->value || a->nin != b->nin ||
      a->out != b->out || a->ncells != b->ncells)
    return 0;
  for (uint32_t k = 0; k < a->nin; k++)
    if (a->in[k] != b->in[k])
      return 0;
  return 1;
}

/* Two programs are the same when every op, pin and setup cell is. */
static int same_program(const lw_program *a, const lw_program *b) {
  if (a->row_size != b->row_size || a->cycles.size != b->cycles.size ||
      a->setup.size != b->setup.size || a->outputs.size != b->outputs.size ||
      a->init_cells.size != b->init_cells.size)
    return 0;
  for (uint32_t i = 0; i < a->cycles.size; i++)
    if (!same_op(&a->cycles.data[i], &b->cycles.data[i]))
      return 0;
  for (uint32_t i = 0; i < a->setup.size; i++)
    if (!same_op(&a->setup.data[i], &b->setup.data[i]))
      return 0;
  for (uint32_t i = 0; i < a->outputs.size; i++)
    if (a->outputs.data[i].cell != b->outputs.data[i].cell)
      return 0;
  return !memcmp(a->init_cells.data, b->init_cells.data,
                 a->init_cells.size * sizeof(uint32_t));
}

/* Skips the calling test without ABC or the circuit. */
static lw_net *synthesize(const char *rel) {
  char path[1024];
  lw_test_need_abc();
  lw_test_need_benchmark(rel, path, sizeof path);
  lw_synth_params sp = lw_synth_params_default();
  lw_net *net = NULL;
  lw_error err = {0};
  lw_net *circuit = lw_test_read_circuit(path);
  lw_status st = lw_synth_run(circuit, &sp, NULL, &net, &err);
  lw_net_free(circuit);
  if (st != LW_OK)
    fail_msg("%s: %s", rel, err.msg);
  return net;
}

/* With wear control, map/ is given the flows' sample of the values. */
static lw_program *map(const lw_net *net, lw_map_params *mp, lw_map_stats *ms) {
  lw_program *prog = NULL;
  lw_error err = {0};
  uint64_t *values = NULL;
  if (mp->wear_aware || mp->prob_reinit) {
    assert_int_equal(lw_sim_net_random(net, LW_MAP_VALUE_WORDS,
                                       LW_MAP_VALUE_SEED, &values, &err),
                     LW_OK);
    mp->values = values;
    mp->value_words = LW_MAP_VALUE_WORDS;
  }
  if (lw_map_run(net, mp, ms, &prog, &err) != LW_OK)
    fail_msg("%s", err.msg);
  mp->values = NULL;
  lw_free(values);
  return prog;
}

static double hottest(const lw_net *net, const lw_program *prog) {
  lw_verify_params vp = lw_verify_params_default();
  vp.cec = 0;
  lw_verify_report rep;
  lw_error err = {0};
  assert_int_equal(lw_sim_verify(net, prog, &vp, &rep, &err), LW_OK);
  if (!rep.ok)
    fail_msg("incorrect program: %s", rep.first_error);
  double h = rep.hottest_cell_flips;
  lw_verify_report_free(&rep);
  return h;
}

/* The knob path with every knob off makes the plain program. */
static void test_knobs_off_is_plain(void **state) {
  (void)state;
  lw_net *net = synthesize("epfl/ctrl.blif");
  for (int policy = 0; policy < 2; policy++) {
    lw_map_params mp = lw_map_params_default();
    mp.reinit = policy ? LW_REINIT_DEMAND : LW_REINIT_ALL;
    lw_map_stats ms;
    lw_program *plain = map(net, &mp, &ms);
    lw_map_view view;
    lw_u32s order = {0};
    lw_error err = {0};
    assert_int_equal(lw_map_view_build(net, &view, &err), LW_OK);
    assert_int_equal(lw_map_schedule(&view, &order, &err), LW_OK);
    double *zero = lw_alloc(sizeof(double) * (view.n + 1));
    lw_map_knobs knobs = {.p1 = zero, .flip = zero, .prob_keep = 2};
    lw_program *knobbed = lw_program_new(net->name, mp.flow, plain->row_size);
    assert_int_equal(lw_map_alloc(&view, &order, &mp, &knobs, plain->row_size,
                                  knobbed, NULL, &err),
                     LW_OK);
    lw_program_compute_metrics(knobbed);
    assert_true(same_program(plain, knobbed));
    lw_free(zero);
    lw_vec_free(&order);
    lw_map_view_free(&view);
    lw_program_free(plain);
    lw_program_free(knobbed);
  }
  lw_net_free(net);
}

/* With the options on: correct, within the budget, cooler. */
static void check_circuit(const char *rel, uint32_t extra_cells) {
  lw_net *net = synthesize(rel);
  lw_map_params mp = lw_map_params_default();
  mp.reinit = LW_REINIT_DEMAND;
  lw_map_stats ms;
  lw_program *probe = map(net, &mp, &ms);
  mp.row = ms.min_row + extra_cells;
  lw_program_free(probe);
  lw_program *plain = map(net, &mp, &ms);
  double plain_hot = hottest(net, plain);

  lw_map_params wp = mp;
  wp.wear_aware = 1;
  wp.prob_reinit = 1;
  lw_program *worn = map(net, &wp, &ms);
  double worn_hot = hottest(net, worn);
  uint32_t budget = plain->cycles.size +
                    (uint32_t)(plain->cycles.size * LW_MAP_DEFAULT_SLACK);
  printf("%-22s row %4u latency %5u -> %5u (budget %u), hottest %.3f -> "
         "%.3f (predicted %.3f), %u settings\n",
         rel, mp.row, plain->cycles.size, worn->cycles.size, budget, plain_hot,
         worn_hot, ms.predicted_hottest, ms.settings_tried);
  assert_int_equal(ms.plain_latency, plain->cycles.size);
  assert_true(worn->cycles.size <= budget);
  assert_true(worn_hot < plain_hot);
  /* the model's prediction is close to the measurement */
  assert_true(ms.predicted_hottest > 0.8 * worn_hot &&
              ms.predicted_hottest < 1.25 * worn_hot);

  /* no slack: never more latency than the plain mapping */
  wp.latency_slack = -1;
  lw_program *tight = map(net, &wp, &ms);
  assert_true(tight->cycles.size <= plain->cycles.size);
  hottest(net, tight);
  lw_program_free(tight);
  lw_program_free(plain);
  lw_program_free(worn);
  lw_net_free(net);
}

static void test_wear_control(void **state) {
  (void)state;
  lw_test_need_abc();
  check_circuit("epfl/ctrl.blif", 8);
  check_circuit("lgsynth91/cht.blif", 0);
  check_circuit("epfl/int2float.blif", 10);
}

/* y = NOT(a), output y: wear control predicts from the values it is given
 * (a always 1: y is its cell's init value 0, no flip; a always 0: y's write
 * flips the cell and the next run's setup flips it back, 2 flips per run),
 * and refuses to run without them. */
static void test_given_values(void **state) {
  (void)state;
  lw_net *net = lw_net_new("t");
  uint32_t a = lw_net_add_pi(net, "a");
  uint32_t y = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "y");
  lw_net_add_po(net, y, "y");
  lw_map_params mp = lw_map_params_default();
  mp.prob_reinit = 1;
  lw_map_stats ms;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_map_run(net, &mp, &ms, &prog, &err), LW_ERR_INTERNAL);
  assert_null(prog);
  uint64_t values[2][2] = {{~0ull, 0}, {0, ~0ull}}; /* a, y per case */
  for (int c = 0; c < 2; c++) {
    mp.values = values[c];
    mp.value_words = 1;
    assert_int_equal(lw_map_run(net, &mp, &ms, &prog, &err), LW_OK);
    assert_true(ms.predicted_total == (c == 0 ? 0.0 : 2.0));
    lw_program_free(prog);
  }
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_knobs_off_is_plain),
      cmocka_unit_test(test_wear_control),
      cmocka_unit_test(test_given_values),
  };
  return lw_test_run(tests, NULL, NULL);
}
