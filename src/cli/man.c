/* lowwear --man: the manual page, lowwear(1), in roff. Written from the
 * tables --help prints (main.c's commands, each command's option table and
 * usage text, the status table), so the two cannot drift: each command's
 * section is what lw_cli_parse hands to --help, taken by running the
 * command with --help while this writer stands in for lw_cli_usage. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lowwear/version.h"

/* s[0..len) as roff text: a backslash as \e, a hyphen as \- when it starts
 * a word (an option, a minus sign; every hyphen when all_minus: a name or a
 * value to type), and \& before a leading dot or quote, which roff would
 * read as a request. */
static void put_span(FILE *out, const char *s, size_t len, int all_minus) {
  if (len && (s[0] == '.' || s[0] == '\''))
    fputs("\\&", out);
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\\')
      fputs("\\e", out);
    else if (s[i] == '-' &&
             (all_minus || i == 0 || !isalnum((unsigned char)s[i - 1])))
      fputs("\\-", out);
    else
      fputc(s[i], out);
  }
}

static void put_text(FILE *out, const char *s) {
  put_span(out, s, strlen(s), 0);
}

/* A name or value the user types, in bold (font B) or italic (I). */
static void put_typed(FILE *out, char font, const char *s) {
  fprintf(out, "\\f%c", font);
  put_span(out, s, strlen(s), 1);
  fputs("\\fR", out);
}

/* One option as a .TP entry: name, metavariable, help and default. */
static void put_option(FILE *out, const lw_opt *o) {
  fputs(".TP\n", out);
  put_typed(out, 'B', o->name);
  if (o->kind != LW_OPT_FLAG && o->meta && o->meta[0]) {
    fputc(' ', out);
    put_typed(out, 'I', o->meta);
  }
  fputc('\n', out);
  put_text(out, o->help);
  if (o->def && o->kind != LW_OPT_FLAG) {
    fputs(" [default = ", out);
    put_typed(out, 'B', o->def);
    fputc(']', out);
  }
  fputc('\n', out);
}

static void put_help_option(FILE *out) {
  fputs(".TP\n", out);
  put_typed(out, 'B', LW_CLI_HELP_NAME);
  fputc('\n', out);
  put_text(out, LW_CLI_HELP_TEXT);
  fputc('\n', out);
}

/* A usage line, "usage: lowwear map CIRCUIT [options]" or its indented
 * continuation: "lowwear map" in bold, the rest as is. */
static void put_usage_line(FILE *out, const char *line, size_t len) {
  static const char prefix[] = "usage: ";
  while (len && *line == ' ')
    line++, len--;
  if (len >= sizeof prefix - 1 && !strncmp(line, prefix, sizeof prefix - 1))
    line += sizeof prefix - 1, len -= sizeof prefix - 1;
  size_t bold = strcspn(line, " ");
  if (bold < len)
    bold += 1 + strcspn(line + bold + 1, " ");
  if (bold > len)
    bold = len;
  fputs("\\fB", out);
  put_span(out, line, bold, 0);
  fputs("\\fR", out);
  put_span(out, line + bold, len - bold, 0);
  fputc('\n', out);
}

/* A command's usage text: its first paragraph (the usage lines) unfilled,
 * each further paragraph filled. */
static void put_usage_head(FILE *out, const char *head) {
  int first = 1;
  fputs(".PP\n.nf\n", out);
  for (const char *s = head; *s;) {
    size_t len = strcspn(s, "\n");
    if (first) {
      put_usage_line(out, s, len);
    } else {
      size_t blank = strspn(s, " ");
      put_span(out, s + blank, len - blank, 0);
      fputc('\n', out);
    }
    s += len + (s[len] == '\n');
    if (*s == '\n') {
      fputs(first ? ".fi\n.PP\n" : ".PP\n", out);
      first = 0;
      s += strspn(s, "\n");
    }
  }
  if (first)
    fputs(".fi\n", out);
}

/* The help writer of lowwear --man: a command's section, after its title. */
static void put_command(FILE *out, const lw_opt *opts, int n,
                        const char *head) {
  put_usage_head(out, head);
  for (int i = 0; i < n; i++)
    put_option(out, &opts[i]);
  put_help_option(out);
}

static void put_header(const lw_cli_man_page *page) {
  printf(".\\\" lowwear(1), written by lowwear --man from the tables of "
         "--help.\n.TH LOWWEAR 1 \"\" \"lowwear %s\" \"User Commands\"\n"
         ".nh\n.SH NAME\nlowwear \\- ",
         LW_VERSION);
  put_text(stdout, page->tagline);
  puts("\n.SH SYNOPSIS\n.B lowwear\n.I COMMAND\n[options]\n.br\n"
       ".B lowwear\n.I COMMAND\n.B \\-\\-help\n.br\n.B lowwear\n"
       ".B \\-\\-version\n.SH DESCRIPTION\n.B lowwear\n"
       "compiles a combinational circuit (BLIF, AIGER, PLA, Verilog) into a\n"
       "program of stateful-logic operations for one row of a memristor\n"
       "crossbar, verifies it and reports the wear of its cells.\n"
       "Each command below has its own options;\n"
       ".B lowwear\n.I COMMAND\n.B \\-\\-help\n"
       "prints the same text as its section here.\n.SH OPTIONS");
  for (int i = 0; i < page->nopts; i++)
    put_option(stdout, &page->opts[i]);
  put_help_option(stdout);
}

/* Each command's section: its title and line from the command table, the
 * rest from its own --help. */
static void put_commands(const lw_cli_man_page *page) {
  puts(".SH COMMANDS");
  lw_cli_help_set(put_command);
  for (int i = 0; i < page->ncmds; i++) {
    const lw_cli_command *c = &page->cmds[i];
    printf(".SS %s\n", c->name);
    put_text(stdout, c->help);
    putchar('\n');
    char *argv[] = {"lowwear", (char *)c->name, "--help", NULL};
    c->run(3, argv);
  }
  lw_cli_help_set(lw_cli_usage);
}

static void put_exit_statuses(void) {
  char text[256];
  int any;
  puts(".SH \"EXIT STATUS\"");
  for (int code = 0;
       (any = lw_cli_exit_status_text(code, text, sizeof text)) >= 0; code++)
    if (any) {
      printf(".TP\n.B %d\n", code);
      put_text(stdout, text);
      putchar('\n');
    }
}

static void put_files(const lw_cli_man_page *page) {
  puts(".SH FILES\n.TP");
  put_typed(stdout, 'I', page->docdir);
  puts("/\nunder the installation prefix: README.md, and the pages the\n"
       "commands' help names as docs/NAME.md, installed there as NAME.md.\n"
       ".SH \"SEE ALSO\"\nREADME.md and method.md in");
  put_typed(stdout, 'I', page->docdir);
  puts("/.");
}

void lw_cli_man(const lw_cli_man_page *page) {
  put_header(page);
  put_commands(page);
  put_exit_statuses();
  put_files(page);
}
