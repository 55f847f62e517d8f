#include "io/blif_write.h"

#include <errno.h>
#include <stdio.h>

/* Internal signals are named n<id>; primary inputs and outputs keep their
 * names, so that ABC's cec pairs them by name. */
static void signal(FILE *f, const lw_net *net, uint32_t id) {
  if (lw_net_type(net, id) == LW_GATE_PI)
    fprintf(f, " %s", lw_net_node_name(net, id));
  else
    fprintf(f, " lw_n%u_", id);
}

/* One cover per gate function: ON-set cubes over the fanins. */
static void cover(FILE *f, lw_gate_type t, uint32_t n) {
  switch (lw_gate(t)->fn) {
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
    for (uint32_t k = 0; k < n; k++)
      fputc('1', f);
    fputs(" 1\n", f);
    break;
  case LW_FN_OR:
  case LW_FN_NOR: /* NOR is written by the caller as all-zero = 1 */
    for (uint32_t k = 0; k < n; k++) {
      for (uint32_t j = 0; j < n; j++)
        fputc(j == k ? '1' : '-', f);
      fputs(" 1\n", f);
    }
    break;
  case LW_FN_IMP: /* !a | y */
    fputs("0- 1\n-1 1\n", f);
    break;
  case LW_FN_ONOR: /* !(a|b..) | y */
    for (uint32_t j = 0; j + 1 < n; j++)
      fputc('0', f);
    fputs("- 1\n", f);
    for (uint32_t j = 0; j + 1 < n; j++)
      fputc('-', f);
    fputs("1 1\n", f);
    break;
  }
}

lw_status lw_io_write_blif(const lw_net *net, const char *path, lw_error *err) {
  FILE *f = fopen(path, "w");
  if (!f)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
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
    lw_net_foreach_fanin(net, id, k, fi) signal(f, net, fi);
    signal(f, net, id);
    fputc('\n', f);
    if (lw_gate(t)->fn == LW_FN_NOR) {
      /* NOR: all fanins 0 */
      for (uint32_t k = 0; k < lw_net_nfanin(net, id); k++)
        fputc('0', f);
      fputs(" 1\n", f);
    } else {
      cover(f, t, lw_net_nfanin(net, id));
    }
  }
  lw_net_foreach_po(net, i, d) {
    fprintf(f, ".names");
    signal(f, net, d);
    fprintf(f, " %s\n1 1\n", lw_net_po_name(net, i));
  }
  fputs(".end\n", f);
  if (fclose(f) != 0)
    return lw_error_set(err, LW_ERR_IO, path, 0, "cannot write: %s",
                        strerror(errno));
  return LW_OK;
}
