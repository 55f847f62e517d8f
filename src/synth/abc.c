/* The ABC driver: one ABC process per synthesis, in a scratch folder that is
 * always removed, under a time limit. The circuit is copied into the folder
 * so that no path can break ABC's command line (it splits on ';'). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/net.h"

#include "base/proc.h"
#include "lowwear/lowwear.h"
#include "synth/genlib.h"

/* SIMPLER MAGIC's script with ABC's aliases spelled out (SIMPLER.md 1). */
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
/* The low-wear flows' default: the same logic optimisation, then structural
 * choices and ABC's area-oriented cut-based mapper. Of the candidates tried
 * (map -a, amap, dch + map -a, dch + amap, &synch2 + &nf, two optimisation
 * rounds, &dch + &nf -a) this gave the lowest total toggle rate after
 * mapping on the 18 smaller protocol circuits: 3046.5 against 3220.75 for
 * dch + map -a and 3332.0 for map -a (README, "Synthesis"). */
const char lw_synth_script_area[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; &get -n; &dch; &nf -a; "
          "&put";

lw_synth_params lw_synth_params_default(void) {
  lw_synth_params p = {.abc_path = NULL,
                       .timeout_s = 3600, /* EPFL hyp: over 600 s in ABC */
                       .script = NULL,
                       .cost = LW_COST_SIMPLER,
                       .gates = LW_GATES_NOR};
  return p;
}

/* With the wide library, &nf loses: over the same 18 circuits the total
 * toggle rate after mapping is 1779.8 with dch + map -a against 2142.9 with
 * &dch + &nf -a, 1883.9 without the optimisation rounds and 1912.5 with
 * amap (README, "Wide gates"). */
const char lw_synth_script_wide[] =
    RESYN "; " RESYN2 "; " RESYN2RS "; strash; dch; map -a";

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

static const char *extension(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash : path, '.');
  return dot ? dot : "";
}

static int copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  if (!in)
    return -1;
  FILE *out = fopen(to, "wb");
  if (!out) {
    fclose(in);
    return -1;
  }
  char buf[65536];
  size_t n;
  int ok = 1;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    ok &= fwrite(buf, 1, n, out) == n;
  ok &= !ferror(in);
  fclose(in);
  ok &= fclose(out) == 0;
  return ok ? 0 : -1;
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

lw_status lw_synth_run(const char *circuit_path, const lw_synth_params *params,
                       lw_synth_stats *stats, lw_net **mapped, lw_error *err) {
  *mapped = NULL;
  const char *abc = lw_synth_find_abc(params->abc_path, err);
  if (!abc)
    return LW_ERR_ABC;
  FILE *probe = fopen(circuit_path, "rb");
  if (!probe)
    return lw_error_set(err, LW_ERR_IO, circuit_path, 0, "cannot open: %s",
                        strerror(errno));
  fclose(probe);
  char *dir = lw_tmpdir_new();
  if (!dir)
    return lw_error_set(err, LW_ERR_IO, NULL, 0,
                        "cannot create a temporary folder");
  char input_name[32];
  snprintf(input_name, sizeof input_name, "input%s", extension(circuit_path));
  char *input = lw_path_join(dir, input_name);
  char *genlib = lw_path_join(dir, "cells.genlib");
  char *output = lw_path_join(dir, "mapped.v");
  lw_status st = LW_OK;
  lw_chars lib = {0};
  lw_genlib_write(params->gates, params->max_inputs, params->cost, &lib);
  FILE *f = fopen(genlib, "w");
  if (!f || fputs(lib.data, f) < 0 || fclose(f) != 0 ||
      copy_file(circuit_path, input) != 0) {
    st = lw_error_set(err, LW_ERR_IO, NULL, 0,
                      "cannot write ABC's input files in %s", dir);
    goto done;
  }
  const char *script = params->script;
  if (!script)
    script = params->cost == LW_COST_SIMPLER  ? lw_synth_script_simpler
             : params->gates == LW_GATES_WIDE ? lw_synth_script_wide
                                              : lw_synth_script_area;
  size_t len =
      strlen(script) + strlen(input) + strlen(genlib) + strlen(output) + 128;
  char *command = lw_alloc(len);
  snprintf(command, len, "read %s; read_library %s; %s; write_verilog %s",
           input, genlib, script, output);
  char *argv[] = {(char *)abc, "-c", command, NULL};
  lw_proc proc;
  lw_proc_run(argv, params->timeout_s, &proc);
  lw_free(command);
  if (stats)
    stats->seconds = proc.seconds;
  if (proc.result == LW_PROC_TIMEOUT)
    st = lw_error_set(err, LW_ERR_ABC, circuit_path, 0,
                      "ABC timed out after %g s (raise --abc-timeout)",
                      params->timeout_s);
  else if (proc.result == LW_PROC_SIGNALED)
    st = lw_error_set(err, LW_ERR_ABC, circuit_path, 0,
                      "ABC crashed (signal %d)", proc.signal);
  else if (proc.result == LW_PROC_NOEXEC)
    st = lw_error_set(err, LW_ERR_ABC, NULL, 0, "cannot run ABC (%s)", abc);
  else if (access(output, R_OK) != 0) {
    char why[320];
    abc_complaint(proc.output.data, why, sizeof why);
    st = lw_error_set(err, LW_ERR_ABC, circuit_path, 0,
                      "ABC wrote no netlist: %s", why);
  }
  lw_proc_free(&proc);
  if (st == LW_OK) {
    lw_error sub = {0};
    st = lw_io_read_mapped(output, mapped, &sub);
    if (st != LW_OK)
      st = lw_error_set(err, LW_ERR_ABC, circuit_path, 0,
                        "ABC's netlist is unreadable: %s (line %d)", sub.msg,
                        sub.line);
  }
  if (st == LW_OK && stats) {
    stats->gates = 0;
    lw_net_foreach_node(*mapped, id) stats->gates +=
        lw_gate_is_stateful(lw_net_type(*mapped, id));
  }
done:
  lw_vec_free(&lib);
  lw_free(input);
  lw_free(genlib);
  lw_free(output);
  lw_tmpdir_remove(dir);
  return st;
}
