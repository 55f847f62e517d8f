/* lowwear --man, the manual page lowwear(1): every command of lowwear --help
 * has a section, every option line of `lowwear CMD --help` (name,
 * metavariable, help and default) is in that command's section, the exit
 * statuses are those of --help, roff's special characters are escaped, and
 * groff (or man) renders the page without a warning. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.c"
#include "cli/man.c"

/* The standard output of cmd, which must exit 0 (malloc'ed). */
static char *capture(const char *cmd) {
  int status;
  char *out = lw_test_capture(cmd, &status);
  assert_int_equal(status, 0);
  return out;
}

static char *run_lowwear(const char *args) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "'%s' %s", LW_BINARY, args);
  return capture(cmd);
}

/* The roff text from the line `title` to the next section or subsection
 * (malloc'ed), or NULL when there is no such line. */
static char *section(const char *man, const char *title) {
  char key[128];
  snprintf(key, sizeof key, "\n%s\n", title);
  const char *s = strstr(man, key);
  if (!s)
    return NULL;
  s += strlen(key);
  size_t len = strlen(s);
  const char *ss = strstr(s, "\n.SS "), *sh = strstr(s, "\n.SH ");
  if (ss && (size_t)(ss - s) < len)
    len = (size_t)(ss - s);
  if (sh && (size_t)(sh - s) < len)
    len = (size_t)(sh - s);
  return strndup(s, len + 1);
}

/* Roff source as the reader sees its words: request lines left out but the
 * argument of .B and .I, font changes dropped, \- \e \& undone; starts with
 * a newline, so that "\nLINE\n" finds a whole line. */
static char *plain(const char *roff) {
  char *out = calloc(1, strlen(roff) + 2), *o = out;
  *o++ = '\n';
  for (const char *s = roff; *s;) {
    const char *end = s + strcspn(s, "\n");
    int keep = 1;
    if (!strncmp(s, ".B ", 3) || !strncmp(s, ".I ", 3))
      s += 3;
    else if (*s == '.')
      keep = 0;
    for (; keep && s < end; s++) {
      char next = s + 1 < end ? s[1] : 0;
      if (*s == '\\' && next == 'f')
        s += 2; /* \fB, \fI, \fR */
      else if (*s == '\\' && next == '&')
        s++;
      else if (*s == '\\' && (next == '-' || next == 'e'))
        *o++ = *++s == '-' ? '-' : '\\';
      else
        *o++ = *s;
    }
    if (keep)
      *o++ = '\n';
    s = *end ? end + 1 : end;
  }
  *o = 0;
  return out;
}

/* The lines of text after the line `heading` up to the next empty line. */
static const char *block(const char *help, const char *heading) {
  const char *s = strstr(help, heading);
  assert_non_null(s);
  return s + strlen(heading);
}

/* The command names of lowwear --help, into names (at most max). */
static int command_names(const char *help, char names[][16], int max) {
  int n = 0;
  for (const char *s = block(help, "\ncommands:\n"); *s == ' ' && n < max;) {
    assert_int_equal(sscanf(s, " %15s", names[n]), 1);
    n++;
    s += strcspn(s, "\n") + 1;
  }
  return n;
}

static void test_every_command_has_a_section(void **state) {
  (void)state;
  char *help = run_lowwear("--help"), *man = run_lowwear("--man");
  char names[32][16], title[64];
  int n = command_names(help, names, 32);
  assert_true(n >= 7); /* map verify bench wear sweep view device */
  for (int i = 0; i < n; i++) {
    snprintf(title, sizeof title, ".SS %s", names[i]);
    char *sec = section(man, title);
    if (!sec)
      fail_msg("lowwear --man has no section for '%s'", names[i]);
    free(sec);
  }
  free(help);
  free(man);
}

/* The option's first name as the man page must write it: hyphens \-. */
static void escaped_name(const char *left, char *out, size_t n) {
  size_t k = 0;
  for (const char *s = left; *s && *s != ' ' && *s != ',' && k + 3 < n; s++) {
    if (*s == '-')
      out[k++] = '\\';
    out[k++] = *s;
  }
  out[k] = 0;
}

/* Every option line "  LEFT<pad> HELP" of `lowwear name --help` is in the
 * command's section as the .TP line LEFT and the line HELP. */
