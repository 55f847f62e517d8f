/* Name tables: lookups both ways and the list a message gives. */
#include "names.h"

#include <stdio.h>
#include <string.h>

int lw_names_parse(lw_names t, const char *name) {
  for (int i = 0; name && i < t.count; i++)
    if (t.rows[i].listed != 2 && !strcmp(t.rows[i].name, name))
      return t.rows[i].id;
  return -1;
}

const char *lw_names_name(lw_names t, int id) {
  for (int i = 0; i < t.count; i++)
    if (t.rows[i].id == id)
      return t.rows[i].name;
  return NULL;
}

char *lw_names_join(lw_names t, const char *sep, const char *last, char *buf,
                    size_t size) {
  int listed = 0, seen = 0;
  for (int i = 0; i < t.count; i++)
    listed += t.rows[i].listed == 1;
  size_t used = 0;
  buf[0] = 0;
  for (int i = 0; i < t.count && used < size; i++) {
    if (t.rows[i].listed != 1)
      continue;
    const char *before = !seen ? "" : seen == listed - 1 ? last : sep;
    int n = snprintf(buf + used, size - used, "%s%s", before, t.rows[i].name);
    used += n > 0 ? (size_t)n : 0;
    seen++;
  }
  return buf;
}
