#include "sim/cec.h"

#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "io/blif_write.h"

/* ---- rebuilding the program as BLIF -------------------------------------- */

/* Signal names: an input cell's first version is the PI itself; every later
 * write of cell c at cycle t is "lw_c<c>_t<t>" (setup: t = 0). The prefix
 * keeps them apart from the circuit's own names. */
static void signal_name(char *buf, size_t n, uint32_t cell, uint32_t t) {
  snprintf(buf, n, "lw_c%u_t%u", cell, t);
}

static void write_const(FILE *f, const char *sig, int value) {
  fprintf(f, ".names %s\n%s", sig, value ? "1\n" : "");
}

/* One .names for a gate: its on-set, enumerated from the gate table so that
 * a new gate needs no code here. Fanins: operands, then y for composites. */
static void write_gate(FILE *f, const lw_op *op, char **cur,
                       const char *out_sig) {
  const lw_gate_info *g = lw_gate(op->type);
  uint32_t n = (uint32_t)g->arity;
  fputs(".names", f);
  for (uint32_t k = 0; k < op->nin; k++)
    fprintf(f, " %s", cur[op->in[k]]);
  if (g->over >= 0)
    fprintf(f, " %s", cur[op->out]);
  fprintf(f, " %s\n", out_sig);
  for (uint32_t m = 0; m < (1u << n); m++) {
    uint64_t x[LW_GATE_MAX_FANIN];
    for (uint32_t k = 0; k < n; k++)
      x[k] = (m >> k) & 1 ? ~(uint64_t)0 : 0;
    if (!(lw_gate_eval(op->type, x, n) & 1))
      continue;
    for (uint32_t k = 0; k < n; k++)
      fputc((m >> k) & 1 ? '1' : '0', f);
    fputs(" 1\n", f);
  }
}

static void set_signal(char **cur, uint32_t cell, const char *sig) {
  lw_free(cur[cell]);
  cur[cell] = lw_strdup(sig);
}

void lw_sim_write_rebuilt_blif(const lw_net *circuit, const lw_program *prog,
                               FILE *f) {
  uint32_t n = prog->row_size;
  char **cur = lw_alloc(sizeof(char *) * (n + 1));
  char sig[64];
  fprintf(f, "# %s rebuilt from its lowwear program\n.model lowwear_rebuilt\n",
          circuit->name);
  fputs(".inputs", f);
  lw_net_foreach_pi (circuit, i, pi) {
    (void)i;
    fprintf(f, " %s", lw_net_node_name(circuit, pi));
  }
  fputs("\n.outputs", f);
  lw_vec_foreach (&circuit->pos, i)
    fprintf(f, " %s", lw_net_po_name(circuit, i));
  fputc('\n', f);
  lw_vec_foreach (&prog->inputs, j)
    set_signal(cur, prog->inputs.data[j].cell, prog->inputs.data[j].name);
  for (int part = 0; part < 2; part++) {
    const lw_ops *ops = part ? &prog->cycles : &prog->setup;
    lw_vec_foreach (ops, i) {
      const lw_op *op = &ops->data[i];
      uint32_t t = part ? i + 1 : 0;
      if (op->type != LW_OP_INIT) {
        signal_name(sig, sizeof sig, op->out, t);
        write_gate(f, op, cur, sig);
        set_signal(cur, op->out, sig);
        continue;
      }
      for (uint32_t k = 0; k < op->ncells; k++) {
        uint32_t c = lw_op_cells(prog, op)[k];
        signal_name(sig, sizeof sig, c, t);
        write_const(f, sig, op->value);
        set_signal(cur, c, sig);
      }
    }
  }
  int logic = prog->setup.size + prog->cycles.size > 0;
  /* each PO reads its cell's final version (a buffer, unless the PO is an
   * input named like itself) */
  lw_vec_foreach (&circuit->pos, i) {
    const char *name = lw_net_po_name(circuit, i);
    lw_vec_foreach (&prog->outputs, j) {
      if (strcmp(prog->outputs.data[j].name, name))
        continue;
      const char *from = cur[prog->outputs.data[j].cell];
      if (from && strcmp(from, name)) {
        fprintf(f, ".names %s %s\n1 1\n", from, name);
        logic = 1;
      }
      break;
    }
  }
  /* as io/blif_write.c: ABC aborts on a model without any .names */
  if (!logic) {
    signal_name(sig, sizeof sig, n, 0);
    fprintf(f, ".names %s\n", sig);
  }
  fputs(".end\n", f);
  for (uint32_t c = 0; c < n; c++)
    lw_free(cur[c]);
  lw_free(cur);
}

/* ---- running ABC --------------------------------------------------------- */

/* The last `keep` bytes of ABC's output, on one line, for messages. */
static void tail_of(const lw_proc *proc, char *buf, size_t keep) {
  const char *text = proc->output.data ? proc->output.data : "";
  size_t len = strlen(text);
  const char *from = len > keep - 1 ? text + len - (keep - 1) : text;
  size_t k = 0;
  for (; *from && k + 1 < keep; from++)
    buf[k++] = *from == '\n' ? ' ' : *from;
  buf[k] = 0;
}

