/* What a user reads names only what a user has. A clone of the project
 * holds no ../shared folder, none of the planning documents (METHOD.md,
 * SIMPLER.md, DEVICE.md, PROGRAM.md, STYLE.md) and no issue tracker: no
 * --help text, bench report, message string in src/ or include/, nor any
 * Markdown page of the project may name them, and every relative link
 * or docs/ path in the Markdown pages must name a file of the repository. */
#include "lw_test.h"

#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Names a user cannot follow. The file names are matched with their case
 * (docs/method.md is the user's own page); "issue 7" in any case. */
static const char exact_re[] =
    "\\.\\./shared|shared/(benchmarks|reference|docs|tools)"
    "|(METHOD|SIMPLER|DEVICE|PROGRAM|STYLE)\\.md";
static const char icase_re[] = "issue ?#?[0-9]";

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
  size_t got = n > 0 ? fread(text, 1, (size_t)n, f) : 0;
  text[got] = 0;
  fclose(f);
  return text;
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* Lines of text that name what a user does not have, printed with where
 * they are; returns how many. */
static int count_forbidden(const char *where, const char *text) {
  regex_t exact, icase;
  assert_int_equal(regcomp(&exact, exact_re, REG_EXTENDED | REG_NOSUB), 0);
  assert_int_equal(
      regcomp(&icase, icase_re, REG_EXTENDED | REG_ICASE | REG_NOSUB), 0);
  int bad = 0, line = 1;
  for (const char *s = text; *s; line++) {
    size_t len = strcspn(s, "\n");
    char *one = strndup(s, len);
    if (!regexec(&exact, one, 0, NULL, 0) ||
        !regexec(&icase, one, 0, NULL, 0)) {
      fprintf(stderr, "%s:%d: names what a user does not have: %s\n", where,
              line, one);
      bad++;
    }
    free(one);
    s += len + (s[len] == '\n');
  }
  regfree(&exact);
  regfree(&icase);
  return bad;
}

static int count_forbidden_in_file(const char *path) {
  char *text = slurp(path);
  if (!text) {
    fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }
  int bad = count_forbidden(path, text);
  free(text);
  return bad;
}

/* Sum of visit(path) over the files under dir, hidden folders and files and
 * build folders left out. */
static int walk(const char *dir, int (*visit)(const char *path)) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  int sum = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.' || !strncmp(e->d_name, "build", 5))
      continue;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    sum += is_dir(path) ? walk(path, visit) : visit(path);
  }
  closedir(d);
  return sum;
}

static int ends_with(const char *s, const char *end) {
  size_t n = strlen(s), m = strlen(end);
  return n >= m && !strcmp(s + n - m, end);
}

/* ---- --help of lowwear and of every command it lists -------------------- */

/* "lowwear ARGS", stdout and stderr together; malloc'ed text. */
static char *run_output(const char *args, int *status) {
  char cmd[1200], file[1100];
  snprintf(file, sizeof file, "%s/out.txt", lw_test_dir);
  snprintf(cmd, sizeof cmd, "%s >%s", args, file);
  char *err = NULL;
  *status = lw_test_run_cli(cmd, &err);
  char *out = slurp(file);
  assert_non_null(out);
  size_t n = strlen(out), m = strlen(err);
  out = realloc(out, n + m + 1);
  memcpy(out + n, err, m + 1);
  free(err);
  return out;
}

static void test_help_texts(void **state) {
  (void)state;
  int status;
  char *top = run_output("--help", &status);
  assert_int_equal(status, 0);
  int bad = count_forbidden("lowwear --help", top);
  /* the command list: lines "  NAME  what it does" after "commands:" */
  const char *list = strstr(top, "commands:\n");
  assert_non_null(list);
  int ncommands = 0;
  for (const char *s = strchr(list, '\n') + 1; s[0] == ' ' && s[1] == ' ';
       s = strchr(s, '\n') + 1) {
    char name[32], args[64];
    assert_int_equal(sscanf(s, " %31s", name), 1);
    snprintf(args, sizeof args, "%s --help", name);
    char *help = run_output(args, &status);
    assert_int_equal(status, 0);
    char where[64];
    snprintf(where, sizeof where, "lowwear %s", args);
    bad += count_forbidden(where, help);
    free(help);
    ncommands++;
  }
  assert_true(ncommands >= 6); /* map verify bench wear sweep device */
  free(top);
  assert_int_equal(bad, 0);
}

/* ---- a bench run's reports ----------------------------------------------- */

static void test_bench_reports(void **state) {
  (void)state;
  if (!lw_test_have_abc()) {
    fprintf(stderr, "skipped: ABC not found\n");
    skip();
  }
  char circuit[1024], args[3000], out[1100];
  lw_test_source("benchmarks/lgsynth91/cm42a.blif", circuit, sizeof circuit);
  snprintf(out, sizeof out, "%s/bench", lw_test_dir);
  snprintf(args, sizeof args, "bench --quiet -j 1 -o %s %s", out, circuit);
  int status;
  char *said = run_output(args, &status);
  assert_int_equal(status, 0);
  int bad = count_forbidden("lowwear bench (stdout, stderr)", said);
  free(said);
  char summary[1200];
  snprintf(summary, sizeof summary, "%s/summary.md", out);
  assert_true(exists(summary));
  /* summary.md, table4.md, results.csv, the figures, meta.json, circuits/ */
  bad += walk(out, count_forbidden_in_file);
  assert_int_equal(bad, 0);
}

