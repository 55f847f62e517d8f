/* Name tables: the names a user gives the values of an enum (flows, formats,
 * gate sets, ...), each table an X-macro of rows X(id, "name", listed):
 * listed = 1 when --help and error messages list the name, 0 when it is
 * accepted but not offered, 2 when it only names the value in outputs
 * (provenance) and is never accepted. */
#ifndef LOWWEAR_NAMES_H
#define LOWWEAR_NAMES_H

#include <stddef.h>

typedef struct lw_name {
  int id;
  const char *name;
  int listed;
} lw_name;

typedef struct lw_names {
  const lw_name *rows;
  int count;
} lw_names;

#define LW_NAME_ROW(id, name, listed) {id, name, listed},

/* The id of name in t, or -1 when t has no such name. */
int lw_names_parse(lw_names t, const char *name);
/* The name of id in t, or NULL when t has none. */
const char *lw_names_name(lw_names t, int id);
/* The listed names of t into buf, separated by sep, the last two by last:
 * ", " and " or " give "toggle, wear or equal". Returns buf. */
char *lw_names_join(lw_names t, const char *sep, const char *last, char *buf,
                    size_t size);

#endif
