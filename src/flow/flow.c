/* A flow is a row of this table: a cost model for ABC's genlib, a gate set,
 * whether and how rewrite/ merges, and the mapper's policies. The pipeline
 * below is the same for every flow. */
#include <stdio.h>
#include <string.h>

#include "base/proc.h"
#include "io/blif_write.h"
#include "lowwear/lowwear.h"
#include "map/map.h"
#include "map/view.h"
#include "net/net.h"
#include "net/program.h"
#include "rewrite/rewrite.h"

/* FLOW(id, name, cost, gates, merge, criterion, reinit, setup_all, best)
 * best: also synthesize with the paper's gates and keep, at each row, the
 * program with the lower toggle estimate (wide gates lose on a few circuits,
 * METHOD.md "wide gates"; the paper's netlist may also fit a smaller row).
 * reinit: the policy measured best for the flow's goal (README, "Policies").
 */
#define LW_FLOWS(FLOW)                                                         \
  FLOW(SIMPLER, "simpler", LW_COST_SIMPLER, LW_GATES_NOR, 0, LW_MERGE_GATES,   \
       LW_REINIT_ALL, 1, 0)                                                    \
  FLOW(LOSSS, "losss", LW_COST_EQUAL, LW_GATES_PAPER, 1, LW_MERGE_GATES,       \
       LW_REINIT_ALL, 0, 0)                                                    \
  FLOW(LOWWEAR, "lowwear", LW_COST_TOGGLE, LW_GATES_PAPER, 1, LW_MERGE_TOGGLE, \
       LW_REINIT_DEMAND, 0, 0)                                                 \
  FLOW(LOWWEAR_WIDE, "lowwear-wide", LW_COST_TOGGLE, LW_GATES_WIDE, 1,         \
       LW_MERGE_TOGGLE, LW_REINIT_DEMAND, 0, 1)

typedef struct flow_info {
  const char *name;
  lw_cost_model cost;
  lw_gate_set gates;
  int merge;
  lw_merge_criterion criterion;
  lw_reinit_policy reinit;
  int setup_all;
  int best_of_paper;
} flow_info;

static const flow_info flows[] = {
#define FLOW(id, name, cost, gates, merge, crit, reinit, setup, best)          \
  {name, cost, gates, merge, crit, reinit, setup, best},
    LW_FLOWS(FLOW)
#undef FLOW
};

lw_flow_params lw_flow_params_default(lw_flow_id flow) {
  lw_flow_params p;
  memset(&p, 0, sizeof p);
  p.flow = flow;
  p.synth = lw_synth_params_default();
  p.synth.cost = flows[flow].cost;
  p.synth.gates = flows[flow].gates;
  p.read = lw_read_params_default();
  p.verify = 1;
  p.verify_params = lw_verify_params_default();
  return p;
}

int lw_flow_parse(const char *name) {
  for (int i = 0; i < (int)(sizeof flows / sizeof *flows); i++)
    if (!strcmp(flows[i].name, name))
      return i;
  return -1;
}

const char *lw_flow_name(lw_flow_id flow) { return flows[flow].name; }

static const char *extension(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash : path, '.');
  return dot ? dot : "";
}

/* ABC reads BLIF, AIGER and PLA itself; anything else (Verilog through
 * yosys, mapped netlists) is handed over as our own BLIF of the circuit. */
static int abc_reads(const char *path, int synth_none) {
  const char *ext = extension(path);
  return !synth_none && (!strcmp(ext, ".blif") || !strcmp(ext, ".aig") ||
                         !strcmp(ext, ".aag") || !strcmp(ext, ".pla"));
}

