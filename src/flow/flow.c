/* A flow is a row of this table: a cost model for ABC's genlib, a gate set,
 * whether and how rewrite/ merges, and the mapper's policies. The pipeline
 * below is the same for every flow. */
#include <stdio.h>
#include <string.h>

#include "base/proc.h"
#include "flow/exact.h"
#include "flow/recompute.h"
#include "lowwear/lowwear.h"
#include "lowwear/version.h"
#include "map/map.h"
#include "map/view.h"
#include "net/net.h"
#include "net/program.h"
#include "rewrite/rewrite.h"
#include "sim/sim.h"

/* FLOW(id, cost, gates, merge, criterion, reinit, setup_all, best); the
 * flows' names are the table of lowwear/flow.h (lw_flow_name).
 * best: also synthesize with the paper's gates and keep, at each row, the
 * program with the lower toggle estimate (wide gates lose on a few circuits,
 * docs/method.md section 6; the paper's netlist may also fit a smaller row).
 * reinit: the policy measured best for the flow's goal (README, "Mapping").
 */
#define LW_FLOWS(FLOW)                                                         \
  FLOW(SIMPLER, LW_COST_SIMPLER, LW_GATES_NOR, 0, LW_MERGE_GATES,              \
       LW_REINIT_ALL, 1, 0)                                                    \
  FLOW(LOSSS, LW_COST_EQUAL, LW_GATES_PAPER, 1, LW_MERGE_GATES, LW_REINIT_ALL, \
       0, 0)                                                                   \
  FLOW(LOWWEAR, LW_COST_TOGGLE, LW_GATES_PAPER, 1, LW_MERGE_TOGGLE,            \
       LW_REINIT_DEMAND, 0, 0)                                                 \
  FLOW(LOWWEAR_WIDE, LW_COST_TOGGLE, LW_GATES_WIDE, 1, LW_MERGE_TOGGLE,        \
       LW_REINIT_DEMAND, 0, 1)

typedef struct flow_info {
  lw_cost_model cost;
  lw_gate_set gates;
  int merge;
  lw_merge_criterion criterion;
  lw_reinit_policy reinit;
  int setup_all;
  int best_of_paper;
} flow_info;

