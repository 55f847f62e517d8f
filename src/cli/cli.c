#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/lowwear.h"

int lw_cli_fail(const lw_error *err) {
  if (err->file[0] && err->line > 0)
    fprintf(stderr, "lowwear: error: %s:%d: %s\n", err->file, err->line,
            err->msg);
  else if (err->file[0])
    fprintf(stderr, "lowwear: error: %s: %s\n", err->file, err->msg);
  else
    fprintf(stderr, "lowwear: error: %s\n", err->msg);
  return lw_status_exit_code(err->status);
}

int lw_cli_usage_error(const char *command, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("lowwear: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  if (command)
    fprintf(stderr, " (see lowwear %s --help)", command);
  fputc('\n', stderr);
  return 2;
}

int lw_cli_name(lw_names t, const char *opt, const char *text,
                const char *command) {
  int id = lw_names_parse(t, text);
  if (id < 0) {
    char list[256];
    lw_cli_usage_error(command, "%s takes %s, not '%s'", opt,
                       lw_names_join(t, ", ", " or ", list, sizeof list), text);
  }
  return id;
}

int lw_cli_numbers(const char *text, double lo, int lo_open, double hi,
                   double *out, uint32_t max, uint32_t *n) {
  *n = 0;
  const char *s = text;
  while (*s) {
    char *end;
    double x = strtod(s, &end);
    if (end == s || (lo_open ? x <= lo : x < lo) || x > hi || *n == max)
      return 0;
    out[(*n)++] = x;
    s = end;
    if (*s == ',')
      s++;
    else if (*s)
      return 0;
  }
  return *n > 0;
}

lw_abc_params lw_cli_abc(const lw_opt_value *abc, const lw_opt_value *timeout) {
  return (lw_abc_params){abc->str, timeout->real};
}

int lw_cli_read_pair(const char *circuit, const char *program,
                     const lw_read_params *rp, lw_net **net,
                     lw_program **prog) {
  lw_error err = {0};
  *prog = NULL;
  if (lw_io_read_circuit(circuit, rp, net, &err) != LW_OK)
    return lw_cli_fail(&err);
  if (lw_io_read_program(program, prog, &err) != LW_OK) {
    lw_net_free(*net);
    *net = NULL;
    return lw_cli_fail(&err);
  }
  return 0;
}

void lw_cli_usage(FILE *out, const lw_opt *opts, int n, const char *head) {
  fprintf(out, "%s\n\nOptions:\n", head);
  for (int i = 0; i < n; i++) {
    char left[64];
    if (opts[i].kind == LW_OPT_FLAG)
      snprintf(left, sizeof left, "%s", opts[i].name);
    else
      snprintf(left, sizeof left, "%s %s", opts[i].name, opts[i].meta);
    fprintf(out, "  %-24s %s", left, opts[i].help);
    if (opts[i].def && opts[i].kind != LW_OPT_FLAG)
      fprintf(out, " [default = %s]", opts[i].def);
    fputc('\n', out);
  }
  fprintf(out, "  %-24s %s\n", LW_CLI_HELP_NAME, LW_CLI_HELP_TEXT);
  lw_cli_exit_statuses(out);
}

int lw_cli_exit_status_text(int code, char *buf, size_t n) {
#define COUNT(id, text, c) +1
  enum { NSTATUS = 0 LW_STATUSES(COUNT) };
#undef COUNT
  int any = 0, past = 1;
  buf[0] = 0;
  for (int s = 0; s < NSTATUS; s++) {
    int c = lw_status_exit_code((lw_status)s);
    if (c >= code)
      past = 0;
    if (c != code)
      continue;
    size_t len = strlen(buf);
    snprintf(buf + len, n - len, "%s%s", any ? ", " : "",
             lw_status_text((lw_status)s));
    any = 1;
  }
  return past ? -1 : any;
}

void lw_cli_exit_statuses(FILE *out) {
  char text[256];
  int any;
  fputs("\nExit status:\n", out);
  for (int code = 0;
       (any = lw_cli_exit_status_text(code, text, sizeof text)) >= 0; code++)
    if (any)
      fprintf(out, "  %d  %s\n", code, text);
}

typedef enum { NUM_OK, NUM_NAN, NUM_SMALL, NUM_LARGE } num_check;

/* Read text as a number of opt's kind: *x (and *n for a whole number) and
 * whether it is in opt's range. NUM_NAN when it is not a number (nan, or a
 * fraction for a whole number); out of range even past long or double. */
static num_check read_number(const lw_opt *opt, const char *text, double *x,
                             long long *n) {
  char *end;
  errno = 0;
  if (opt->kind == LW_OPT_INT) {
    *n = strtoll(text, &end, 10); /* exact beyond 2^53 */
    *x = (double)*n;
    if (end != text && !*end && errno == ERANGE)
      return *n < 0 ? NUM_SMALL : NUM_LARGE;
    if (end != text && !*end)
      return *n < opt->min ? NUM_SMALL : *n > opt->max ? NUM_LARGE : NUM_OK;
    errno = 0;
  }
  *x = strtod(text, &end); /* 1e9, 2.5, 1e999 */
  if (end == text || *end || isnan(*x) ||
      (opt->kind == LW_OPT_INT && isfinite(*x) && *x != floor(*x)))
    return NUM_NAN;
  if (*x < opt->min)
    return NUM_SMALL;
  if (*x > opt->max)
    return NUM_LARGE;
  *n = (long long)*x;
  return NUM_OK;
}

/* A range bound as typed: 4000000000000000000, not 4e+18. */
static void bound_text(double x, char *buf, size_t n) {
  if (x == floor(x) && fabs(x) < 1e19)
    snprintf(buf, n, "%.0f", x);
  else
    snprintf(buf, n, "%g", x);
}

int lw_cli_value(const lw_opt *opt, const char *text, lw_opt_value *v) {
  v->str = text;
  if (opt->kind != LW_OPT_INT && opt->kind != LW_OPT_REAL)
    return 0;
  double x;
  long long n = 0;
  int whole = opt->kind == LW_OPT_INT;
  char lo[32], hi[32];
  bound_text(opt->min, lo, sizeof lo);
  bound_text(opt->max, hi, sizeof hi);
  switch (read_number(opt, text, &x, &n)) {
  case NUM_OK:
    v->num = (long)n;
    v->real = x;
    return 0;
  case NUM_NAN:
    return lw_cli_usage_error(NULL, "%s takes a %s from %s to %s, not '%s'",
                              opt->name, whole ? "whole number" : "number", lo,
                              hi, text);
  case NUM_SMALL:
    return lw_cli_usage_error(NULL, "%s %s is too small (at least %s)",
                              opt->name, text, lo);
  case NUM_LARGE:
    return lw_cli_usage_error(NULL, "%s %s is too large (at most %s)",
                              opt->name, text, hi);
  }
  return 2;
}

static lw_cli_help_fn help_writer = lw_cli_usage;

void lw_cli_help_set(lw_cli_help_fn fn) { help_writer = fn; }

int lw_cli_parse(int argc, char **argv, int first, const lw_opt *opts, int n,
                 lw_opt_value *values, const char **pos, int maxpos, int *npos,
                 const char *usage_head) {
  *npos = 0;
  for (int i = 0; i < n; i++) {
    memset(&values[i], 0, sizeof values[i]);
    if (opts[i].def && opts[i].kind != LW_OPT_FLAG &&
        lw_cli_value(&opts[i], opts[i].def, &values[i]))
      return 2;
  }
  int only_pos = 0;
  for (int a = first; a < argc; a++) {
    const char *arg = argv[a];
    if (!only_pos && (!strcmp(arg, "-h") || !strcmp(arg, "--help"))) {
      help_writer(stdout, opts, n, usage_head);
      return -1;
    }
    if (!only_pos && !strcmp(arg, "--")) {
      only_pos = 1;
      continue;
    }
    if (!only_pos && arg[0] == '-' && arg[1]) {
      const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
      size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
      int k = -1;
      for (int i = 0; i < n; i++)
        if (strlen(opts[i].name) == len && !strncmp(opts[i].name, arg, len))
          k = i;
      const char *joined = NULL; /* -j2, -oFILE: a short option's value */
      for (int i = 0; k < 0 && i < n; i++)
        if (arg[1] != '-' && strlen(opts[i].name) == 2 &&
            opts[i].kind != LW_OPT_FLAG && opts[i].name[1] == arg[1]) {
          k = i;
          joined = arg + 2;
        }
      if (k < 0) {
        return lw_cli_usage_error(NULL, "unknown option '%.*s' (see --help)",
                                  (int)len, arg);
      }
      values[k].set = 1;
      if (opts[k].kind == LW_OPT_FLAG) {
        if (eq) {
          return lw_cli_usage_error(NULL, "%s takes no value", opts[k].name);
        }
        values[k].num = 1;
        continue;
      }
      const char *text = joined ? joined
                         : eq   ? eq + 1
                                : (a + 1 < argc ? argv[++a] : NULL);
      if (!text) {
        return lw_cli_usage_error(NULL, "option %s needs a value (%s)",
                                  opts[k].name, opts[k].meta);
      }
      if (lw_cli_value(&opts[k], text, &values[k]))
        return 2;
      continue;
    }
    if (*npos >= maxpos) {
      return lw_cli_usage_error(NULL, "unexpected argument '%s' (see --help)",
                                arg);
    }
    pos[(*npos)++] = arg;
  }
  return 0;
}
