/* --spice: an independent cross-check of the integrator with ngspice
 * (docs/device.md 5.6). Each case becomes a deck of behavioural sources: the
 * device current as a B-source, the gap as the voltage (nm) of a 1 uF
 * capacitor charged by a B-source equal to the rate in nm/us, the bounds
 * as ternary clamps and the F_min step smoothed by a tanh 1e-3 F_min wide
 * (without smoothing ngspice stops with "timestep too small"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "device/check.h"
#include "device/out.h"
#include "device/program.h"

/* Width of the smoothed F_min step, as a fraction of F_min. */
#define FMIN_SMOOTH 1e-3
/* ngspice's own limit per deck; a deck takes about 0.1 s. */
#define NGSPICE_TIMEOUT_S 120.0
/* ... and for the deck of a whole program (500 cycles at most) */
#define NGSPICE_PROGRAM_TIMEOUT_S 1800.0

/* p shifted to start at t0 (0 outside its window) */
static void pwl(lw_chars *b, const lw_pulse *p, double t0) {
  double t1 = t0 + p->delay, t2 = t1 + p->rise, t3 = t2 + p->width,
         t4 = t3 + p->fall;
  lw_chars_printf(b, "PWL(0 %.9g %.9e %.9g %.9e %.9g %.9e %.9g %.9e %.9g)\n",
                  p->base, t1, p->base, t2, p->peak, t3, p->peak, t4, p->base);
}

static void header(lw_chars *b, const lw_rram *m) {
  lw_chars_printf(
      b,
      ".param i0=%.9g g0=%.9g v0=%.9g vel0=%.9g beta=%.9g gamma0=%.9g\n"
      ".param ea=%.9g a0=%.9g t0=%.9g tox=%.9g gmin=%.9g gmax=%.9g\n"
      ".param rth=%.9g kb=1.3806226e-23 qe=1.6021918e-19\n"
      ".param fmin=%.9g fw=%.9g\n"
      "* gaps in nm; a0, g0, tox in nm\n"
      ".func cur(v,g) = i0*exp(-g/g0)*sinh(v/v0)\n"
      ".func tmp(v,g) = t0 + abs(v*cur(v,g))*rth\n"
      ".func gam(v,g) = ((v >= 0) ? gamma0 : 16) - beta*g*g*g\n",
      m->i0, m->g0 * 1e9, m->v0, m->vel0, m->beta, m->gamma0, m->ea,
      m->a0 * 1e9, m->t0, m->tox * 1e9, m->gap_min * 1e9, m->gap_max * 1e9,
      m->rth, m->f_min, m->f_min * FMIN_SMOOTH);
  if (m->f_min > 0)
    lw_chars_printf(b, ".func opn(v,g) = 0.5*(1 + tanh((gam(v,g)*abs(v)/"
                       "(tox*1e-9) - fmin)/fw))\n");
  else
    lw_chars_printf(b, ".func opn(v,g) = 1\n");
  lw_chars_printf(b, "* rate in nm/us: m/s times 1e3\n"
                     ".func rate(v,g) = -vel0*1e3*exp(-qe*ea/(kb*tmp(v,g)))"
                     "*sinh(gam(v,g)*opn(v,g)*a0*qe*v/(tox*kb*tmp(v,g)))\n"
                     ".func clamp(r,g) = ((g <= gmin) && (r < 0)) ? 0 : "
                     "(((g >= gmax) && (r > 0)) ? 0 : r)\n");
}

/* The sources of circuit c from t0 on: node and element names end in tag
 * ("" for a deck of one case), device i's gap is node g<gap[i]>. With
 * gated, the device sources are 0 outside the window without being
 * evaluated (ngspice's ternary evaluates one branch): about 9 times
 * faster on the full adder's program than leaving them to vanish at 0 V. */
