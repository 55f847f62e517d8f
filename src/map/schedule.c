/* Execution order by cell usage (docs/simpler.md sections 3 and 4), with
 * explicit stacks: netlists with chains of thousands of gates must not overflow
 * the C stack (the original recursive mapper crashes on EPFL sqrt and div). */
#include "map/view.h"

/* CU(v) = 1 without children; otherwise, children's CU sorted descending,
 * max over j of CU(child_j) + j. Shared sub-graphs count in every parent. */
static void cell_usage(const lw_map_view *view, uint32_t *cu) {
  lw_u32s stack = {0}, tmp = {0};
  uint8_t *done = lw_alloc(view->n);
  for (uint32_t root = 0; root < view->n; root++) {
    if (done[root] || view->kind[root] != LW_VIEW_GATE)
      continue;
    lw_vec_push(&stack, root);
    while (stack.size) {
      uint32_t v = lw_vec_last(&stack);
      int ready = 1;
      lw_view_foreach_child (view, v, k, c)
        if (!done[c]) {
          ready = 0;
          lw_vec_push(&stack, c);
        }
      if (!ready)
        continue;
      stack.size--;
      if (done[v])
        continue;
      lw_vec_clear(&tmp);
      lw_view_foreach_child (view, v, k, c)
        lw_vec_push(&tmp, cu[c]);
      /* insertion sort, descending: a gate has at most 4 children */
      for (uint32_t i = 1; i < tmp.size; i++)
        for (uint32_t j = i; j > 0 && tmp.data[j - 1] < tmp.data[j]; j--) {
          uint32_t x = tmp.data[j];
          tmp.data[j] = tmp.data[j - 1];
          tmp.data[j - 1] = x;
        }
      uint32_t best = 1;
      lw_vec_foreach (&tmp, j)
        if (tmp.data[j] + j > best)
          best = tmp.data[j] + j;
      cu[v] = best;
      done[v] = 1;
    }
  }
  lw_free(done);
  lw_vec_free(&stack);
  lw_vec_free(&tmp);
}

/* Composite gates go after their siblings (their overwritten operand must
 * have no reader left), then larger CU first; ties keep reverse pin order. */
static int before(const lw_map_view *view, const uint32_t *cu, uint32_t a,
                  uint32_t b) {
  int ca = view->over[a] != LW_NONE, cb = view->over[b] != LW_NONE;
  if (ca != cb)
    return ca < cb;
  return cu[a] > cu[b];
}

/* The DFS frame: node, and the list of nodes still to visit before it. */
typedef struct frame {
  uint32_t v, next, end; /* todo[next..end) in the todo stack */
} frame;
LW_VEC_DEFINE(frames, frame);

/* Push v's frame: its children sorted by the ordering rule, then its
 * after-list. */
static void push_frame(const lw_map_view *view, const uint32_t *cu, uint32_t v,
                       frames *stack, lw_u32s *todo) {
  frame f = {.v = v, .next = todo->size, .end = todo->size};
  lw_view_foreach_child (view, v, k, c) {
    uint32_t j = todo->size;
    lw_vec_push(todo, c);
    /* stable insertion by the ordering rule */
    while (j > f.next && before(view, cu, c, todo->data[j - 1])) {
      todo->data[j] = todo->data[j - 1];
      todo->data[--j] = c;
    }
  }
  for (uint32_t k = view->after_off.size ? view->after_off.data[v] : 0;
       view->after_off.size && k < view->after_off.data[v + 1]; k++)
    lw_vec_push(todo, view->after.data[k]);
  f.end = todo->size;
  lw_vec_push(stack, f);
}

/* The roots (gates nobody reads) in the order the variant visits them:
 * SIMPLER MAGIC's id order, the reverse, or larger cell usage first. The
 * order decides which values are alive together, so the peak (the minimum
 * row) differs between them: on wide-gate netlists by up to 17 % (LGSynth91
 * cm138a 18 -> 15 cells, reverse order). */
static void root_order(const lw_map_view *view, const uint32_t *cu,
                       lw_schedule_variant variant, lw_u32s *roots) {
  lw_vec_clear(roots);
  for (uint32_t v = 0; v < view->n; v++)
    if (view->kind[v] == LW_VIEW_GATE && !view->readers[v] &&
        lw_net_nfanin(view->net, v))
      lw_vec_push(roots, v);
  uint32_t n = roots->size;
  if (variant == LW_SCHEDULE_REVERSE)
    for (uint32_t i = 0; i < n / 2; i++) {
      uint32_t t = roots->data[i];
      roots->data[i] = roots->data[n - 1 - i];
      roots->data[n - 1 - i] = t;
    }
  if (variant == LW_SCHEDULE_CU) /* stable: ties keep id order */
    for (uint32_t i = 1; i < n; i++)
      for (uint32_t j = i; j > 0 && cu[roots->data[j - 1]] < cu[roots->data[j]];
           j--) {
        uint32_t t = roots->data[j];
        roots->data[j] = roots->data[j - 1];
        roots->data[j - 1] = t;
      }
}

lw_status lw_map_schedule(const lw_map_view *view, lw_u32s *order,
                          lw_error *err) {
  return lw_map_schedule_variant(view, LW_SCHEDULE_SIMPLER, order, err);
}

lw_status lw_map_schedule_variant(const lw_map_view *view,
                                  lw_schedule_variant variant, lw_u32s *order,
                                  lw_error *err) {
  uint32_t n = view->n;
  uint32_t *cu = lw_alloc(n * sizeof(uint32_t));
  uint8_t *state = lw_alloc(n); /* 0 new, 1 on stack, 2 executed */
  cell_usage(view, cu);
  lw_u32s roots = {0};
  root_order(view, cu, variant, &roots);
  frames stack = {0};
  lw_u32s todo = {0};
  lw_status st = LW_OK;
  lw_vec_clear(order);
  for (uint32_t ri = 0; ri < roots.size && st == LW_OK; ri++) {
    uint32_t root = roots.data[ri];
    if (state[root])
      continue;
    uint32_t v = root;
    for (;;) {
      if (v != LW_NONE) {
        state[v] = 1;
        push_frame(view, cu, v, &stack, &todo);
      }
      if (!stack.size)
        break;
      frame *top = &stack.data[stack.size - 1];
      v = LW_NONE;
      while (top->next < top->end) {
        uint32_t c = todo.data[top->next++];
        if (state[c] == 2)
          continue;
        if (state[c] == 1) {
          st = lw_error_set(err, LW_ERR_INTERNAL, NULL, 0,
                            "no execution order: node %u must run both "
                            "before and after node %u",
                            c, top->v);
          goto done;
        }
        v = c;
        break;
      }
      if (v != LW_NONE)
        continue;
      /* every child executed: execute top */
      state[top->v] = 2;
      lw_vec_push(order, top->v);
      stack.size--;
      todo.size = stack.size ? stack.data[stack.size - 1].end : 0;
    }
  }
done:
  lw_vec_free(&roots);
  lw_vec_free(&stack);
  lw_vec_free(&todo);
  lw_free(cu);
  lw_free(state);
  return st;
}
