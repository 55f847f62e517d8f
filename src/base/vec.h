/* One dynamic-array type for the whole tool: {data, size, cap}, doubling.
 * LW_VEC_DEFINE(name, T) declares `typedef struct {T *data; uint32_t size,
 * cap;} name;`; the statement macros work on any such vector. */
#ifndef LW_BASE_VEC_H
#define LW_BASE_VEC_H

#include <stdint.h>

#include "base/alloc.h"

#define LW_VEC_DEFINE(name, T)                                                 \
  typedef struct name {                                                        \
    T *data;                                                                   \
    uint32_t size, cap;                                                        \
  } name

/* Grow v so that it can hold at least n elements. */
#define lw_vec_reserve(v, n)                                                   \
  do {                                                                         \
    if ((n) > (v)->cap) {                                                      \
      uint32_t cap_ = (v)->cap ? (v)->cap : 8;                                 \
      while (cap_ < (n))                                                       \
        cap_ *= 2;                                                             \
      (v)->data = lw_realloc((v)->data, (size_t)cap_ * sizeof *(v)->data);     \
      (v)->cap = cap_;                                                         \
    }                                                                          \
  } while (0)

#define lw_vec_push(v, x)                                                      \
  do {                                                                         \
    lw_vec_reserve((v), (v)->size + 1);                                        \
    (v)->data[(v)->size++] = (x);                                              \
  } while (0)

/* Resize to n elements; new elements are zeroed. */
#define lw_vec_resize(v, n)                                                    \
  do {                                                                         \
    uint32_t n_ = (n);                                                         \
    lw_vec_reserve((v), n_);                                                   \
    for (uint32_t i_ = (v)->size; i_ < n_; i_++)                               \
      memset(&(v)->data[i_], 0, sizeof *(v)->data);                            \
    (v)->size = n_;                                                            \
  } while (0)

#define lw_vec_pop(v) ((v)->data[--(v)->size])
#define lw_vec_last(v) ((v)->data[(v)->size - 1])
#define lw_vec_clear(v) ((v)->size = 0)
#define lw_vec_free(v)                                                         \
  do {                                                                         \
    lw_free((v)->data);                                                        \
    (v)->data = NULL;                                                          \
    (v)->size = (v)->cap = 0;                                                  \
  } while (0)

#define lw_vec_foreach(v, i) for (uint32_t i = 0; i < (v)->size; i++)

LW_VEC_DEFINE(lw_u32s, uint32_t);
LW_VEC_DEFINE(lw_words, uint64_t);
LW_VEC_DEFINE(lw_chars, char);
LW_VEC_DEFINE(lw_doubles, double);

#endif