static void circuit(lw_chars *b, const lw_pmr *c, const char *tag,
                    const uint32_t *gap, double t0, int gated) {
  char on[128] = "", off[8] = "";
  if (gated) {
    snprintf(on, sizeof on, "((time >= %.9e) && (time <= %.9e)) ? ", t0 - 1e-9,
             t0 + c->t_end + 1e-9);
    snprintf(off, sizeof off, " : 0");
  }
  for (uint32_t i = 0; i < c->n; i++) {
    const lw_pmr_device *d = &c->dev[i];
    lw_chars_printf(b, "VL%s%u l%s%u 0 ", tag, i, tag, i);
    pwl(b, &d->line, t0);
    /* the device voltage TE - BE for either orientation */
    char v[96];
    if (d->orient < 0)
      snprintf(v, sizeof v, "(v(x%s)-v(l%s%u))", tag, tag, i);
    else
      snprintf(v, sizeof v, "(v(l%s%u)-v(x%s))", tag, i, tag);
    if (d->orient < 0)
      lw_chars_printf(b, "BD%s%u x%s l%s%u I=%scur(%s, v(g%u))%s\n", tag, i,
                      tag, tag, i, on, v, gap[i], off);
    else
      lw_chars_printf(b, "BD%s%u l%s%u x%s I=%scur(%s, v(g%u))%s\n", tag, i,
                      tag, i, tag, on, v, gap[i], off);
    lw_chars_printf(b, "BG%s%u 0 g%u I=%sclamp(rate(%s, v(g%u)), v(g%u))%s\n",
                    tag, i, gap[i], on, v, gap[i], gap[i], off);
  }
  lw_chars_printf(b, "VR%s r%s 0 ", tag, tag);
  pwl(b, &c->ret, t0);
  if (c->rs > 0)
    lw_chars_printf(b, "RS%s x%s r%s %.9g\n", tag, tag, tag, c->rs);
  else
    lw_chars_printf(b, "VRS%s x%s r%s 0\n", tag, tag, tag);
}

/* A gap node: a 1 uF capacitor starting at gap_m. */
static void gap_node(lw_chars *b, uint32_t id, double gap_m) {
  lw_chars_printf(b, "CG%u g%u 0 1u IC=%.9g\n", id, id, gap_m * 1e9);
}

/* Integration up to t_end; gfin<id> = the gap of node g<id> then. */
static void analysis(lw_chars *b, double t_end, const uint32_t *ids,
                     uint32_t n) {
  lw_chars_printf(b, ".options method=gear\n.tran 0.1n %.9e 0 1n uic\n",
                  t_end + 1e-9);
  for (uint32_t i = 0; i < n; i++)
    lw_chars_printf(b, ".meas tran gfin%u FIND v(g%u) AT=%.9e\n", ids[i],
                    ids[i], t_end);
  lw_chars_printf(b, ".end\n");
}

static void deck(lw_chars *b, const lw_pmr *c, const lw_device_case *cs,
                 const char *bias) {
  lw_chars_printf(b, "* lowwear device: %s inputs %s, bias %s\n", cs->gate,
                  cs->inputs, bias);
  header(b, &c->model);
  uint32_t ids[LW_PMR_MAX_DEVICES];
  for (uint32_t i = 0; i < c->n; i++) {
    ids[i] = i;
    gap_node(b, i, c->dev[i].gap);
  }
  circuit(b, c, "", ids, 0, 0);
  analysis(b, c->t_end, ids, c->n);
}

/* Final gaps from ngspice's output: lines "gfin<ids[i]> = value". */
static int parse_gaps(const char *out, const uint32_t *ids, uint32_t n,
                      double *g) {
  uint32_t found = 0;
  for (uint32_t i = 0; i < n; i++) {
    char key[24];
    snprintf(key, sizeof key, "gfin%u", ids[i]);
    for (const char *p = strstr(out, key); p; p = strstr(p + 1, key)) {
      const char *q = p + strlen(key);
      while (*q == ' ' || *q == '\t')
        q++;
      if (*q != '=')
        continue;
      char *end;
      double x = strtod(q + 1, &end);
      if (end != q + 1) {
        g[i] = x;
        found++;
        break;
      }
    }
  }
  return found == n;
}

