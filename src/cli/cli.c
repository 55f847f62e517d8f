#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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
  fprintf(out, "  %-24s %s\n", "-h, --help", "print this help");
}

static int set_value(const lw_opt *opt, lw_opt_value *v, const char *text) {
  char *end;
  v->str = text;
  if (opt->kind == LW_OPT_INT) {
    errno = 0;
    long x = strtol(text, &end, 10);
    if (errno || *end || end == text || x < opt->min || x > opt->max) {
      fprintf(stderr,
              "lowwear: error: %s takes a whole number from %.0f to %.0f, "
              "not '%s'\n",
              opt->name, opt->min, opt->max, text);
      return 2;
    }
    v->num = x;
  } else if (opt->kind == LW_OPT_REAL) {
    errno = 0;
    double x = strtod(text, &end);
    if (errno || *end || end == text || x < opt->min || x > opt->max) {
      fprintf(stderr,
              "lowwear: error: %s takes a number from %g to %g, not '%s'\n",
              opt->name, opt->min, opt->max, text);
      return 2;
    }
    v->real = x;
  }
  return 0;
}

int lw_cli_parse(int argc, char **argv, int first, const lw_opt *opts, int n,
                 lw_opt_value *values, const char **pos, int maxpos, int *npos,
                 const char *usage_head) {
  *npos = 0;
  for (int i = 0; i < n; i++) {
    memset(&values[i], 0, sizeof values[i]);
    if (opts[i].def && opts[i].kind != LW_OPT_FLAG &&
        set_value(&opts[i], &values[i], opts[i].def))
      return 2;
  }
  int only_pos = 0;
  for (int a = first; a < argc; a++) {
    const char *arg = argv[a];
    if (!only_pos && (!strcmp(arg, "-h") || !strcmp(arg, "--help"))) {
      lw_cli_usage(stdout, opts, n, usage_head);
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
        fprintf(stderr, "lowwear: error: unknown option '%.*s' (see --help)\n",
                (int)len, arg);
        return 2;
      }
      values[k].set = 1;
      if (opts[k].kind == LW_OPT_FLAG) {
        if (eq) {
          fprintf(stderr, "lowwear: error: %s takes no value\n", opts[k].name);
          return 2;
        }
        values[k].num = 1;
        continue;
      }
      const char *text = joined ? joined
                         : eq   ? eq + 1
                                : (a + 1 < argc ? argv[++a] : NULL);
      if (!text) {
        fprintf(stderr, "lowwear: error: %s needs a value (%s)\n", opts[k].name,
                opts[k].meta);
        return 2;
      }
      if (set_value(&opts[k], &values[k], text))
        return 2;
      continue;
    }
    if (*npos >= maxpos) {
      fprintf(stderr, "lowwear: error: unexpected argument '%s' (see --help)\n",
              arg);
      return 2;
    }
    pos[(*npos)++] = arg;
  }
  return 0;
}