static const flow_info flows[] = {
#define FLOW(id, cost, gates, merge, crit, reinit, setup, best)                \
  [LW_FLOW_##id] = {cost, gates, merge, crit, reinit, setup, best},
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

static char *circuit_name(const char *path) {
  if (!strcmp(path, "-")) /* standard input */
    return lw_strdup("stdin");
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
                                      lw_error *err) {
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
    lw_net_foreach_pi (net, k, id)
      if (pi == LW_NONE && !strcmp(lw_net_node_name(net, id), name))
        pi = id;
    if (pi == LW_NONE)
      return lw_error_set(err, LW_ERR_ABC, NULL, 0,
                          "ABC's netlist lacks output '%s'", name);
    lw_net_add_po(net, pi, name);
  }
  return LW_OK;
}

/* One candidate netlist: an alternative of ABC's script, with the flow's
 * gates, (best-of flows) the paper's or (low-wear flows) SIMPLER's, rewritten
 * or not, with its minimum row. */
typedef struct candidate {
  lw_net *net;
  uint32_t min_row;
  lw_flow_netlist source;
  int alternative; /* index of the script alternative */
  int alternatives;
  int borrowed; /* the net belongs to another job (paper_from, simpler_from) */
  uint32_t mapped_gates, merges, copies;
  double mapped_toggle;
} candidate;

#define MAX_CANDIDATES (4 * LW_SYNTH_MAX_ALTS)

/* Synthesize with p's library: every alternative of the script becomes a
 * candidate (feed-throughs restored, not yet rewritten). */
static lw_status synthesize(const char *path, const lw_net *circuit,
                            const lw_flow_params *p, lw_flow_netlist source,
                            lw_flow_stats *stats, candidate *cands, int *ncands,
                            int *least_area, lw_error *err) {
  lw_synth_stats ss = {0};
  lw_synth_params sp = p->synth;
  if (circuit && !sp.size_hint)
    sp.size_hint = lw_net_size(circuit) - circuit->pis.size;
  lw_net *nets[LW_SYNTH_MAX_ALTS] = {0};
  int n = 0;
  lw_status st = lw_synth_run_all(circuit, &sp, &ss, nets, &n, err);
  stats->abc_seconds += ss.seconds;
  *least_area = *ncands + ss.alternative;
  for (int i = 0; i < n; i++) {
    if (st == LW_OK)
      st = restore_feedthroughs(circuit, nets[i], err);
    candidate *c = &cands[(*ncands)++];
    memset(c, 0, sizeof *c);
    c->net = nets[i];
    c->source = source;
    c->alternative = i;
    c->alternatives = n;
  }
  if (st != LW_OK && err && !err->file[0])
    snprintf(err->file, sizeof err->file, "%s", path);
  return st;
}

/* Replaces *net by its rewritten netlist; frees *net unless borrowed. */
static lw_status rewrite(const flow_info *f, const lw_flow_params *p,
                         lw_net **net, int borrowed, lw_flow_stats *stats,
                         lw_error *err) {
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
    if (!borrowed)
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
  candidate cands[MAX_CANDIDATES];
  int ncands;
  uint32_t min_row; /* the least over the candidates */
  /* low-wear flows: the simpler flow's job whose netlist is a candidate and
   * whose latency bounds theirs (params.simpler_from, the lowwear job's, or
   * ref_owned, prepared here) */
  const lw_flow_job *ref;
  lw_flow_job *ref_owned;
};

void lw_flow_job_free(lw_flow_job *job) {
  if (!job)
    return;
  lw_free(job->path);
  lw_net_free(job->circuit);
  for (int i = 0; i < job->ncands; i++)
    if (!job->cands[i].borrowed)
      lw_net_free(job->cands[i].net);
  lw_flow_job_free(job->ref_owned);
  lw_free(job);
}

/* wear: the user's wear-control options, or none (the plain mapping) */
static lw_map_params map_params(const lw_flow_job *job, uint32_t row,
                                int wear) {
  const flow_info *f = &flows[job->params.flow];
  lw_map_params mp = lw_map_params_default();
  mp.row = row;
  mp.flow = lw_flow_name(job->params.flow);
  mp.setup_all = f->setup_all;
  mp.reinit = job->params.reinit == LW_REINIT_BATCH       ? LW_REINIT_ALL
              : job->params.reinit == LW_REINIT_ON_DEMAND ? LW_REINIT_DEMAND
                                                          : f->reinit;
  /* the low-wear flows choose among execution orders; the baselines keep
   * SIMPLER MAGIC's (LOSSS maps as SIMPLER does) */
  mp.schedules = f->criterion == LW_MERGE_TOGGLE ? LW_SCHEDULE_COUNT : 1;
  if (wear) {
    mp.wear_aware = job->params.wear_aware;
    mp.prob_reinit = job->params.prob_reinit;
    mp.latency_slack = job->params.latency_slack;
  }
  return mp;
}

/* The minimum row of a netlist. Names the netlist after the circuit file,
 * as docs/program.md shows programs named (a borrowed one already is). */
static lw_status min_row_of(const lw_flow_job *job, lw_net *net, int borrowed,
                            uint32_t *min, lw_error *err) {
  if (!borrowed) {
    lw_free(net->name);
    net->name = circuit_name(job->path);
  }
  lw_map_params mp = map_params(job, 0, 0);
  lw_map_stats ms;
  lw_program *prog = NULL;
  lw_status st = lw_map_run(net, &mp, &ms, &prog, err);
  lw_program_free(prog);
  *min = ms.min_row;
  return st;
}

/* Rewrite every candidate from `first` on and find its minimum row. */
static lw_status finish_candidates(lw_flow_job *job, const flow_info *f,
                                   const lw_flow_params *p, int first,
                                   lw_flow_stats *stats, lw_error *err) {
  lw_status st = LW_OK;
  for (int i = first; i < job->ncands && st == LW_OK; i++) {
    candidate *c = &job->cands[i];
    lw_flow_stats cs;
    memset(&cs, 0, sizeof cs);
    lw_net_foreach_node (c->net, id)
      c->mapped_gates += lw_gate_is_stateful(lw_net_type(c->net, id));
    lw_flow_params cp = *p;
    if (c->source != LW_FLOW_NETLIST_OWN)
      cp.synth.gates = LW_GATES_PAPER;
    flow_info g = *f;
    g.merge = f->merge && c->source != LW_FLOW_NETLIST_SIMPLER_ASIS;
    int borrowed = c->borrowed;
    st = rewrite(&g, &cp, &c->net, borrowed, &cs, err);
    c->borrowed = borrowed && !g.merge;
    stats->rewrite_seconds += cs.rewrite_seconds;
    c->merges = cs.merges;
    c->copies = cs.copies;
    c->mapped_toggle = cs.mapped_toggle;
    if (st == LW_OK)
      st = min_row_of(job, c->net, c->borrowed, &c->min_row, err);
  }
  return st;
}

/* The candidate's figures in the flow's statistics. */
static void describe(const candidate *c, lw_flow_stats *stats) {
  stats->mapped_gates = c->mapped_gates;
  stats->merges = c->merges;
  stats->copies = c->copies;
  stats->mapped_toggle = c->mapped_toggle;
  stats->abc_alternative = c->alternative;
  stats->abc_alternatives = c->alternatives;
}

static int same_text(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

/* A best-of flow's paper-gate candidates are exactly those of a lowwear job
 * of the same file and options: same genlib, script, rewrite and minimum
 * row rules. */
static int can_borrow(const lw_flow_job *job, const lw_flow_job *from) {
  if (!from || from->params.flow != LW_FLOW_LOWWEAR)
    return 0;
  const lw_flow_params *a = &job->params, *b = &from->params;
  const flow_info *fa = &flows[a->flow], *fb = &flows[b->flow];
  return !strcmp(job->path, from->path) && fa->cost == fb->cost &&
         fa->criterion == fb->criterion && fa->reinit == fb->reinit &&
         fa->setup_all == fb->setup_all && a->reinit == b->reinit &&
         a->paper_rules == b->paper_rules && !b->synth_none &&
         same_text(a->synth.script, b->synth.script) &&
         same_text(a->synth.abc.path, b->synth.abc.path) &&
         a->synth.cost == b->synth.cost && b->synth.gates == LW_GATES_PAPER;
}

/* A best-of flow also weighs netlists of the paper's gates: those of the
 * lowwear job of the same file when it has them, else synthesised here. */
static lw_status add_paper_candidates(lw_flow_job *job, const flow_info *f,
                                      const lw_flow_params *p, int own,
                                      lw_flow_stats *stats, lw_error *err) {
  if (can_borrow(job, p->paper_from)) {
    const lw_flow_job *from = p->paper_from;
    for (int i = 0; i < from->ncands && job->ncands < MAX_CANDIDATES; i++) {
      candidate *c = &job->cands[job->ncands++];
      *c = from->cands[i];
      if (c->source == LW_FLOW_NETLIST_OWN)
        c->source = LW_FLOW_NETLIST_PAPER;
      c->borrowed = 1;
    }
    if (!job->ref)
      job->ref = from->ref;
    return LW_OK;
  }
  lw_flow_params paper = *p;
  paper.synth.gates = LW_GATES_PAPER;
  int paper_least = 0;
  lw_status st =
      synthesize(job->path, job->circuit, &paper, LW_FLOW_NETLIST_PAPER, stats,
                 job->cands, &job->ncands, &paper_least, err);
  if (st == LW_OK)
    st = finish_candidates(job, f, p, own, stats, err);
  return st;
}

/* A job of the simpler flow whose netlist is SIMPLER MAGIC's for the same
 * file: its default script and library, the same ABC. */
static int simpler_ref_fits(const lw_flow_job *job, const lw_flow_job *ref) {
  if (!ref || ref->params.flow != LW_FLOW_SIMPLER)
    return 0;
  const lw_flow_params *a = &job->params, *b = &ref->params;
  return !strcmp(job->path, ref->path) && !b->synth_none && !b->synth.script &&
         b->reinit == LW_REINIT_FLOW_DEFAULT &&
         b->synth.cost == LW_COST_SIMPLER && b->synth.gates == LW_GATES_NOR &&
         same_text(a->synth.abc.path, b->synth.abc.path);
}

/* The simpler flow's job for a low-wear one: params.simpler_from when it
 * fits, the one the lowwear job lent its netlists with, else prepared here
 * (one more ABC run) without verification. */
static lw_status simpler_ref(lw_flow_job *job, const lw_flow_params *p,
                             lw_flow_stats *stats, lw_error *err) {
  if (simpler_ref_fits(job, p->simpler_from))
    job->ref = p->simpler_from;
  if (simpler_ref_fits(job, job->ref))
    return LW_OK;
  lw_flow_params rp = lw_flow_params_default(LW_FLOW_SIMPLER);
  rp.read = p->read;
  lw_flow_params_set_abc(&rp, p->synth.abc);
  rp.verify = 0;
  lw_flow_stats rs;
  lw_status st = lw_flow_prepare(job->path, &rp, &rs, &job->ref_owned, err);
  stats->abc_seconds += rs.abc_seconds;
  job->ref = job->ref_owned;
  return st;
}

/* The low-wear flows also weigh SIMPLER MAGIC's netlist: rewritten by
 * their rules, and as it is (mapped in SIMPLER's order among the others, it
 * needs no more cells than SIMPLER's program, so the flow's minimum row is
 * at most SIMPLER's). Not twice when lent by the lowwear job. */
static lw_status add_simpler_candidates(lw_flow_job *job, const flow_info *f,
                                        const lw_flow_params *p,
                                        lw_flow_stats *stats, lw_error *err) {
  for (int i = 0; i < job->ncands; i++)
    if (job->cands[i].source >= LW_FLOW_NETLIST_SIMPLER)
      return LW_OK;
  lw_status st = simpler_ref(job, p, stats, err);
  int first = job->ncands;
  const lw_flow_job *ref = job->ref;
  for (int i = 0; st == LW_OK && i < ref->ncands; i++)
    for (int asis = 0; asis < 2 && job->ncands < MAX_CANDIDATES; asis++) {
      candidate *c = &job->cands[job->ncands++];
      memset(c, 0, sizeof *c);
      c->net = ref->cands[i].net;
      c->borrowed = 1;
      c->source = asis ? LW_FLOW_NETLIST_SIMPLER_ASIS : LW_FLOW_NETLIST_SIMPLER;
      c->alternative = ref->cands[i].alternative;
      c->alternatives = ref->cands[i].alternatives;
    }
  if (st == LW_OK)
    st = finish_candidates(job, f, p, first, stats, err);
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
  int least_area = 0;
  if (p->synth_none) {
    candidate *c = &job->cands[job->ncands++];
    c->alternatives = 0;
    st = lw_io_read_mapped(path, &c->net, err);
  } else {
    st = synthesize(path, job->circuit, p, LW_FLOW_NETLIST_OWN, stats,
                    job->cands, &job->ncands, &least_area, err);
  }
  int own = job->ncands;
  if (st == LW_OK)
    st = finish_candidates(job, f, p, 0, stats, err);
  if (st == LW_OK && f->best_of_paper && !p->synth_none)
    st = add_paper_candidates(job, f, p, own, stats, err);
  if (st == LW_OK && f->criterion == LW_MERGE_TOGGLE && !p->synth_none)
    st = add_simpler_candidates(job, f, p, stats, err);
  if (st != LW_OK)
    goto done;
  job->min_row = UINT32_MAX;
  for (int i = 0; i < job->ncands; i++)
    if (job->cands[i].min_row < job->min_row)
      job->min_row = job->cands[i].min_row;
  /* the figures of the netlist of least area (ABC's own choice) until a
   * row picks one */
  describe(&job->cands[least_area], stats);
  stats->min_row = job->min_row;
done:
  stats->total_seconds = lw_clock() - t0;
  if (st != LW_OK)
    lw_flow_job_free(job);
  else
    *out = job;
  return st;
}

/* Between candidates' plain programs at one row: the low-wear flows keep the
 * lower toggle estimate, then the lower latency; the others the lower
 * latency, then the lower toggle estimate. */
static int preferred(const flow_info *f, const lw_program *a,
                     const lw_program *b) {
  const lw_metrics *x = &a->metrics, *y = &b->metrics;
  int toggle_first = f->criterion == LW_MERGE_TOGGLE;
  if (toggle_first && x->toggle_estimate != y->toggle_estimate)
    return x->toggle_estimate < y->toggle_estimate;
  if (x->latency != y->latency)
    return x->latency < y->latency;
  return x->toggle_estimate < y->toggle_estimate;
}

static int within(uint32_t bound, const lw_program *a) {
  return !bound || a->metrics.latency <= bound;
}

/* preferred, among programs within a latency bound first (0 = none) */
static int preferred_within(const flow_info *f, uint32_t bound,
                            const lw_program *a, const lw_program *b) {
  if (within(bound, a) != within(bound, b))
    return within(bound, a);
  return preferred(f, a, b);
}

/* SIMPLER's latency at `size` cells: the simpler job's program there, the
 * lowest latency over its candidates under its own rules as lw_flow_map
 * keeps it; 0 without a simpler job or when it does not fit. */
static lw_status simpler_latency(const lw_flow_job *ref, uint32_t size,
                                 uint32_t *latency, lw_error *err) {
  *latency = 0;
  if (!ref || size < ref->min_row)
    return LW_OK;
  lw_map_params mp = map_params(ref, size, 0);
  lw_status st = LW_OK;
  for (int i = 0; i < ref->ncands && st == LW_OK; i++) {
    if (ref->cands[i].min_row > size)
      continue;
    lw_program *prog = NULL;
    st = lw_map_run(ref->cands[i].net, &mp, NULL, &prog, err);
    if (st == LW_OK && (!*latency || prog->metrics.latency < *latency))
      *latency = prog->metrics.latency;
    lw_program_free(prog);
  }
  return st;
}

/* The program's provenance (docs/program.md): the options that shaped it,
 * with the defaults in effect written out. */
static void record_provenance(const lw_flow_job *job, uint32_t row,
                              uint32_t min_row, const candidate *c,
                              lw_program *prog) {
  const lw_flow_params *p = &job->params;
  /* as synthesize() ran it for c */
  int simpler = c->source >= LW_FLOW_NETLIST_SIMPLER;
  lw_synth_params sp = simpler ? job->ref->params.synth : p->synth;
  if (job->circuit && !sp.size_hint)
    sp.size_hint = lw_net_size(job->circuit) - job->circuit->pis.size;
  sp.gates = c->source == LW_FLOW_NETLIST_PAPER ? LW_GATES_PAPER : sp.gates;
  const char *script = sp.script ? sp.script : lw_synth_default_script(&sp);
  lw_provenance *v = &prog->prov;
  lw_provenance_free(v);
  *v = (lw_provenance){
      .lowwear = lw_strdup(LW_VERSION),
      .flow = lw_strdup(lw_flow_name(p->flow)),
      .row_requested = row,
      .row_used = prog->row_size,
      .min_row = min_row,
      .gates = lw_strdup(lw_synth_gate_set_name(p->synth.gates)),
      .max_inputs = p->synth.max_inputs,
      .cost = lw_strdup(lw_synth_cost_name(p->synth.cost)),
      .synth = lw_strdup(
          lw_synth_mode_name(p->synth_none ? LW_SYNTH_NONE : LW_SYNTH_ABC)),
      .abc_script = p->synth_none ? NULL : lw_strdup(script),
      .abc_alternative = c->alternatives ? c->alternative + 1 : 0,
      .abc_alternatives = c->alternatives,
      .netlist_gates = lw_strdup(lw_synth_gate_set_name(sp.gates)),
      .reinit = lw_strdup(
          lw_flow_reinit_name(map_params(job, row, 0).reinit == LW_REINIT_ALL
                                  ? LW_REINIT_BATCH
                                  : LW_REINIT_ON_DEMAND)),
      .paper_rules = p->paper_rules,
      .wear_aware = p->wear_aware,
      .prob_reinit = p->prob_reinit,
      .latency_slack = p->latency_slack,
      .verified = p->verify,
      .cec = p->verify && p->verify_params.cec,
      .vectors = p->verify_params.random_vectors,
      .seed = p->verify_params.seed};
}

/* Wear control's latency slack, cut so that its budget over the plain
 * latency stays within `bound` (SIMPLER's; 0 = none) when the plain
 * program is: a negative slack is none. */
static double slack_within(double slack, uint32_t plain, uint32_t bound) {
  if (!bound || plain > bound)
    return slack;
  double want = slack > 0 ? slack : slack < 0 ? 0 : LW_MAP_DEFAULT_SLACK;
  double room = (double)(bound - plain) / plain;
  return want <= room ? slack : room > 0 ? room : -1;
}

/* The wear-controlled program of net, which replaces *prog (whose latency
 * bound caps the budget); map/ gets the values of net on random inputs from
 * the simulator. */
static lw_status map_wear_controlled(const lw_flow_job *job, const lw_net *net,
                                     uint32_t size, uint32_t bound,
                                     double *map_seconds, lw_program **prog,
                                     lw_error *err) {
  double t0 = lw_clock();
  lw_map_params mp = map_params(job, size, 1);
  mp.latency_slack =
      slack_within(mp.latency_slack, (*prog)->metrics.latency, bound);
  uint64_t *values = NULL;
  lw_status st = lw_sim_net_random(net, LW_MAP_VALUE_WORDS, LW_MAP_VALUE_SEED,
                                   &values, err);
  mp.values = values;
  mp.value_words = LW_MAP_VALUE_WORDS;
  lw_program *ctl = NULL;
  if (st == LW_OK)
    st = lw_map_run(net, &mp, NULL, &ctl, err);
  *map_seconds += lw_clock() - t0;
  lw_free(values);
  lw_program_free(*prog);
  *prog = ctl;
  return st;
}

/* Recomputation over every candidate netlist (flow/recompute.c). */
static lw_status map_recomputed(const lw_flow_job *job, uint32_t row,
                                const lw_map_params *plain, int *chosen,
                                lw_net **renet, double *map_seconds,
                                lw_program **prog, lw_flow_stats *stats,
                                lw_error *err) {
  double t0 = lw_clock();
  const lw_net *nets[MAX_CANDIDATES];
  for (int i = 0; i < job->ncands; i++)
    nets[i] = job->cands[i].net;
  lw_flow_stats local;
  lw_status st = lw_flow_recompute(nets, job->ncands, plain, row,
                                   job->params.latency_budget, prog, chosen,
                                   renet, stats ? stats : &local, err);
  *map_seconds += lw_clock() - t0;
  return st;
}

/* Simulate the program against the circuit (and prove it, with cec); an
 * incorrect program is an error. report may be NULL. */
static lw_status verify_program(const lw_flow_job *job, const flow_info *f,
                                const lw_program *prog,
                                lw_verify_report *report, lw_error *err) {
  lw_verify_report local_report;
  lw_verify_report *rep = report ? report : &local_report;
  lw_status st =
      lw_sim_verify(job->circuit, prog, &job->params.verify_params, rep, err);
  if (st == LW_OK && !rep->ok)
    st = lw_error_set(err, LW_ERR_VERIFY, job->path, 0,
                      "the %s program is incorrect, not written: %s",
                      lw_flow_name(job->params.flow), rep->first_error);
  if (!report)
    lw_verify_report_free(&local_report);
  return st;
}

/* What the row's choice among the candidates found. */
typedef struct choice {
  int chosen;         /* the candidate kept, -1 before any */
  int own_fits;       /* one of the flow's own netlists fits the row */
  int own_within;     /* ... and one of them is no slower than SIMPLER */
  uint32_t bound;     /* SIMPLER's latency at the row (low-wear flows) */
  double map_seconds; /* spent in map/ */
} choice;

/* The plain program of every candidate that fits plain->row; the flow's
 * choice, among those no slower than SIMPLER's first, into *prog. */
static lw_status choose_plain(const lw_flow_job *job, const flow_info *f,
                              const lw_map_params *plain, choice *ch,
                              lw_program **prog, lw_error *err) {
  lw_status st = simpler_latency(job->ref, plain->row, &ch->bound, err);
  for (int i = 0; i < job->ncands && st == LW_OK; i++) {
    const candidate *c = &job->cands[i];
    if (c->min_row > plain->row)
      continue;
    int own = c->source == LW_FLOW_NETLIST_OWN;
    ch->own_fits |= own;
    lw_program *cand = NULL;
    lw_map_stats ms;
    memset(&ms, 0, sizeof ms);
    st = lw_map_run(c->net, plain, &ms, &cand, err);
    ch->map_seconds += ms.seconds;
    ch->own_within |= st == LW_OK && own && within(ch->bound, cand);
    if (st == LW_OK &&
        (ch->chosen < 0 || preferred_within(f, ch->bound, cand, *prog))) {
      lw_program_free(*prog);
      *prog = cand;
      ch->chosen = i;
    } else {
      lw_program_free(cand);
    }
  }
  return st;
}

/* The flow's figures of the row's program (prog NULL: it failed). */
static void map_stats(const lw_flow_job *job, const choice *ch,
                      uint32_t plain_row, const lw_program *prog,
                      lw_flow_stats *stats) {
  stats->map_seconds = ch->map_seconds;
  stats->min_row = job->min_row;
  stats->netlist = LW_FLOW_NETLIST_OWN;
  stats->netlist_reason = LW_FLOW_WHY_OWN;
  stats->simpler_latency = ch->bound;
  stats->latency_unmatched = 0;
  if (!prog)
    return;
  const candidate *c = &job->cands[ch->chosen];
  describe(c, stats);
  stats->netlist = c->source;
  stats->netlist_reason = c->source == LW_FLOW_NETLIST_OWN ? LW_FLOW_WHY_OWN
                          : !ch->own_fits                  ? LW_FLOW_WHY_ROW
                          : !ch->own_within && within(ch->bound, prog)
                              ? LW_FLOW_WHY_LATENCY
                              : LW_FLOW_WHY_TOGGLE;
  /* SIMPLER's latency binds at the plain row only: below it (exact,
   * recomputation) SIMPLER does not fit */
  stats->latency_unmatched =
      lw_program_row_size(prog) == plain_row && !within(ch->bound, prog);
}

/* After the plain choice: --exact, recomputation, wear control; then the
 * provenance. */
static lw_status refine(lw_flow_job *job, const flow_info *f, uint32_t row,
                        const lw_map_params *plain, int recompute, choice *ch,
                        lw_flow_stats *stats, lw_program **prog,
                        lw_error *err) {
  lw_status st = LW_OK;
  lw_net *renet = NULL;
  /* --exact: the chosen netlist at its exact minimum row (plain mapping) */
  if (job->params.exact && !row && f->criterion == LW_MERGE_TOGGLE &&
      !job->params.wear_aware && !job->params.prob_reinit)
    st = lw_flow_exact(job->cands[ch->chosen].net, plain, &job->params, stats,
                       &ch->map_seconds, prog, err);
  if (st == LW_OK && recompute)
    st = map_recomputed(job, row, plain, &ch->chosen, &renet, &ch->map_seconds,
                        prog, stats, err);
  /* wear control on the chosen netlist, within its latency budget */
  if (st == LW_OK && (job->params.wear_aware || job->params.prob_reinit))
    st = map_wear_controlled(job, renet ? renet : job->cands[ch->chosen].net,
                             (*prog)->row_size, renet ? 0 : ch->bound,
                             &ch->map_seconds, prog, err);
  lw_net_free(renet);
  if (st == LW_OK) {
    uint32_t used = lw_program_row_size(*prog);
    record_provenance(job, row, used < job->min_row ? used : job->min_row,
                      &job->cands[ch->chosen], *prog);
  }
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
  lw_status st = LW_OK;
  choice ch = {.chosen = -1};
  if (stats) {
    stats->exact_status = LW_EXACT_OFF;
    stats->recomputed = 0;
  }
  /* recomputation: the plain program at the minimum row first */
  int recompute = job->params.recompute && f->criterion == LW_MERGE_TOGGLE &&
                  (size < job->min_row || !row);
  if (size < job->min_row && !recompute)
    st = lw_error_set(err, LW_ERR_ROW, NULL, 0,
                      "a row of %u cells is too small for '%s' (flow %s): "
                      "the minimum is %u",
                      size, job->cands[0].net->name,
                      lw_flow_name(job->params.flow), job->min_row);
  lw_map_params plain = map_params(job, recompute ? job->min_row : size, 0);
  if (st == LW_OK)
    st = choose_plain(job, f, &plain, &ch, prog, err);
  if (st == LW_OK)
    st = refine(job, f, row, &plain, recompute, &ch, stats, prog, err);
  if (st != LW_OK) {
    lw_program_free(*prog);
    *prog = NULL;
  }
  if (stats)
    map_stats(job, &ch, plain.row, *prog, stats);
  if (st != LW_OK || !job->params.verify)
    return st;
  st = verify_program(job, f, *prog, report, err);
  if (stats)
    stats->verify_seconds = lw_clock() - t0 - ch.map_seconds;
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