static uint32_t bits_of(const char *inputs) {
  uint32_t b = 0;
  for (const char *p = inputs; *p; p++)
    b = b << 1 | (uint32_t)(*p == '1');
  return b;
}

lw_status lw_device_spice(const lw_device_params *params,
                          const lw_device_report *rep, const char *dir,
                          const char *ngspice_path,
                          lw_device_spice_stats *stats, lw_error *err) {
  lw_device_spice_stats local;
  if (!stats)
    stats = &local;
  *stats = (lw_device_spice_stats){0};
  lw_dsetup s;
  lw_status st = lw_device_setup(params, &s, err);
  if (st == LW_OK)
    st = lw_fs_mkdirs(dir, err);
  if (st != LW_OK)
    return st;
  char *exe = lw_proc_which(ngspice_path ? ngspice_path : "ngspice");
  stats->ran = exe != NULL;
  double start = lw_clock();
  lw_chars buf = {0};
  for (uint32_t k = 0; k < rep->ncases && st == LW_OK; k++) {
    const lw_device_case *cs = &rep->cases[k];
    const lw_dgate *g = lw_dgate_find(cs->gate);
    const lw_bias_row *row = g ? lw_bias_find(&s.bias, g->name) : NULL;
    if (!row) {
      st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                        "case %s %s has no bias row", cs->gate, cs->inputs);
      break;
    }
    lw_pmr c;
    lw_dgate_circuit(g, &s.bias, row, &s.model, s.pulse, bits_of(cs->inputs),
                     &c);
    lw_vec_clear(&buf);
    deck(&buf, &c, cs, s.bias.name);
    char name[64];
    snprintf(name, sizeof name, "%s_%s.cir", cs->gate, cs->inputs);
    if ((st = lw_device_save(dir, name, &buf, err)) != LW_OK)
      break;
    stats->decks++;
    if (!exe)
      continue;
    char *path = lw_path_join(dir, name);
    char *argv[] = {exe, "-b", path, NULL};
    lw_proc proc;
    lw_proc_run(argv, NGSPICE_TIMEOUT_S, &proc);
    double gaps[LW_PMR_MAX_DEVICES];
    uint32_t ids[LW_PMR_MAX_DEVICES];
    for (uint32_t i = 0; i < c.n; i++)
      ids[i] = i;
    if (proc.result == LW_PROC_EXITED &&
        parse_gaps(proc.output.data, ids, c.n, gaps)) {
      stats->runs_ok++;
      int kept = 1;
      for (uint32_t i = 0; i < c.n; i++) {
        stats->max_gap_diff_nm =
            fmax(stats->max_gap_diff_nm, fabs(gaps[i] - cs->final_gap_nm[i]));
        int was = cs->initial_gap_nm[i] < s.bias.read * 1e9;
        if (i + 1 < c.n)
          kept &= (gaps[i] < s.bias.read * 1e9) == was;
      }
      int out = gaps[c.n - 1] < s.bias.read * 1e9;
      stats->logic_mismatches += out != cs->output || kept != cs->inputs_kept;
    }
    lw_proc_free(&proc);
    lw_free(path);
  }
  stats->seconds = lw_clock() - start;
  lw_vec_free(&buf);
  lw_free(exe);
  return st;
}

/* ---- a whole program (--program --spice, docs/device.md 10.7) ------------
 * Every circuit of one evaluation, in order, each in its own time window
 * with its own nodes; a cell is one gap node shared by every circuit that
 * uses it, starting at the gap it had when the program first touched it.
 * Outside its window a circuit's sources are at 0 V, where the current
 * and the rate vanish, so the cells evolve exactly as in the C run. */
typedef struct program_deck {
  lw_chars body;
  double t;      /* end of the last window, s */
  uint32_t k;    /* circuits so far */
  double *start; /* per cell: its gap when first touched, m */
  uint8_t *seen; /* per cell */
  lw_u32s cells; /* the touched cells, in order of first use */
} program_deck;

