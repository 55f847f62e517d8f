/* Table-driven option parsing shared by the subcommands. Each subcommand
 * lists its options as an X-macro:
 *   OPT(field, "--name", kind, "default", min, max, "METAVAR", "help")
 * kind: LW_OPT_FLAG, LW_OPT_STR, LW_OPT_INT, LW_OPT_REAL. The table expands
 * into a struct of values, the usage text (with each default) and the
 * parser's range checks. */
#ifndef LW_CLI_CLI_H
#define LW_CLI_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "lowwear/abc.h"
#include "lowwear/io.h"
#include "lowwear/names.h"
#include "lowwear/status.h"

typedef enum { LW_OPT_FLAG, LW_OPT_STR, LW_OPT_INT, LW_OPT_REAL } lw_opt_kind;

typedef struct lw_opt {
  const char *name;
  lw_opt_kind kind;
  const char *def;
  double min, max;
  const char *meta;
  const char *help;
} lw_opt;

typedef struct lw_opt_value {
  int set;
  const char *str;
  long num;
  double real;
} lw_opt_value;

#define LW_OPT_FIELD(field, name, kind, def, min, max, meta, help)             \
  lw_opt_value field;
#define LW_OPT_ROW(field, name, kind, def, min, max, meta, help)               \
  {name, kind, def, min, max, meta, help},

/* A command's options from its table TABLE(OPT): the struct of their values
 * (one lw_opt_value per row, in order: lw_cli_parse fills it as an array)
 * and the rows. */
#define LW_CLI_OPTIONS(values, rows, TABLE)                                    \
  typedef struct values {                                                      \
    TABLE(LW_OPT_FIELD)                                                        \
  } values;                                                                    \
  static const lw_opt rows[] = {TABLE(LW_OPT_ROW)};                            \
  _Static_assert(sizeof(values) ==                                             \
                     sizeof rows / sizeof *rows * sizeof(lw_opt_value),        \
                 "one lw_opt_value per option")
#define LW_CLI_NOPTS(rows) ((int)(sizeof rows / sizeof *rows))

/* A help text listing a name table's listed names, "a | b | c" followed by
 * tail, at compile time: each listed row gives " | name", and the leading
 * " | " (3 characters) is skipped. */
#define LW_CLI_BAR(id, name, listed) LW_CLI_BAR_##listed(name)
#define LW_CLI_BAR_1(name) " | " name
#define LW_CLI_BAR_0(name)
#define LW_CLI_BAR_2(name)
#define LW_CLI_NAMES(TABLE, tail) ((TABLE(LW_CLI_BAR) tail) + 3)

/* --abc-timeout: one row, one meaning, in every command that runs ABC (or
 * yosys): seconds per run, 0 = no limit, as timeout_s in the library. */
#define LW_CLI_ABC_TIMEOUT(OPT)                                                \
  OPT(abc_timeout, "--abc-timeout", LW_OPT_REAL, "3600", 0, 1e6, "S",          \
      "time limit of each ABC or yosys run, seconds; 0 = no limit")

/* --exact-time: one row in map and bench (docs/exact.md). */
#define LW_CLI_EXACT_TIME(OPT)                                                 \
  OPT(exact_time, "--exact-time", LW_OPT_REAL, "60", 0.001, 1e6, "S",          \
      "--exact's wall-time limit, seconds (so the result depends on the "      \
      "machine)")

/* --input-format: one row in every command that reads a circuit. */
#define LW_CLI_INPUT_FORMAT(OPT)                                               \
  OPT(input_format, "--input-format", LW_OPT_STR, NULL, 0, 0, "FMT",           \
      LW_CLI_NAMES(LW_INPUT_FORMATS,                                           \
                   ": the circuit's format (default: its extension; for "      \
                   "CIRCUIT -, standard input, its content)"))

/* Parse argv[first..argc) against opts[0..n) into values (an array of n
 * lw_opt_value laid out as the struct the table expands to); positionals go
 * to pos (at most maxpos). Returns 0, or prints "lowwear: error: ..." and
 * returns 2. "--help"/"-h" prints usage and returns -1. */
