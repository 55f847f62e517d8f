/* lw_fs_mkdirs: mkdir -p, with the part of the path that failed named. */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/proc.h"
#include "base/scratch.h"
#include "lowwear/lowwear.h"

static int is_folder(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void test_creates_every_missing_level(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  assert_non_null(dir);
  char *a = lw_path_join(dir, "a"), *ab = lw_path_join(a, "b"),
       *abc = lw_path_join(ab, "c");
  lw_error err = {0};
  assert_int_equal(lw_fs_mkdirs(abc, &err), LW_OK);
  assert_true(is_folder(abc));
  /* a second time, and with a trailing slash: already there is fine */
  assert_int_equal(lw_fs_mkdirs(abc, &err), LW_OK);
  char slash[1024];
  snprintf(slash, sizeof slash, "%s/", abc);
  assert_int_equal(lw_fs_mkdirs(slash, &err), LW_OK);
  assert_int_equal(rmdir(abc), 0);
  assert_int_equal(rmdir(ab), 0);
  lw_free(abc);
  lw_free(ab);
  lw_free(a);
  lw_tmpdir_remove(dir);
}

static void test_a_file_in_the_way_is_named(void **state) {
  (void)state;
  char *dir = lw_tmpdir_new();
  assert_non_null(dir);
  char *file = lw_path_join(dir, "f"), *below = lw_path_join(file, "x");
  FILE *f = fopen(file, "w");
  assert_non_null(f);
  fclose(f);
  lw_error err = {0};
  assert_int_equal(lw_fs_mkdirs(below, &err), LW_ERR_IO);
  assert_string_equal(err.file, file);
  assert_non_null(strstr(err.msg, "not a folder"));
  assert_int_equal(lw_fs_mkdirs(file, &err), LW_ERR_IO);
  assert_string_equal(err.file, file);
  lw_free(below);
  lw_free(file);
  lw_tmpdir_remove(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_creates_every_missing_level),
      cmocka_unit_test(test_a_file_in_the_way_is_named),
  };
  return lw_test_run(tests, NULL, NULL);
}