static void add_circuit(void *ctx, const lw_pmr *c, const uint32_t *cells) {
  program_deck *d = ctx;
  for (uint32_t i = 0; i < c->n; i++)
    if (!d->seen[cells[i]]) {
      d->seen[cells[i]] = 1;
      d->start[cells[i]] = c->dev[i].gap;
      lw_vec_push(&d->cells, cells[i]);
    }
  char tag[24];
  snprintf(tag, sizeof tag, "_%u_", d->k++);
  circuit(&d->body, c, tag, cells, d->t, 1);
  d->t += c->t_end;
}

/* The C run of vector v from a fresh row, recorded into d; the deck text
 * into b. */
static void record_program(lw_drow *r, const lw_dvectors *vs, uint32_t v,
                           program_deck *d, lw_chars *b) {
  const lw_program *prog = r->prog;
  uint8_t *out = lw_alloc(prog->outputs.size + 1);
  lw_device_vector res;
  r->on_circuit = add_circuit;
  r->ctx = d;
  lw_drow_reset(r);
  lw_drow_eval(r, vs->in + (size_t)v * prog->inputs.size, out, &res);
  r->on_circuit = NULL;
  r->ctx = NULL;
  lw_free(out);
  lw_chars_printf(b,
                  "* lowwear device --program: vector %u, %u cycles, %u "
                  "circuits, bias %s\n",
                  v, prog->cycles.size, d->k, r->s->bias.name);
  header(b, &r->s->model);
  lw_vec_foreach (&d->cells, i)
    gap_node(b, d->cells.data[i], d->start[d->cells.data[i]]);
  lw_chars_printf(b, "%s", d->body.data ? d->body.data : "");
  analysis(b, d->t, d->cells.data, d->cells.size);
}

static void compare_program(const lw_drow *r, const program_deck *d,
                            const double *gaps, lw_device_spice_stats *stats) {
  double read = r->s->bias.read * 1e9;
  lw_vec_foreach (&d->cells, i) {
    double c = r->gap[d->cells.data[i]] * 1e9;
    stats->max_gap_diff_nm = fmax(stats->max_gap_diff_nm, fabs(gaps[i] - c));
    stats->logic_mismatches += (gaps[i] < read) != (c < read);
  }
}

lw_status lw_device_spice_program(lw_drow *r, const lw_dvectors *vs, uint32_t v,
                                  const char *dir, const char *ngspice_path,
                                  lw_device_spice_stats *stats, lw_error *err) {
  *stats = (lw_device_spice_stats){0};
  lw_status st = lw_fs_mkdirs(dir, err);
  if (st != LW_OK)
    return st;
  double start = lw_clock();
  program_deck d = {0};
  d.start = lw_alloc(sizeof *d.start * (r->n + 1));
  d.seen = lw_alloc(r->n + 1);
  memset(d.seen, 0, r->n + 1);
  lw_chars b = {0};
  record_program(r, vs, v, &d, &b);
  const char *name = "program.cir";
  st = lw_device_save(dir, name, &b, err);
  char *exe = lw_proc_which(ngspice_path ? ngspice_path : "ngspice");
  stats->decks = st == LW_OK;
  stats->ran = st == LW_OK && exe != NULL;
  if (stats->ran) {
    char *path = lw_path_join(dir, name);
    char *argv[] = {exe, "-b", path, NULL};
    lw_proc proc;
    lw_proc_run(argv, NGSPICE_PROGRAM_TIMEOUT_S, &proc);
    double *gaps = lw_alloc(sizeof *gaps * (d.cells.size + 1));
    if (proc.result == LW_PROC_EXITED &&
        parse_gaps(proc.output.data, d.cells.data, d.cells.size, gaps)) {
      stats->runs_ok = 1;
      compare_program(r, &d, gaps, stats);
    }
    lw_free(gaps);
    lw_proc_free(&proc);
    lw_free(path);
  }
  lw_drow_reset(r);
  stats->seconds = lw_clock() - start;
  lw_free(exe);
  lw_vec_free(&b);
  lw_vec_free(&d.body);
  lw_vec_free(&d.cells);
  lw_free(d.start);
  lw_free(d.seen);
  return st;
}