int lw_cli_parse(int argc, char **argv, int first, const lw_opt *opts, int n,
                 lw_opt_value *values, const char **pos, int maxpos, int *npos,
                 const char *usage_head);
/* The usage text: head, the options with their defaults, the exit
 * statuses. */
void lw_cli_usage(FILE *out, const lw_opt *opts, int n, const char *head);
/* The exit statuses, generated from LW_STATUSES (lowwear/status.h). */
void lw_cli_exit_statuses(FILE *out);
/* The texts of the statuses that exit with code, joined by ", ", into buf:
 * 1, or 0 when none does; -1 when code is past the largest exit code. */
int lw_cli_exit_status_text(int code, char *buf, size_t n);
/* The last line of every command's options. */
#define LW_CLI_HELP_NAME "-h, --help"
#define LW_CLI_HELP_TEXT "print this help"

/* What --help writes (lw_cli_parse calls it): lw_cli_usage, unless
 * lowwear --man has set its roff writer. */
typedef void (*lw_cli_help_fn)(FILE *out, const lw_opt *opts, int n,
                               const char *head);
void lw_cli_help_set(lw_cli_help_fn fn);

/* A subcommand: its name, its entry point and its one-line help. */
typedef struct lw_cli_command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *help;
} lw_cli_command;
/* lowwear --man: the manual page in roff on stdout, written from the same
 * tables as --help (src/cli/man.c). */
typedef struct lw_cli_man_page {
  const char *tagline;        /* the one line after the name */
  const lw_cli_command *cmds; /* the commands, in --help's order */
  int ncmds;
  const lw_opt *opts; /* lowwear's own options, before a command */
  int nopts;
  const char *docdir; /* the installed documentation, under the prefix */
} lw_cli_man_page;
void lw_cli_man(const lw_cli_man_page *page);
/* Set v from text as opt's value: a string as is; a number must be one
 * ("not a number" otherwise) and within opt's range ("too large", "too
 * small"). Returns 0, or prints "lowwear: error: ..." and returns 2. */
int lw_cli_value(const lw_opt *opt, const char *text, lw_opt_value *v);

/* Print "lowwear: error: " and the message, with " (see lowwear COMMAND
 * --help)" when command is not NULL; returns 2, the usage exit status. */
int lw_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The id text names in t; or, unknown, the usage error "OPT takes a, b or
 * c, not 'text'" (the hint of command as lw_cli_usage_error) and -1. */
int lw_cli_name(lw_names t, const char *opt, const char *text,
                const char *command);
/* A comma-separated list of at most max numbers, each above lo (lo_open) or
 * at least lo, and at most hi, into out[0..*n); 1, or 0 when text is not
 * such a list or is empty. */
int lw_cli_numbers(const char *text, double lo, int lo_open, double hi,
                   double *out, uint32_t max, uint32_t *n);
/* The ABC executable and time limit of --abc and --abc-timeout. */
lw_abc_params lw_cli_abc(const lw_opt_value *abc, const lw_opt_value *timeout);

/* Subcommands. */
int lw_cli_map(int argc, char **argv);
int lw_cli_verify(int argc, char **argv);
int lw_cli_device(int argc, char **argv);
int lw_cli_bench(int argc, char **argv);
int lw_cli_wear(int argc, char **argv);
int lw_cli_sweep(int argc, char **argv);
int lw_cli_view(int argc, char **argv);

/* Print an lw_error as "lowwear: error: file:line: msg" on stderr and return
 * the exit code for its status. */
int lw_cli_fail(const lw_error *err);

/* Read a circuit and a program file (verify, device --program): 0, or the
 * error printed and its exit code, with nothing left allocated. */
struct lw_read_params;
struct lw_net;
struct lw_program;
int lw_cli_read_pair(const char *circuit, const char *program,
                     const struct lw_read_params *rp, struct lw_net **net,
                     struct lw_program **prog);

#endif
