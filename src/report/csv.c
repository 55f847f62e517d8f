/* results.csv. Columns come from one table (below) plus one gates_<cell>
 * column per stateful gate of the gate table, so a new gate is a new
 * column. The netlist column says which netlist lowwear-wide's program came
 * from (wide or paper gates); it is empty for the paper's flows. */
#include <math.h>
#include <string.h>

#include "report/writers.h"

/* A text field, quoted when it holds a separator, quote or line break. */
static void put_text(FILE *out, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"')
      fputc('"', out);
    fputc(*s == '\r' || *s == '\n' ? ' ' : *s, out);
  }
  fputc('"', out);
}

/* Reals with 10 significant digits: exact enough to recompute averages,
 * short enough to read. */
static void put_real(FILE *out, double x) {
  if (!isnan(x))
    fprintf(out, "%.10g", x);
}

typedef struct row {
  const lw_bench_circuit *c;
  const lw_bench_flow *f;
  lw_flow_id id;
} row;

/* COL(name, writer): writer prints the field of row r to out. Numbers of a
 * flow that produced no program are left empty. */
#define RAN(expr)                                                              \
  if (r->f->ran)                                                               \
  expr
#define HEAD_COLUMNS(COL)                                                      \
  COL("circuit", put_text(out, r->c->name))                                    \
  COL("suite", put_text(out, r->c->suite))                                     \
  COL("flow", fputs(lw_flow_name(r->id), out))                                 \
  COL("netlist", fputs(lw_bench_netlist_name(r->f, r->id), out))               \
  COL("status", fputs(lw_bench_status_name(r->c->status), out))                \
  COL("row_size", RAN(fprintf(out, "%u", r->f->row_size)))                     \
  COL("min_row", if (r->f->min_row) fprintf(out, "%u", r->f->min_row))         \
  COL("latency", RAN(fprintf(out, "%u", r->f->latency)))                       \
  COL("gate_cycles", RAN(fprintf(out, "%u", r->f->gate_cycles)))               \
  COL("init_cycles", RAN(fprintf(out, "%u", r->f->init_cycles)))
/* a / b, empty when b is 0 (nothing flips: no finite ratio) */
static void put_ratio(FILE *out, double a, double b) {
  if (b > 0)
    put_real(out, a / b);
}

/* The flow's own error, else the circuit's when the flow did not run. */
static const char *error_text(const row *r) {
  return r->f->error[0] ? r->f->error : r->f->ran ? "" : r->c->error;
}

/* bench --exact: lowwear's exact row, proven bound and how the search
 * ended; empty for the other flows and without --exact. */
#define EXACT(expr)                                                            \
  if (r->f->exact_status != LW_EXACT_OFF)                                      \
  expr
#define EXACT_COLUMNS(COL)                                                     \
  COL("exact_status",                                                          \
      EXACT(fputs(lw_flow_exact_status_name(r->f->exact_status), out)))        \
  COL("exact_row", EXACT(if (r->f->exact_status != LW_EXACT_SKIPPED)           \
                             fprintf(out, "%u", r->f->exact_row)))             \
  COL("exact_bound",                                                           \
      EXACT(if (r->f->exact_bound) fprintf(out, "%u", r->f->exact_bound)))

#define TAIL_COLUMNS(COL)                                                      \
  COL("toggle_estimate", RAN(put_real(out, r->f->toggle_estimate)))            \
  COL("measured_flips", RAN(put_real(out, r->f->measured_flips)))              \
  COL("steady_flips", RAN(put_real(out, r->f->steady_flips)))                  \
  COL("hottest_cell_flips", RAN(put_real(out, r->f->hottest_cell_flips)))      \
  COL("hottest_to_mean",                                                       \
      RAN(put_ratio(out, r->f->hottest_cell_flips, r->f->mean_cell_flips)))    \
  COL("lifetime_runs_1e9", RAN(put_ratio(out, 1e9, r->f->hottest_cell_flips))) \
  COL("verified", fputs(r->f->verified ? "1" : "0", out))                      \
  COL("vectors", RAN(fprintf(out, "%llu", (unsigned long long)r->f->vectors))) \
  COL("exhaustive", RAN(fputs(r->f->exhaustive ? "1" : "0", out)))             \
  COL("error", put_text(out, error_text(r)))                                   \
  COL("seconds", put_real(out, r->f->seconds))                                 \
  COL("verify_seconds", RAN(put_real(out, r->f->verify_seconds)))              \
  EXACT_COLUMNS(COL)

/* bench --device: empty for a flow whose program did not run on the
 * device (no --device, or not verified). */
#define DEV(expr)                                                              \
  if (r->f->device_ran)                                                        \
  expr
#define DEVICE_COLUMNS(COL)                                                    \
  COL("device_pass", DEV(fputs(r->f->device_pass ? "1" : "0", out)))           \
  COL("device_energy_j", DEV(put_real(out, r->f->device_energy_j)))            \
  COL("device_init_share", DEV(put_real(out, r->f->device_init_share)))        \
  COL("device_least_margin_nm",                                                \
      DEV(put_real(out, r->f->device_least_margin_nm)))                        \
  COL("device_seconds", DEV(put_real(out, r->f->device_seconds)))

static void put_row(FILE *out, const row *r) {
  int first = 1;
#define COL(name, writer)                                                      \
  if (!first)                                                                  \
    fputc(',', out);                                                           \
  first = 0;                                                                   \
  writer;
  HEAD_COLUMNS(COL)
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_is_stateful((lw_gate_type)t)) {
      fputc(',', out);
      RAN(fprintf(out, "%u", r->f->gates[t]));
    }
  TAIL_COLUMNS(COL)
  DEVICE_COLUMNS(COL)
#undef COL
  fputc('\n', out);
}

static void put_header(FILE *out) {
  const char *sep = "";
#define COL(name, writer)                                                      \
  fprintf(out, "%s%s", sep, name);                                             \
  sep = ",";
  HEAD_COLUMNS(COL)
  for (int t = 0; t < LW_GATE_COUNT; t++)
    if (lw_gate_is_stateful((lw_gate_type)t))
      fprintf(out, ",gates_%s", lw_gate(t)->genlib);
  TAIL_COLUMNS(COL)
  DEVICE_COLUMNS(COL)
#undef COL
  fputc('\n', out);
}

static int emit_csv(FILE *out, const void *ctx) {
  const lw_bench_circuits *cs = ctx;
  put_header(out);
  lw_vec_foreach (cs, i) {
    for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
      row r = {&cs->data[i], &cs->data[i].flows[LW_BENCH_ORDER[k]],
               LW_BENCH_ORDER[k]};
      /* a flow left out of this circuit's run (--no-wide) has no row */
      if (k < LW_BENCH_NPAPER || r.f->included)
        put_row(out, &r);
    }
  }
  return 0;
}

lw_status lw_report_csv(const lw_bench_circuits *cs, const char *path,
                        lw_error *err) {
  return lw_report_write_file(path, emit_csv, cs, err);
}