static char *circuit_name(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  return lw_strndup(base,
                    dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* ABC's Verilog leaves out an output that is an input of the same name (a
 * feed-through: it cannot declare the net twice). Put such outputs back,
 * driven by the input, in the circuit's order; any other missing output is
 * ABC's fault. Outputs drive no node, so SIMPLER's numbering is unchanged. */
static lw_status restore_feedthroughs(const lw_net *circuit, lw_net *net,
                                      const char *path, lw_error *err) {
  if (net->pos.size == circuit->pos.size)
    return LW_OK;
  for (uint32_t i = 0; i < circuit->pos.size; i++) {
    const char *name = lw_net_po_name(circuit, i);
    int found = 0;
    for (uint32_t j = 0; j < net->pos.size && !found; j++)
      found = !strcmp(lw_net_po_name(net, j), name);
    if (found)
      continue;
    uint32_t pi = LW_NONE;
    lw_net_foreach_pi(net, k, id) if (pi == LW_NONE &&
                                      !strcmp(lw_net_node_name(net, id), name))
        pi = id;
    if (pi == LW_NONE)
      return lw_error_set(err, LW_ERR_ABC, path, 0,
                          "ABC's netlist lacks output '%s'", name);
    lw_net_add_po(net, pi, name);
  }
  return LW_OK;
}

static lw_status synthesize(const char *abc_input, const lw_net *circuit,
                            const lw_flow_params *p, lw_flow_stats *stats,
                            lw_net **mapped, lw_error *err) {
  lw_synth_stats ss = {0};
  lw_status st = lw_synth_run(abc_input, &p->synth, &ss, mapped, err);
  stats->abc_seconds = ss.seconds;
  if (st == LW_OK && circuit)
    st = restore_feedthroughs(circuit, *mapped, abc_input, err);
  return st;
}

static lw_status rewrite(const flow_info *f, const lw_flow_params *p,
                         lw_net **net, lw_flow_stats *stats, lw_error *err) {
  double t0 = lw_clock();
  stats->mapped_toggle = lw_net_toggle_sum(*net);
  if (!f->merge)
    return LW_OK;
  lw_rewrite_params rp = lw_rewrite_params_default();
  rp.criterion = f->criterion;
  rp.paper_rules = p->paper_rules;
  if (p->synth.gates == LW_GATES_WIDE)
    rp.max_onor_operands = 3;
  lw_rewrite_stats rs;
  memset(&rs, 0, sizeof rs);
  lw_net *out = NULL;
  lw_status st = lw_rewrite_run(*net, &rp, &rs, &out, err);
  if (st == LW_OK) {
    lw_net_free(*net);
    *net = out;
    stats->merges = rs.r1 + rs.r2 + rs.r3;
    stats->copies = rs.copies;
  }
  stats->rewrite_seconds = lw_clock() - t0;
  return st;
}

struct lw_flow_job {
  lw_flow_params params;
  char *path;
  lw_net *circuit; /* as read, for verification */
  lw_net *net;     /* synthesized and rewritten */
  lw_net *alt;     /* best-of flows: the same with the paper's gates */
  uint32_t net_min, alt_min;
  char *dir;       /* scratch folder, when ABC needs our BLIF */
  char *abc_input; /* what ABC reads: the file itself or our BLIF */
  uint32_t min_row;
};

void lw_flow_job_free(lw_flow_job *job) {
  if (!job)
    return;
  lw_free(job->path);
  lw_net_free(job->circuit);
  lw_net_free(job->net);
  lw_net_free(job->alt);
  if (job->abc_input != job->path)
    lw_free(job->abc_input);
  lw_tmpdir_remove(job->dir);
  lw_free(job);
}

static lw_map_params map_params(const lw_flow_job *job, uint32_t row) {
  const flow_info *f = &flows[job->params.flow];
  lw_map_params mp = lw_map_params_default();
  mp.row = row;
  mp.flow = f->name;
  mp.setup_all = f->setup_all;
  mp.reinit = job->params.reinit == LW_REINIT_BATCH       ? LW_REINIT_ALL
              : job->params.reinit == LW_REINIT_ON_DEMAND ? LW_REINIT_DEMAND
                                                          : f->reinit;
  /* the low-wear flows choose among execution orders; the baselines keep
   * SIMPLER MAGIC's (LOSSS maps as SIMPLER does) */
  mp.schedules = f->criterion == LW_MERGE_TOGGLE ? LW_SCHEDULE_COUNT : 1;
  mp.wear_aware = job->params.wear_aware;
  mp.prob_reinit = job->params.prob_reinit;
  mp.latency_slack = job->params.latency_slack;
  return mp;
}

/* The minimum row of a netlist: a mapping at row 0. Names the netlist after
 * the circuit file, as PROGRAM.md shows programs named. */
static lw_status min_row_of(const lw_flow_job *job, lw_net *net, uint32_t *min,
                            lw_error *err) {
  lw_free(net->name);
  net->name = circuit_name(job->path);
  lw_map_params mp = map_params(job, 0);
  lw_map_stats ms;
  lw_program *prog = NULL;
  lw_status st = lw_map_run(net, &mp, &ms, &prog, err);
  lw_program_free(prog);
  *min = ms.min_row;
  return st;
}

lw_status lw_flow_prepare(const char *path, const lw_flow_params *p,
                          lw_flow_stats *stats, lw_flow_job **out,
                          lw_error *err) {
  double t0 = lw_clock();
  const flow_info *f = &flows[p->flow];
  lw_flow_stats local;
  if (!stats)
    stats = &local;
  memset(stats, 0, sizeof *stats);
  lw_flow_job *job = lw_alloc(sizeof *job);
  *out = NULL;
  job->params = *p;
  job->path = lw_strdup(path);
  job->abc_input = job->path;
  /* a mapped netlist given as it is is only read a second time, as the
   * circuit to verify against, when there is verification to do */
  lw_status st = LW_OK;
  if (!p->synth_none)
    st = lw_io_read_circuit(path, &p->read, &job->circuit, err);
  else if (p->verify)
    st = lw_io_read_mapped(path, &job->circuit, err);
  stats->read_seconds = lw_clock() - t0;
  if (st != LW_OK)
    goto done;
  if (job->circuit && !abc_reads(path, p->synth_none)) {
    job->dir = lw_tmpdir_new();
    if (!job->dir) {
      st = lw_error_set(err, LW_ERR_IO, NULL, 0,
                        "cannot create a temporary folder");
      goto done;
    }
    job->abc_input = lw_path_join(job->dir, "circuit.blif");
    if ((st = lw_io_write_blif(job->circuit, job->abc_input, err)) != LW_OK)
      goto done;
  }
  st = p->synth_none
           ? lw_io_read_mapped(path, &job->net, err)
           : synthesize(job->abc_input, job->circuit, p, stats, &job->net, err);
  if (st != LW_OK)
    goto done;
  lw_net_foreach_node(job->net, id) stats->mapped_gates +=
      lw_gate_is_stateful(lw_net_type(job->net, id));
  if ((st = rewrite(f, p, &job->net, stats, err)) != LW_OK)
    goto done;
  if ((st = min_row_of(job, job->net, &job->net_min, err)) != LW_OK)
    goto done;
  job->min_row = job->net_min;
  if (f->best_of_paper && !p->synth_none) {
    lw_flow_params paper = *p;
    paper.synth.gates = LW_GATES_PAPER;
    lw_flow_stats alt_stats;
    memset(&alt_stats, 0, sizeof alt_stats);
    if ((st = synthesize(job->abc_input, job->circuit, &paper, &alt_stats,
                         &job->alt, err)) != LW_OK ||
        (st = rewrite(f, &paper, &job->alt, &alt_stats, err)) != LW_OK ||
        (st = min_row_of(job, job->alt, &job->alt_min, err)) != LW_OK)
      goto done;
    stats->abc_seconds += alt_stats.abc_seconds;
    stats->rewrite_seconds += alt_stats.rewrite_seconds;
    if (job->alt_min < job->min_row)
      job->min_row = job->alt_min;
  }
  stats->min_row = job->min_row;
done:
  stats->total_seconds = lw_clock() - t0;
  if (st != LW_OK)
    lw_flow_job_free(job);
  else
    *out = job;
  return st;
}

lw_status lw_flow_map(lw_flow_job *job, uint32_t row, lw_flow_stats *stats,
                      lw_verify_report *report, lw_program **prog,
                      lw_error *err) {
  const flow_info *f = &flows[job->params.flow];
  double t0 = lw_clock();
  if (report)
    memset(report, 0, sizeof *report);
  *prog = NULL;
  uint32_t size = row ? row : job->min_row;
  lw_map_params mp = map_params(job, size);
  lw_map_stats ms;
  memset(&ms, 0, sizeof ms);
  lw_status st;
  int used_paper = 0;
  if (size < job->min_row) {
    st = lw_error_set(err, LW_ERR_ROW, NULL, 0,
                      "a row of %u cells is too small for '%s' (flow %s): "
                      "the minimum is %u",
                      size, job->net->name, f->name, job->min_row);
  } else if (!job->alt || job->alt_min > size) {
    st = lw_map_run(job->net, &mp, &ms, prog, err);
  } else if (job->net_min > size) {
    st = lw_map_run(job->alt, &mp, &ms, prog, err);
    used_paper = 1;
  } else {
    /* both fit: keep the lower toggle estimate, then the lower latency */
    lw_program *other = NULL;
    lw_map_stats ms2;
    st = lw_map_run(job->net, &mp, &ms, prog, err);
    if (st == LW_OK)
      st = lw_map_run(job->alt, &mp, &ms2, &other, err);
    if (st == LW_OK) {
      const lw_metrics *a = &(*prog)->metrics, *b = &other->metrics;
      if (b->toggle_estimate < a->toggle_estimate ||
          (b->toggle_estimate == a->toggle_estimate &&
           b->latency < a->latency)) {
        lw_program *t = *prog;
        *prog = other;
        other = t;
        used_paper = 2;
      }
      ms.seconds += ms2.seconds;
    }
    lw_program_free(other);
  }
  if (stats) {
    stats->map_seconds = ms.seconds;
    stats->min_row = job->min_row;
    stats->used_paper_netlist = st == LW_OK ? used_paper : 0;
  }
  if (st != LW_OK || !job->params.verify)
    return st;
  lw_verify_report local_report;
  lw_verify_report *rep = report ? report : &local_report;
  st = lw_sim_verify(job->circuit, job->abc_input, *prog,
                     &job->params.verify_params, rep, err);
  if (stats)
    stats->verify_seconds = lw_clock() - t0 - ms.seconds;
  if (st == LW_OK && !rep->ok)
    st = lw_error_set(err, LW_ERR_VERIFY, job->path, 0,
                      "the %s program is incorrect, not written: %s", f->name,
                      rep->first_error);
  if (!report)
    lw_verify_report_free(&local_report);
  if (st != LW_OK) {
    lw_program_free(*prog);
    *prog = NULL;
  }
  return st;
}

lw_status lw_flow_run(const char *path, const lw_flow_params *p,
                      lw_flow_stats *stats, lw_verify_report *report,
                      lw_program **prog, lw_error *err) {
  double t0 = lw_clock();
  lw_flow_stats local;
  if (!stats)
    stats = &local;
  if (report)
    memset(report, 0, sizeof *report);
  *prog = NULL;
  lw_flow_job *job = NULL;
  lw_status st = lw_flow_prepare(path, p, stats, &job, err);
  if (st == LW_OK)
    st = lw_flow_map(job, p->row, stats, report, prog, err);
  lw_flow_job_free(job);
  stats->total_seconds = lw_clock() - t0;
  return st;
}
