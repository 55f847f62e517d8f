#include "io/blif_write.h"

#include <errno.h>
#include <string.h>

/* Internal signals are named lw_n<id>_; primary inputs and outputs keep their
 * names, so that ABC's cec pairs them by name. */
static void signal_name(const lw_net *net, uint32_t id, char *buf, size_t n) {
  if (lw_net_type(net, id) == LW_GATE_PI)
    snprintf(buf, n, "%s", lw_net_node_name(net, id));
  else
    snprintf(buf, n, "lw_n%u_", id);
}

/* One cover per evaluation rule, written as a rule rather than enumerated:
 * circuit-level AND/OR may have dozens of fanins. */
static void cover(FILE *f, lw_fn fn, uint32_t n) {
  switch (fn) {
  case LW_FN_CONST1:
    fputs("1\n", f);
    break;
  case LW_FN_CONST0:
  case LW_FN_PI:
    break;
  case LW_FN_BUF:
    fputs("1 1\n", f);
    break;
  case LW_FN_NOT:
    fputs("0 1\n", f);
    break;
  case LW_FN_AND:
  case LW_FN_NOR: /* all ones / all zeros */
    for (uint32_t k = 0; k < n; k++)
      fputc(fn == LW_FN_AND ? '1' : '0', f);
    fputs(" 1\n", f);
    break;
  case LW_FN_OR:
    for (uint32_t r = 0; r < n; r++) {
      for (uint32_t k = 0; k < n; k++)
        fputc(k == r ? '1' : '-', f);
      fputs(" 1\n", f);
    }
    break;
  case LW_FN_IMP:
  case LW_FN_ONOR: /* !(x0 | .. | x(n-2)) | y */
    for (uint32_t k = 0; k + 1 < n; k++)
      fputc('0', f);
    fputs("- 1\n", f);
    for (uint32_t k = 0; k + 1 < n; k++)
      fputc('-', f);
    fputs("1 1\n", f);
    break;
  }
}

void lw_io_print_blif(const lw_net *net, FILE *f) {
  char sig[64];
  fprintf(f, ".model %s\n.inputs", net->name);
  lw_net_foreach_pi(net, i, id) fprintf(f, " %s", lw_net_node_name(net, id));
  fputs("\n.outputs", f);
  for (uint32_t i = 0; i < net->pos.size; i++)
    fprintf(f, " %s", lw_net_po_name(net, i));
  fputc('\n', f);
  lw_net_foreach_node(net, id) {
    lw_gate_type t = lw_net_type(net, id);
    if (t == LW_GATE_PI)
      continue;
    fputs(".names", f);
    lw_net_foreach_fanin(net, id, k, fi) {
      signal_name(net, fi, sig, sizeof sig);
      fprintf(f, " %s", sig);
    }
    signal_name(net, id, sig, sizeof sig);
    fprintf(f, " %s\n", sig);
    cover(f, lw_gate(t)->fn, lw_net_nfanin(net, id));
  }
  /* each output buffers its driver, unless it is an input of its own name */
  for (uint32_t i = 0; i < net->pos.size; i++) {
    signal_name(net, net->pos.data[i], sig, sizeof sig);
    if (strcmp(sig, lw_net_po_name(net, i)))
      fprintf(f, ".names %s %s\n1 1\n", sig, lw_net_po_name(net, i));
  }
  fputs(".end\n", f);
}

lw_status lw_io_write_blif(const lw_net *net, const char *path, lw_error *err) {
  FILE *f = fopen(path, "w");
  if (!f)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
  lw_io_print_blif(net, f);
  if (fclose(f) != 0)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
  return LW_OK;
}
