/* The allocation funnel: every byte the library owns comes from here. Out of
 * memory is not an error the pipeline can recover from, so these print a
 * message and exit (the one exception to "only cli/ prints"). */
#ifndef LW_BASE_ALLOC_H
#define LW_BASE_ALLOC_H

#include <stddef.h>
#include <string.h>

void *lw_alloc(size_t bytes); /* zeroed */
void *lw_realloc(void *p, size_t bytes);
char *lw_strdup(const char *s);
char *lw_strndup(const char *s, size_t n);
void lw_free(void *p);

#endif
