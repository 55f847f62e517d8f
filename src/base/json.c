#include "base/json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

json_t *lw_json_real(double x) {
  return isfinite(x) ? json_real(x) : json_null();
}

void lw_json_real_text(double x, char *buf) {
  if (!isfinite(x)) {
    strcpy(buf, "null");
    return;
  }
  /* 17 significant digits always round-trip; fewer usually do and read
   * better (61.375, 0.1). */
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(buf, 32, "%.*g", prec, x);
    if (strtod(buf, NULL) == x)
      return;
  }
}

void lw_json_print_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", f);
    else if (*p == '\t')
      fputs("\\t", f);
    else if (*p < 0x20)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

static void print_scalar(FILE *f, const json_t *v) {
  char num[32];
  switch (json_typeof(v)) {
  case JSON_STRING:
    lw_json_print_string(f, json_string_value(v));
    break;
  case JSON_INTEGER:
    fprintf(f, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    break;
  case JSON_REAL:
    lw_json_real_text(json_real_value(v), num);
    fputs(num, f);
    break;
  default:
    fputs(json_is_true(v) ? "true" : json_is_false(v) ? "false" : "null", f);
  }
}

void lw_json_print_inline(FILE *f, const json_t *v) {
  size_t i;
  const char *key;
  json_t *x;
  if (json_is_array(v)) {
    fputc('[', f);
    json_array_foreach (v, i, x) {
      fputs(i ? ", " : "", f);
      lw_json_print_inline(f, x);
    }
    fputc(']', f);
  } else if (json_is_object(v)) {
    fputc('{', f);
    i = 0;
    json_object_foreach ((json_t *)v, key, x) {
      fputs(i++ ? ", " : "", f);
      lw_json_print_string(f, key);
      fputs(": ", f);
      lw_json_print_inline(f, x);
    }
    fputc('}', f);
  } else {
    print_scalar(f, v);
  }
}

/* An array of objects or arrays, one element a line; others inline. */
static void print_member(FILE *f, const json_t *v) {
  json_t *first = json_is_array(v) ? json_array_get(v, 0) : NULL;
  if (!first || !(json_is_object(first) || json_is_array(first))) {
    lw_json_print_inline(f, v);
    return;
  }
  size_t i;
  json_t *x;
  fputc('[', f);
  json_array_foreach (v, i, x) {
    fputs(i ? ",\n    " : "\n    ", f);
    lw_json_print_inline(f, x);
  }
  fputs("\n  ]", f);
}

void lw_json_print(FILE *f, const json_t *root) {
  if (!json_is_object(root)) {
    lw_json_print_inline(f, root);
    fputc('\n', f);
    return;
  }
  const char *key;
  json_t *x;
  int first = 1;
  fputc('{', f);
  json_object_foreach ((json_t *)root, key, x) {
    fputs(first ? "\n  " : ",\n  ", f);
    first = 0;
    lw_json_print_string(f, key);
    fputs(": ", f);
    print_member(f, x);
  }
  fputs(first ? "}\n" : "\n}\n", f);
}

char *lw_json_text(const json_t *root) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  if (!f)
    return NULL;
  lw_json_print(f, root);
  if (fclose(f) != 0) {
    free(text);
    return NULL;
  }
  return text;
}
