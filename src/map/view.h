/* What the mapper sees of a netlist: buffers resolved to their source,
 * primary inputs and constants as fixed cells, and for each executed gate
 * its children (fanins in reverse pin order, fixed cells left out) and, for a
 * composite gate, the other readers of the value it overwrites. */
#ifndef LW_MAP_VIEW_H
#define LW_MAP_VIEW_H

#include "base/vec.h"
#include "lowwear/status.h"
#include "net/net.h"

typedef enum lw_view_kind {
  LW_VIEW_GATE,  /* executed: gets a cycle */
  LW_VIEW_PI,    /* fixed input cell */
  LW_VIEW_CONST, /* constant: a setup cell if a gate reads it */
  LW_VIEW_BUF,   /* alias of rep[id] */
} lw_view_kind;

typedef struct lw_map_view {
  const lw_net *net;
  uint32_t n;
  uint8_t *kind;
  uint32_t *rep;     /* buffer chains resolved; rep[id] == id otherwise */
  uint32_t *readers; /* reads by executed gates (structural fan-out) */
  uint32_t *fanout;  /* readers + 1 per output it drives */
  uint32_t *over;    /* composite: resolved overwritten operand, else NONE */
  lw_u32s child_off, children; /* child_off has n + 1 entries */
  lw_u32s after_off, after;    /* composite: readers of `over` to run first */
  uint8_t *const_read;         /* constant read by a gate: needs a cell */
} lw_map_view;

lw_status lw_map_view_build(const lw_net *net, lw_map_view *view,
                            lw_error *err);
void lw_map_view_free(lw_map_view *view);
/* The view's invariants (LW_ASSERT; nothing without LW_CHECKS): rep resolves
 * to a non-buffer fixed point, children are executed gates listed by
 * child_off, readers/fanout count the reads and outputs, over names a
 * composite's operand, and the after lists hold other readers of it.
 * O(netlist); lw_map_run calls it once per view. */
void lw_map_view_check(const lw_map_view *view);

#define lw_view_foreach_child(v, id, k, c)                                     \
  for (uint32_t k = (v)->child_off.data[id], c;                                \
       k < (v)->child_off.data[(id) + 1] && ((c = (v)->children.data[k]), 1);  \
       k++)

/* Execution order (docs/simpler.md 3-4): post-order DFS from each root in id
 * order, children by cell usage, a composite gate after the other readers of
 * the value it overwrites. */
lw_status lw_map_schedule(const lw_map_view *view, lw_u32s *order,
                          lw_error *err);

/* Root orders the low-wear flows also try (SIMPLER MAGIC's is the first). */
typedef enum lw_schedule_variant {
  LW_SCHEDULE_SIMPLER, /* roots in id order */
  LW_SCHEDULE_REVERSE, /* roots in reverse id order */
  LW_SCHEDULE_CU,      /* roots by cell usage, larger first */
  LW_SCHEDULE_COUNT
} lw_schedule_variant;
lw_status lw_map_schedule_variant(const lw_map_view *view,
                                  lw_schedule_variant variant, lw_u32s *order,
                                  lw_error *err);

#endif