/* ---- every message string in src/ and include/ --------------------------- */

/* The string literals of a C file, comments left out, each on its line of
 * the file (literals of one line separated by a space). */
static char *string_literals(const char *c) {
  char *out = calloc(1, strlen(c) + 2);
  size_t o = 0;
  for (const char *s = c; *s; s++) {
    if (s[0] == '\n') {
      out[o++] = '\n';
    } else if (s[0] == '/' && s[1] == '*') {
      const char *end = strstr(s + 2, "*/");
      for (s += 2; *s && s != end; s++)
        if (*s == '\n')
          out[o++] = '\n';
      if (!*s)
        break;
      s++;
    } else if (s[0] == '/' && s[1] == '/') {
      s += strcspn(s, "\n") - 1;
    } else if (s[0] == '\'') {
      s += s[1] == '\\' ? 3 : 2; /* '"' is no string */
    } else if (s[0] == '"') {
      for (s++; *s && *s != '"' && *s != '\n'; s++) {
        if (*s == '\\' && s[1])
          s++; /* the escaped character itself */
        out[o++] = *s;
      }
      out[o++] = ' ';
      if (!*s)
        break;
    }
  }
  out[o] = 0;
  return out;
}

static int count_forbidden_literals(const char *path) {
  if (!ends_with(path, ".c") && !ends_with(path, ".h"))
    return 0;
  char *c = slurp(path);
  assert_non_null(c);
  char *lits = string_literals(c);
  int bad = count_forbidden(path, lits);
  free(lits);
  free(c);
  return bad;
}

static void test_source_strings(void **state) {
  (void)state;
  char src[1024], inc[1024];
  lw_test_source("src", src, sizeof src);
  lw_test_source("include", inc, sizeof inc);
  assert_true(is_dir(src) && is_dir(inc));
  /* the scanner sees literals, not comments */
  char *probe = string_literals("/* \"METHOD.md\" */ f(\"a\\\"b\", '\"');"
                                " // \"issue 7\"\n g(\"issue 7\");");
  assert_string_equal(probe, "a\"b \nissue 7 ");
  free(probe);
  int bad =
      walk(src, count_forbidden_literals) + walk(inc, count_forbidden_literals);
  assert_int_equal(bad, 0);
}

/* ---- the Markdown pages -------------------------------------------------- */

/* Every relative link target ("[text](target)") and every docs/NAME.md
 * mentioned must exist, relative to the page (links) or to the project
 * (docs/ paths); returns how many do not. */
static int count_dead_links(const char *page, const char *text) {
  char base[1024];
  snprintf(base, sizeof base, "%s", page);
  *strrchr(base, '/') = 0;
  int dead = 0;
  for (const char *s = strstr(text, "]("); s; s = strstr(s + 2, "](")) {
    size_t len = strcspn(s + 2, ") \n#");
    char target[512], path[1600];
    snprintf(target, sizeof target, "%.*s", (int)len, s + 2);
    if (!len || strstr(target, "://") || !strncmp(target, "mailto:", 7))
      continue;
    snprintf(path, sizeof path, "%s/%s", base, target);
    if (!exists(path)) {
      fprintf(stderr, "%s: link to %s, which does not exist\n", page, target);
      dead++;
    }
  }
  for (const char *s = strstr(text, "docs/"); s; s = strstr(s + 5, "docs/")) {
    size_t len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-./");
    char target[512], path[1600];
    snprintf(target, sizeof target, "%.*s", (int)len, s);
    while (len && target[len - 1] == '.') /* the end of a sentence */
      target[--len] = 0;
    if (len < 4 || strcmp(target + len - 3, ".md"))
      continue;
    lw_test_source(target, path, sizeof path);
    if (!exists(path)) {
      fprintf(stderr, "%s: names %s, which does not exist\n", page, target);
      dead++;
    }
  }
  return dead;
}

static int npages;

/* One Markdown page of the project: what it names and where it links. */
static int check_page(const char *path) {
  if (!ends_with(path, ".md"))
    return 0;
  char *text = slurp(path);
  assert_non_null(text);
  int bad = count_forbidden(path, text) + count_dead_links(path, text);
  free(text);
  npages++;
  return bad;
}

static void test_markdown_pages(void **state) {
  (void)state;
  char root[1024], index[1100];
  lw_test_source(".", root, sizeof root);
  /* the checker finds what it must */
  assert_int_equal(
      count_dead_links("(self-check)/page.md", "[x](no/such.md) docs/none.md."),
      2);
  assert_int_equal(
      count_forbidden("(self-check)", "a\nsee METHOD.md\nIssue 7\n"), 2);
  assert_int_equal(count_forbidden("(self-check)", "docs/method.md, tissue"),
                   0);
  npages = 0;
  int bad = walk(root, check_page);
  assert_true(npages >= 6); /* README.md, docs/README.md and the pages */
  snprintf(index, sizeof index, "%s/docs/README.md", root);
  assert_true(exists(index));
  assert_int_equal(bad, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_help_texts),
      cmocka_unit_test(test_bench_reports),
      cmocka_unit_test(test_source_strings),
      cmocka_unit_test(test_markdown_pages),
  };
  return cmocka_run_group_tests(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
