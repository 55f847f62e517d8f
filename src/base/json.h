/* The one way the project prints JSON: documents are built with jansson,
 * then printed with the project's conventions (docs/program.md): the
 * top-level object one member a line, indented two spaces; an array of
 * objects or arrays one element a line; everything else on one line with
 * ", " and ": "; reals as the shortest text that reads back as the same
 * double (NaN and infinities as null), never as jansson's "%.17g". */
#ifndef LW_BASE_JSON_H
#define LW_BASE_JSON_H

#include <jansson.h>
#include <stdio.h>

/* x as a JSON real, or null when it is NaN or infinite (where json_real
 * gives NULL). */
json_t *lw_json_real(double x);
/* Shortest "%.Ng" text of x that strtod reads back exactly; NaN and
 * infinities as null. buf must hold 32 bytes. */
void lw_json_real_text(double x, char *buf);
/* s as a JSON string literal, quotes included (bytes >= 0x80 as they are). */
void lw_json_print_string(FILE *f, const char *s);
/* A value on one line. */
void lw_json_print_inline(FILE *f, const json_t *v);
/* A document: root as above, then a newline. */
void lw_json_print(FILE *f, const json_t *root);
/* The document as a malloc'ed string (free()); NULL when out of memory. */
char *lw_json_text(const json_t *root);

#endif
