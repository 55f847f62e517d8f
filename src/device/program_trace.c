/* device --program --trace DIR (docs/device.md 10.10): one evaluation of
 * the program, cycle by cycle, as the row saw it. The vector traced runs
 * after the ones before it, so the row is in the state the report's run
 * had. DIR/program_trace.csv has one line per device of every circuit;
 * DIR/program_trace.svg shows the gap of every written cell after its
 * cycle (coloured by the value it should hold) and the least margin of
 * each cycle's devices. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "device/out.h"
#include "device/program.h"

typedef struct trace_row {
  uint32_t cycle, cell;
  int kind;
  int output; /* the cell the circuit wrote (else an operand it read) */
  int value;  /* the value the cell should hold after the cycle */
  double before, after, lo, hi; /* gaps, m */
  double margin;                /* m, to the read gap */
} trace_row;

LW_VEC_DEFINE(trace_rows, trace_row);

/* The margin of a device through its circuit: an operand keeps its value
 * through the pulse; a written cell is judged at its final gap. */
static double margin_of(const lw_drow *r, const trace_row *t) {
  double read = r->s->bias.read;
  double lo = t->output ? t->after : t->lo, hi = t->output ? t->after : t->hi;
  return t->value ? read - hi : lo - read;
}

static void on_result(void *ctx, const lw_drow *r, uint32_t cycle, int kind,
                      const lw_pmr *c, const uint32_t *cells,
                      const lw_pmr_result *res) {
  trace_rows *rows = ctx;
  for (uint32_t i = 0; i < c->n; i++) {
    trace_row t = {.cycle = cycle,
                   .cell = cells[i],
                   .kind = kind,
                   .output = i + 1 == c->n,
                   .value = r->logic[cells[i]],
                   .before = c->dev[i].gap,
                   .after = res->gap[i],
                   .lo = res->lo_gap[i],
                   .hi = res->hi_gap[i]};
    t.margin = margin_of(r, &t);
    lw_vec_push(rows, t);
  }
}

static void write_csv(lw_chars *b, const lw_drow *r, const trace_rows *rows) {
  lw_chars_printf(b, "cycle,kind,cell,role,value,gap_before_nm,"
                     "gap_after_nm,lowest_nm,highest_nm,margin_nm\n");
  lw_vec_foreach (rows, k) {
    const trace_row *t = &rows->data[k];
    lw_chars_printf(b, "%u,%s,%u,%s,%d,%.5f,%.5f,%.5f,%.5f,%+.5f\n", t->cycle,
                    r->kinds[t->kind].name, t->cell,
                    t->output ? "written" : "read", t->value, t->before * 1e9,
                    t->after * 1e9, t->lo * 1e9, t->hi * 1e9, t->margin * 1e9);
  }
}

/* Per cycle (0 = the setup), the least margin of its devices, nm; the
 * series' samples are (cycle, margin) pairs. */
static void least_per_cycle(const trace_rows *rows, uint32_t ncycles,
                            lw_doubles *xy, double *lowest) {
  double *least = lw_alloc(sizeof *least * (ncycles + 1));
  for (uint32_t c = 0; c <= ncycles; c++)
    least[c] = INFINITY;
  lw_vec_foreach (rows, k)
    least[rows->data[k].cycle] =
        fmin(least[rows->data[k].cycle], rows->data[k].margin * 1e9);
  *lowest = INFINITY;
  for (uint32_t c = 0; c <= ncycles; c++)
    if (isfinite(least[c])) {
      lw_vec_push(xy, (double)c);
      lw_vec_push(xy, least[c]);
      *lowest = fmin(*lowest, least[c]);
    }
  lw_free(least);
}

