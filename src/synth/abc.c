/* The ABC driver: one ABC process per synthesis, in a scratch folder that is
 * always removed, under a time limit. ABC reads only what lowwear wrote
 * there: the circuit as read, as BLIF (io/blif_write.c; never the user's
 * file, which ABC may misread or abort on), and the genlib. No user path
 * meets ABC's command line (it splits on ';'). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/blif_write.h"
#include "net/net.h"

#include "base/proc.h"
#include "base/scratch.h"
#include "base/str.h"
#include "lowwear/lowwear.h"
#include "synth/genlib.h"

/* SIMPLER MAGIC's script with ABC's aliases spelled out (docs/simpler.md 1). */
#define RESYN "balance; rewrite; rewrite -z; balance; rewrite -z; balance"
#define RESYN2                                                                 \
  "balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; "        \
  "refactor -z; rewrite -z; balance"
#define RESYN2RS                                                               \
  "balance; resub -K 6; rewrite; resub -K 6 -N 2; refactor; resub -K 8; "      \
  "balance; resub -K 8 -N 2; rewrite; resub -K 10; rewrite -z; "               \
  "resub -K 10 -N 2; balance; resub -K 12; refactor -z; resub -K 12 -N 2; "    \
  "rewrite -z; balance"

const char lw_synth_script_simpler[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; map";
/* The low-wear flows' default: the same logic optimisation, then three
 * alternatives, of which the netlist with the least total area (the flow's
 * cost model) is kept. The first maps with structural choices and ABC's
 * area-oriented cut-based mapper: of the single scripts tried (map -a, amap,
 * dch + map -a, dch + amap, &synch2 + &nf, two optimisation rounds, &dch +
 * &nf -a) it gave the lowest total toggle rate after mapping on the 18
 * smaller protocol circuits: 3046.5 against 3220.75 for dch + map -a and
 * 3332.0 for map -a (README, "Synthesis"). The second first resynthesises
 * 4-input windows with don't cares (mfs2), the third with &syn2; neither
 * wins everywhere (README, "Synthesis": mfs2 takes EPFL arbiter from 11969
 * to 7147 gates, &syn2 bar from 2965 to 2695). */
#define AREA_MAP "&get -n; &dch; &nf -a; &put"
#define MFS "if -K 4; mfs2 -W 4; strash; dc2"
#define SYN2 "&get -n; &syn2; &put"
const char lw_synth_script_area[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; {" AREA_MAP " | " MFS
          "; " AREA_MAP " | " SYN2 "; " AREA_MAP "}";

lw_synth_params lw_synth_params_default(void) {
  lw_synth_params p = {.abc = {.path = NULL, .timeout_s = 3600}, /* hyp */
                       .script = NULL,
                       .cost = LW_COST_SIMPLER,
                       .gates = LW_GATES_NOR,
                       .max_inputs = 4, /* the widest cell the table has */
                       .size_hint = 0};
  return p;
}

/* With the wide library, &nf loses: over the same 18 circuits the total
 * toggle rate after mapping is 1779.8 with dch + map -a against 2142.9 with
 * &dch + &nf -a, 1883.9 without the optimisation rounds and 1912.5 with
 * amap (README, "Wide gates"). */
#define WIDE_MAP "dch; map -a"
const char lw_synth_script_wide[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; {" WIDE_MAP " | " MFS
          "; " WIDE_MAP " | " SYN2 "; " WIDE_MAP "}";

/* Structural choices (&dch, dch) grow faster than the circuit: on EPFL hyp
 * (214k AND nodes) &dch alone ran for about 17 minutes while &nf -a without
 * it took 3.6 s. Above LW_SYNTH_LARGE logic nodes the default scripts map
 * without choices; the only circuit of both full suites above it is
 * hyp (the next, div, has 57k). */
const char lw_synth_script_area_large[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; &get -n; &nf -a; &put";
const char lw_synth_script_wide_large[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; map -a";

const char *lw_synth_default_script(const lw_synth_params *params) {
  int large = params->size_hint > LW_SYNTH_LARGE;
  if (params->cost == LW_COST_SIMPLER)
    return lw_synth_script_simpler;
  if (params->gates == LW_GATES_WIDE)
    return large ? lw_synth_script_wide_large : lw_synth_script_wide;
  return large ? lw_synth_script_area_large : lw_synth_script_area;
}

/* ---- scripts with alternatives: PREFIX {ALT | ALT | ...} ----------------- */

typedef struct script_parts {
  lw_chars prefix;
  lw_chars alts[LW_SYNTH_MAX_ALTS];
  int nalts; /* 0: no braces, the script is the prefix */
} script_parts;

static void put_text(lw_chars *out, const char *s, size_t n) {
  while (n && (*s == ' ' || *s == ';'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == ';'))
    n--;
  for (size_t i = 0; i < n; i++)
    lw_vec_push(out, s[i]);
  lw_vec_push(out, 0);
}

static void free_parts(script_parts *p) {
  lw_vec_free(&p->prefix);
  for (int i = 0; i < LW_SYNTH_MAX_ALTS; i++)
    lw_vec_free(&p->alts[i]);
}

/* Split a script; LW_ERR_USAGE when its braces are not one final group of
 * 2 to LW_SYNTH_MAX_ALTS non-empty alternatives. */
static lw_status split_script(const char *script, script_parts *p,
                              lw_error *err) {
  memset(p, 0, sizeof *p);
  const char *open = strchr(script, '{');
  const char *close = strrchr(script, '}');
  if (!open && !close && !strchr(script, '|')) {
    put_text(&p->prefix, script, strlen(script));
    return LW_OK;
  }
  const char *why = NULL;
  if (!open || !close || close < open || strchr(open + 1, '{') ||
      strchr(script, '}') != close ||
      strspn(close + 1, " ;") != strlen(close + 1) ||
      memchr(script, '|', (size_t)(open - script)))
    why = "alternatives are written once, at the end: PREFIX; {A | B}";
  for (const char *a = open + 1; !why && a <= close;) {
    const char *bar = memchr(a, '|', (size_t)(close - a));
    const char *end = bar ? bar : close;
    if (p->nalts == LW_SYNTH_MAX_ALTS)
      why = "too many alternatives";
    else {
      put_text(&p->alts[p->nalts], a, (size_t)(end - a));
      if (!p->alts[p->nalts++].data[0])
        why = "an alternative is empty";
    }
    a = end + 1;
  }
  if (!why && p->nalts < 2)
    why = "braces need at least two alternatives separated by '|'";
  if (why) {
    free_parts(p);
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0, "ABC script: %s", why);
  }
  put_text(&p->prefix, script, (size_t)(open - script));
  return LW_OK;
}

int lw_synth_alternatives(const char *script) {
  script_parts p;
  lw_error err = {0};
  if (split_script(script, &p, &err) != LW_OK)
    return -1;
  int n = p.nalts ? p.nalts : 1;
  free_parts(&p);
  return n;
}

/* ABC's command line: read, library, prefix, then each alternative from
 * the state after the prefix, each writing outputs[i]. */
static char *command_line(const char *input, const char *genlib,
                          const script_parts *p, char *const *outputs) {
  lw_chars c = {0};
  lw_chars_printf(&c, "read %s; read_library %s", input, genlib);
  if (p->prefix.data[0])
    lw_chars_printf(&c, "; %s", p->prefix.data);
  if (!p->nalts)
    lw_chars_printf(&c, "; write_verilog %s", outputs[0]);
  for (int i = 0; i < p->nalts; i++)
    lw_chars_printf(&c, "; %s; %s; write_verilog %s", i ? "restore" : "backup",
                    p->alts[i].data, outputs[i]);
  return c.data;
}

const char *lw_synth_find_abc(const char *abc_path, lw_error *err) {
  char *found = lw_proc_find(abc_path, "berkeley-abc", "abc");
  if (!found) {
    if (abc_path)
      lw_error_set(err, LW_ERR_ABC, abc_path, 0,
                   "ABC executable not found or not executable");
    else
      lw_error_set(err, LW_ERR_ABC, NULL, 0,
                   "ABC not found: install it (apt-get install berkeley-abc) "
                   "or give --abc PATH");
    return NULL;
  }
  /* the name to run: the one given, or the one found on the PATH */
  const char *name = abc_path                        ? abc_path
                     : strstr(found, "berkeley-abc") ? "berkeley-abc"
                                                     : "abc";
  lw_free(found);
  return name;
}

/* The last line of ABC's output that says what went wrong. */
static void abc_complaint(const char *out, char *buf, size_t n) {
  const char *best = NULL;
  for (const char *line = out; line && *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    if (len > 0 && (strstr(line, "rror") || strstr(line, "annot") ||
                    strstr(line, "failed") || strstr(line, "Warning")))
      if (!best || line > best)
        best = line;
    line = end ? end + 1 : NULL;
  }
  if (!best) {
    size_t len = strlen(out);
    best = len > 200 ? out + len - 200 : out;
  }
  size_t len = strcspn(best, "\n");
  snprintf(buf, n, "%.*s", (int)(len < 300 ? len : 300), best);
}

/* Read ABC's netlist of one alternative. */
static lw_status read_output(const char *path, lw_net **net, lw_error *err) {
  lw_error sub = {0};
  lw_status st = lw_io_read_mapped(path, net, &sub);
  if (st != LW_OK)
    st = lw_error_set(err, LW_ERR_ABC, NULL, 0,
                      "ABC's netlist is unreadable: %s (line %d)", sub.msg,
                      sub.line);
  return st;
}

/* A circuit whose every output is an input of the same name has no logic
 * for ABC (which aborts on it, or writes a module without outputs): its
 * netlist is the inputs, read by the outputs. */
static int only_feedthroughs(const lw_net *circuit) {
  lw_net_foreach_po (circuit, i, id) {
    const char *name = lw_net_node_name(circuit, id);
    if (lw_net_type(circuit, id) != LW_GATE_PI ||
        strcmp(name, lw_net_po_name(circuit, i)))
      return 0;
  }
  return 1;
}

static lw_net *feedthrough_net(const lw_net *circuit) {
  lw_net *net = lw_net_new(circuit->name);
  uint32_t *pi = lw_alloc(sizeof(uint32_t) * (lw_net_size(circuit) + 1));
  lw_net_foreach_pi (circuit, i, id)
    pi[id] = lw_net_add_pi(net, lw_net_node_name(circuit, id));
  lw_net_foreach_po (circuit, i, id)
    lw_net_add_po(net, pi[id], lw_net_po_name(circuit, i));
  lw_free(pi);
  return net;
}

/* The scratch folder of one ABC run and the files in it. */
typedef struct abc_files {
  char *dir;
  char *input;  /* the circuit, as BLIF */
  char *genlib; /* the gate library */
  char *outputs[LW_SYNTH_MAX_ALTS];
  int nout; /* one netlist per alternative */
} abc_files;

static lw_status abc_files_new(int nout, abc_files *files, lw_error *err) {
  *files = (abc_files){.nout = nout};
  files->dir = lw_tmpdir_new();
  if (!files->dir)
    return lw_error_set(err, LW_ERR_IO, NULL, 0,
                        "cannot create a temporary folder");
  files->input = lw_path_join(files->dir, "circuit.blif");
  files->genlib = lw_path_join(files->dir, "cells.genlib");
  for (int i = 0; i < nout; i++) {
    char name[32];
    snprintf(name, sizeof name, "mapped%d.v", i);
    files->outputs[i] = lw_path_join(files->dir, name);
  }
  return LW_OK;
}

static void abc_files_remove(abc_files *files) {
  lw_free(files->input);
  lw_free(files->genlib);
  for (int i = 0; i < files->nout; i++)
    lw_free(files->outputs[i]);
  lw_tmpdir_remove(files->dir);
}

/* The genlib of the flow's gates and costs, and the circuit as BLIF. */
static lw_status write_abc_inputs(const lw_net *circuit,
                                  const lw_synth_params *params,
                                  const abc_files *files, lw_error *err) {
  lw_chars lib = {0};
  lw_genlib_write(params->gates, params->max_inputs, params->cost, &lib);
  FILE *f = fopen(files->genlib, "w");
  int written = f && fputs(lib.data, f) >= 0;
  if (f && fclose(f) != 0)
    written = 0;
  lw_vec_free(&lib);
  if (!written)
    return lw_error_set(err, LW_ERR_IO, NULL, 0,
                        "cannot write ABC's input files in %s", files->dir);
  return lw_io_write_blif(circuit, files->input, err);
}

/* Run ABC once on the script; an error unless it ended normally and wrote
 * every alternative's netlist. */
static lw_status run_abc(const char *abc, const lw_synth_params *params,
                         const script_parts *parts, const abc_files *files,
                         lw_synth_stats *stats, lw_error *err) {
  char *command =
      command_line(files->input, files->genlib, parts, files->outputs);
  char *argv[] = {(char *)abc, "-c", command, NULL};
  lw_proc proc;
  lw_proc_run(argv, params->abc.timeout_s, &proc);
  lw_free(command);
  if (stats)
    stats->seconds = proc.seconds;
  int missing = 0;
  for (int i = 0; i < files->nout; i++)
    missing |= access(files->outputs[i], R_OK) != 0;
  lw_status st = LW_OK;
  if (proc.result == LW_PROC_TIMEOUT)
    st = lw_error_set(err, LW_ERR_ABC, NULL, 0,
                      "ABC timed out after %g s (raise --abc-timeout)",
                      params->abc.timeout_s);
  else if (proc.result == LW_PROC_SIGNALED)
    st = lw_error_set(err, LW_ERR_ABC, NULL, 0, "ABC crashed (signal %d)",
                      proc.signal);
  else if (proc.result == LW_PROC_NOEXEC)
    st = lw_error_set(err, LW_ERR_ABC, NULL, 0, "cannot run ABC (%s)", abc);
  else if (missing) {
    char why[320];
    abc_complaint(proc.output.data, why, sizeof why);
    st =
        lw_error_set(err, LW_ERR_ABC, NULL, 0, "ABC wrote no netlist: %s", why);
  }
  lw_proc_free(&proc);
  return st;
}

/* Read every alternative's netlist into nets; *best is the one with the
 * least area, the first on a tie. Nothing is kept when one is unreadable. */
static lw_status read_alternatives(const abc_files *files, lw_cost_model cost,
                                   lw_net **nets, int *count, int *best,
                                   lw_error *err) {
  double best_area = 0;
  *best = -1;
  for (int i = 0; i < files->nout; i++) {
    lw_status st = read_output(files->outputs[i], &nets[i], err);
    if (st != LW_OK) {
      for (int j = 0; j < i; j++) {
        lw_net_free(nets[j]);
        nets[j] = NULL;
      }
      *count = 0;
      return st;
    }
    *count = i + 1;
    double area = lw_genlib_net_area(nets[i], cost);
    if (*best < 0 || area < best_area) {
      *best = i;
      best_area = area;
    }
  }
  return LW_OK;
}

/* The kept netlist's stateful gates, and which alternative it is. */
static void record_kept_alternative(const lw_net *net, int best, int nout,
                                    lw_synth_stats *stats) {
  stats->gates = 0;
  lw_net_foreach_node (net, id)
    stats->gates += lw_gate_is_stateful(lw_net_type(net, id));
  stats->alternative = best;
  stats->alternatives = nout;
}

lw_status lw_synth_run_all(const lw_net *circuit, const lw_synth_params *params,
                           lw_synth_stats *stats, lw_net **nets, int *count,
                           lw_error *err) {
  *count = 0;
  const char *script =
      params->script ? params->script : lw_synth_default_script(params);
  script_parts parts;
  lw_status st = split_script(script, &parts, err);
  if (st != LW_OK)
    return st;
  const char *abc = lw_synth_find_abc(params->abc.path, err);
  if (!abc) {
    free_parts(&parts);
    return LW_ERR_ABC;
  }
  if (only_feedthroughs(circuit)) {
    free_parts(&parts);
    nets[0] = feedthrough_net(circuit);
    *count = 1;
    if (stats)
      *stats = (lw_synth_stats){.alternatives = 1};
    return LW_OK;
  }
  abc_files files;
  st = abc_files_new(parts.nalts ? parts.nalts : 1, &files, err);
  if (st == LW_OK)
    st = write_abc_inputs(circuit, params, &files, err);
  if (st == LW_OK)
    st = run_abc(abc, params, &parts, &files, stats, err);
  int best = -1;
  if (st == LW_OK)
    st = read_alternatives(&files, params->cost, nets, count, &best, err);
  if (st == LW_OK && stats)
    record_kept_alternative(nets[best], best, files.nout, stats);
  if (files.dir)
    abc_files_remove(&files);
  free_parts(&parts);
  return st;
}

lw_status lw_synth_run(const lw_net *circuit, const lw_synth_params *params,
                       lw_synth_stats *stats, lw_net **mapped, lw_error *err) {
  lw_net *nets[LW_SYNTH_MAX_ALTS] = {0};
  lw_synth_stats local = {0};
  int n = 0;
  *mapped = NULL;
  lw_status st = lw_synth_run_all(circuit, params, &local, nets, &n, err);
  if (stats)
    *stats = local;
  for (int i = 0; i < n; i++) {
    if (i == local.alternative)
      *mapped = nets[i];
    else
      lw_net_free(nets[i]);
  }
  return st;
}