static void check_options(const char *name, const char *man) {
  char args[64], title[64];
  snprintf(args, sizeof args, "%s --help", name);
  snprintf(title, sizeof title, ".SS %s", name);
  char *help = run_lowwear(args), *roff = section(man, title);
  assert_non_null(roff);
  char *text = plain(roff);
  char usage[256];
  assert_int_equal(sscanf(help, "usage: %255[^\n]", usage), 1);
  if (!strstr(text, usage))
    fail_msg("lowwear --man, %s: no usage line '%s'", name, usage);
  int nopts = 0;
  for (const char *s = block(help, "\nOptions:\n"); !strncmp(s, "  -", 3);) {
    size_t len = strcspn(s, "\n");
    char *line = strndup(s, len), want[1024], bold[128] = "\\fB";
    assert_true(len > 27 && line[26] == ' ');
    line[26] = 0;
    for (size_t e = strlen(line); e > 2 && line[e - 1] == ' ';)
      line[--e] = 0;
    snprintf(want, sizeof want, "\n%s\n%s\n", line + 2, line + 27);
    if (!strstr(text, want))
      fail_msg("lowwear --man, %s: no entry%s", name, want);
    escaped_name(line + 2, bold + 3, sizeof bold - 3);
    if (!strstr(roff, bold))
      fail_msg("lowwear --man, %s: no '%s'", name, bold);
    free(line);
    nopts++;
    s += len + 1;
  }
  assert_true(nopts >= 1); /* -h, --help at least */
  free(text);
  free(roff);
  free(help);
}

static void test_every_option_is_in_its_section(void **state) {
  (void)state;
  char *help = run_lowwear("--help"), *man = run_lowwear("--man");
  char names[32][16];
  int n = command_names(help, names, 32);
  for (int i = 0; i < n; i++)
    check_options(names[i], man);
  free(help);
  free(man);
}

static void test_exit_statuses_are_those_of_help(void **state) {
  (void)state;
  char *help = run_lowwear("--help"), *man = run_lowwear("--man");
  char *roff = section(man, ".SH \"EXIT STATUS\"");
  assert_non_null(roff);
  char *text = plain(roff);
  int n = 0;
  for (const char *s = block(help, "\nExit status:\n"); *s == ' ';) {
    int code, at;
    assert_int_equal(sscanf(s, " %d %n", &code, &at), 1);
    size_t len = strcspn(s, "\n");
    char want[512];
    snprintf(want, sizeof want, "\n%d\n%.*s\n", code, (int)len - at, s + at);
    if (!strstr(text, want))
      fail_msg("lowwear --man: no exit status%s", want);
    n++;
    s += len + 1;
  }
  assert_true(n >= 2);
  free(text);
  free(roff);
  free(help);
  free(man);
}

/* roff's special characters in a text: a leading dot or quote would be a
 * request, a backslash an escape; hyphens that start a word are minus. */
static void test_escapes(void **state) {
  (void)state;
  char *buf = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&buf, &n);
  put_text(out, ".x \\y --a b-c");
  fputc('|', out);
  put_text(out, "'q");
  fputc('|', out);
  put_typed(out, 'B', "1e-6");
  fclose(out);
  assert_string_equal(buf, "\\&.x \\ey \\-\\-a b-c|\\&'q|\\fB1e\\-6\\fR");
  free(buf);
}

static void test_renders_without_warnings(void **state) {
  (void)state;
  const char *render = NULL;
  if (!system("command -v groff >/dev/null 2>&1"))
    render = "groff -man -Tutf8 -ww";
  else if (!system("command -v man >/dev/null 2>&1"))
    render = "man --warnings=w -l -Tutf8";
  else
    lw_test_skip("neither groff nor man is installed "
                 "(apt-get install groff-base)");
  char page[] = "/tmp/lw_man.XXXXXX", cmd[1024];
  int fd = mkstemp(page);
  assert_true(fd >= 0);
  close(fd);
  snprintf(cmd, sizeof cmd, "'%s' --man >%s", LW_BINARY, page);
  assert_int_equal(system(cmd), 0);
  snprintf(cmd, sizeof cmd, "%s %s 2>&1 >/dev/null", render, page);
  char *warnings = capture(cmd);
  snprintf(cmd, sizeof cmd, "%s %s 2>/dev/null", render, page);
  char *text = capture(cmd);
  unlink(page);
  if (warnings[0])
    fail_msg("%s warns:\n%s", render, warnings);
  assert_non_null(strstr(text, "verification failed")); /* a status */
  free(warnings);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_command_has_a_section),
      cmocka_unit_test(test_every_option_is_in_its_section),
      cmocka_unit_test(test_exit_statuses_are_those_of_help),
      cmocka_unit_test(test_escapes),
      cmocka_unit_test(test_renders_without_warnings),
  };
  return lw_test_run(tests, NULL, NULL);
}
