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

/* Width of the smoothed F_min step, as a fraction of F_min. */
#define FMIN_SMOOTH 1e-3
/* ngspice's own limit per deck; a deck takes about 0.1 s. */
#define NGSPICE_TIMEOUT_S 120.0

static void pwl(lw_chars *b, const lw_pulse *p) {
  double t1 = p->delay, t2 = t1 + p->rise, t3 = t2 + p->width,
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

static void deck(lw_chars *b, const lw_pmr *c, const lw_device_case *cs,
                 const char *bias) {
  lw_chars_printf(b, "* lowwear device: %s inputs %s, bias %s\n", cs->gate,
                  cs->inputs, bias);
  header(b, &c->model);
  for (uint32_t i = 0; i < c->n; i++) {
    const lw_pmr_device *d = &c->dev[i];
    lw_chars_printf(b, "VL%u l%u 0 ", i, i);
    pwl(b, &d->line);
    /* the device voltage TE - BE for either orientation */
    char v[64];
    if (d->orient < 0)
      snprintf(v, sizeof v, "(v(x)-v(l%u))", i);
    else
      snprintf(v, sizeof v, "(v(l%u)-v(x))", i);
    if (d->orient < 0)
      lw_chars_printf(b, "BD%u x l%u I=cur(%s, v(g%u))\n", i, i, v, i);
    else
      lw_chars_printf(b, "BD%u l%u x I=cur(%s, v(g%u))\n", i, i, v, i);
    lw_chars_printf(b, "CG%u g%u 0 1u IC=%.9g\n", i, i, d->gap * 1e9);
    lw_chars_printf(b, "BG%u 0 g%u I=clamp(rate(%s, v(g%u)), v(g%u))\n", i, i,
                    v, i, i);
  }
  lw_chars_printf(b, "VR r 0 ");
  pwl(b, &c->ret);
  if (c->rs > 0)
    lw_chars_printf(b, "RS x r %.9g\n", c->rs);
  else
    lw_chars_printf(b, "VRS x r 0\n");
  double stop = c->t_end + 1e-9;
  lw_chars_printf(b, ".options method=gear\n.tran 0.1n %.9e 0 1n uic\n", stop);
  for (uint32_t i = 0; i < c->n; i++)
    lw_chars_printf(b, ".meas tran gfin%u FIND v(g%u) AT=%.9e\n", i, i,
                    c->t_end);
  lw_chars_printf(b, ".end\n");
}

/* Final gaps from ngspice's output: lines "gfinN = value". */
static int parse_gaps(const char *out, uint32_t n, double *g) {
  uint32_t found = 0;
  for (uint32_t i = 0; i < n; i++) {
    char key[16];
    snprintf(key, sizeof key, "gfin%u", i);
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
    st = lw_device_mkdir(dir, err);
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
    if (proc.result == LW_PROC_EXITED &&
        parse_gaps(proc.output.data, c.n, gaps)) {
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