/* ABC's verdict in a run's output: 1 equivalent, 0 not, -1 none (undecided,
 * time-out, crash). */
static int verdict(const lw_proc *proc) {
  const char *out = proc->output.data ? proc->output.data : "";
  if (proc->result != LW_PROC_EXITED)
    return -1;
  if (strstr(out, "NOT EQUIVALENT") || strstr(out, "are not equivalent"))
    return 0; /* also when a counter-example follows */
  if (strstr(out, "Networks are equivalent"))
    return 1;
  return -1;
}

static int decides(const lw_proc *proc, void *ctx) {
  (void)ctx;
  return verdict(proc) >= 0;
}

/* Two of ABC's checkers race and the first verdict counts: neither wins on
 * every circuit (docs/verify.md, "Two checkers race"). */
static lw_status run_abc(const char *abc, const char *circuit_file,
                         const char *blif, const char *aig,
                         const lw_verify_params *params, int *equivalent,
                         lw_error *err) {
  size_t n = strlen(circuit_file) + strlen(blif) + 2 * strlen(aig) + 128;
  char *fraig = lw_alloc(n), *gia = lw_alloc(n);
  /* cec's own limit (default 20 s) is raised to ours, which still holds */
  snprintf(fraig, n, "cec -T %.0f %s %s",
           params->abc.timeout_s > 0 ? params->abc.timeout_s : 1e9,
           circuit_file, blif);
  snprintf(gia, n,
           "read %s; strash; &get -n; &w %s; read %s; strash; &get -n; "
           "&cec %s",
           blif, aig, circuit_file, aig);
  char *argv_fraig[] = {(char *)abc, "-c", fraig, NULL};
  char *argv_gia[] = {(char *)abc, "-c", gia, NULL};
  char *const *const argvs[] = {argv_gia, argv_fraig};
  lw_proc procs[2];
  int won = lw_proc_race(argvs, 2, params->abc.timeout_s, decides, NULL, procs);
  lw_free(fraig);
  lw_free(gia);
  lw_status st = LW_OK;
  if (won >= 0) {
    *equivalent = verdict(&procs[won]);
  } else {
    /* no verdict: say why, from &cec's run (cec's when &cec ran at all) */
    const lw_proc *p =
        procs[0].result == LW_PROC_NOEXEC ? &procs[1] : &procs[0];
    char tail[300];
    tail_of(p, tail, sizeof tail);
    if (p->result == LW_PROC_NOEXEC)
      st = lw_error_set(err, LW_ERR_ABC, abc, 0, "cannot run ABC");
    else if (p->result == LW_PROC_TIMEOUT)
      st = lw_error_set(err, LW_ERR_ABC, abc, 0, "ABC cec timed out after %g s",
                        params->abc.timeout_s);
    else if (p->result == LW_PROC_SIGNALED)
      st = lw_error_set(err, LW_ERR_ABC, abc, 0,
                        "ABC cec crashed (signal %d): %s", p->signal, tail);
    else
      st = lw_error_set(err, LW_ERR_ABC, abc, 0,
                        "ABC cec gave no verdict (exit %d): %s", p->exit_code,
                        tail);
  }
  lw_proc_free(&procs[0]);
  lw_proc_free(&procs[1]);
  return st;
}

lw_status lw_sim_cec(const lw_net *circuit, const lw_program *prog,
                     const lw_verify_params *params, int *equivalent,
                     lw_error *err) {
  *equivalent = 0;
  char *abc = lw_proc_find(
      params->abc.path && *params->abc.path ? params->abc.path : NULL,
      "berkeley-abc", "abc");
  if (!abc)
    return lw_error_set(err, LW_ERR_ABC, params->abc.path, 0,
                        "ABC not found (%s); install berkeley-abc, pass "
                        "--abc PATH, or use --no-cec",
                        params->abc.path ? "no such executable"
                                         : "neither berkeley-abc nor abc is "
                                           "on the PATH");
  char *dir = lw_tmpdir_new();
  if (!dir) {
    lw_free(abc);
    return lw_error_set(err, LW_ERR_IO, NULL, 0,
                        "cannot create a scratch folder");
  }
  /* ABC reads only files written here: the circuit as read (never the
   * user's file: ABC misreads some legal ones, and its command line splits
   * at blanks) and the program rebuilt. */
  char *circuit_blif = lw_path_join(dir, "circuit.blif");
  char *blif = lw_path_join(dir, "rebuilt.blif");
  char *aig = lw_path_join(dir, "rebuilt.aig");
  lw_status st = lw_io_write_blif(circuit, circuit_blif, err);
  FILE *f = NULL;
  if (st == LW_OK && !(f = fopen(blif, "w")))
    st = lw_error_set(err, LW_ERR_IO, blif, 0, "cannot write");
  if (f) {
    lw_sim_write_rebuilt_blif(circuit, prog, f);
    if (fclose(f) != 0)
      st = lw_error_set(err, LW_ERR_IO, blif, 0, "cannot write");
  }
  if (st == LW_OK)
    st = run_abc(abc, circuit_blif, blif, aig, params, equivalent, err);
  lw_free(circuit_blif);
  lw_free(blif);
  lw_free(aig);
  lw_free(abc);
  lw_tmpdir_remove(dir);
  return st;
}
