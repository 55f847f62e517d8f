#include "base/alloc.h"

#include <stdio.h>
#include <stdlib.h>

static void out_of_memory(size_t bytes) {
  fprintf(stderr, "lowwear: error: out of memory (%zu bytes)\n", bytes);
  exit(70);
}

void *lw_alloc(size_t bytes) {
  void *p = calloc(1, bytes ? bytes : 1);
  if (!p)
    out_of_memory(bytes);
  return p;
}

void *lw_realloc(void *p, size_t bytes) {
  void *q = realloc(p, bytes ? bytes : 1);
  if (!q)
    out_of_memory(bytes);
  return q;
}

char *lw_strndup(const char *s, size_t n) {
  char *d = lw_alloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *lw_strdup(const char *s) { return lw_strndup(s, strlen(s)); }

void lw_free(void *p) { free(p); }