static void plot_gaps(lw_chars *b, const lw_svg_axes *ax,
                      const trace_rows *rows, double dot) {
  lw_vec_foreach (rows, k) {
    const trace_row *t = &rows->data[k];
    if (!t->output)
      continue;
    double g = t->after * 1e9;
    lw_svg_cell(b, ax, t->cycle - dot, g - 0.015, t->cycle + dot, g + 0.015,
                t->value ? lw_svg_color(0) : lw_svg_color(1));
  }
  lw_svg_hline(b, ax, 1.0, "#999", "read 1 nm");
  const char *labels[2] = {"holds 1", "holds 0"};
  const char *colors[2] = {lw_svg_color(0), lw_svg_color(1)};
  lw_svg_legend(b, ax, labels, colors, 2);
}

static void write_svg(lw_chars *b, const lw_drow *r, const trace_rows *rows,
                      uint32_t v, const lw_device_vector *res) {
  uint32_t ncycles = r->prog->cycles.size;
  /* the circuit's name comes from the user's file */
  lw_chars title = {0};
  lw_svg_escape(&title, r->prog->circuit ? r->prog->circuit : "program");
  lw_chars_printf(&title, ", vector %u: %s", v, res->pass ? "pass" : "FAIL");
  lw_doubles xy = {0};
  double lowest;
  least_per_cycle(rows, ncycles, &xy, &lowest);
  lw_svg_axes top = {.xmin = 0,
                     .xmax = ncycles + 1,
                     .ymin = 0,
                     .ymax = 2.4, /* room for the legend above 1.8 nm */
                     .title = title.data,
                     .ylabel = "gap (nm)"};
  lw_svg_axes bot = top;
  lw_device_panels(&top, &bot);
  bot.ymin = fmin(0, lowest) - 0.05;
  bot.ymax = 0.8;
  bot.title = "least margin of the cycle's devices";
  bot.xlabel = "cycle (0: setup)";
  bot.ylabel = "margin (nm)";
  lw_device_figure_begin(b, &top, &bot);
  plot_gaps(b, &top, rows, fmax(0.25, (ncycles + 1) / 400.0));
  lw_svg_series m = {.data = xy.data,
                     .count = xy.size / 2,
                     .stride = 2,
                     .xcol = 0,
                     .ycol = 1,
                     .xscale = 1,
                     .yscale = 1,
                     .color = lw_svg_color(2)};
  lw_svg_polyline(b, &bot, &m);
  lw_svg_hline(b, &bot, 0, "#999", "read threshold");
  if (res->first_fail) {
    char label[48];
    snprintf(label, sizeof label, "first wrong: T%u", res->first_fail);
    lw_svg_marker(b, &bot, res->first_fail, fmin(0, lowest), label);
  }
  lw_svg_end(b);
  lw_vec_free(&xy);
  lw_vec_free(&title);
}

lw_status lw_device_program_trace(lw_drow *r, const lw_dvectors *vs, uint32_t v,
                                  const char *dir, lw_error *err) {
  const lw_program *prog = r->prog;
  uint32_t nin = prog->inputs.size;
  uint8_t *out = lw_alloc(prog->outputs.size + 1);
  lw_device_vector res;
  lw_drow_reset(r);
  for (uint32_t k = 0; k < v; k++)
    lw_drow_eval(r, vs->in + (size_t)k * nin, out, &res);
  trace_rows rows = {0};
  r->on_result = on_result;
  r->ctx = &rows;
  lw_drow_eval(r, vs->in + (size_t)v * nin, out, &res);
  r->on_result = NULL;
  r->ctx = NULL;
  res.pass = 1;
  for (uint32_t k = 0; k < prog->outputs.size; k++)
    res.pass &= out[k] == vs->out[(size_t)v * prog->outputs.size + k];
  lw_free(out);
  lw_drow_reset(r);
  lw_status st = lw_fs_mkdirs(dir, err);
  lw_chars buf = {0};
  if (st == LW_OK) {
    write_csv(&buf, r, &rows);
    st = lw_device_save(dir, "program_trace.csv", &buf, err);
  }
  if (st == LW_OK) {
    lw_vec_clear(&buf);
    write_svg(&buf, r, &rows, v, &res);
    st = lw_device_save(dir, "program_trace.svg", &buf, err);
  }
  lw_vec_free(&buf);
  lw_vec_free(&rows);
  return st;
}
