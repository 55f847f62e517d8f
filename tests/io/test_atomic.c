/* io/atomic.c: files are replaced whole by rename; a destination that is
 * not a file (a FIFO here, /dev/null for a user) is written in place and
 * stays what it was. */
#include "lw_test.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic.h"

static void write_text(const char *path, const char *text, int commit) {
  lw_io_atomic h;
  lw_error err = {0};
  assert_int_equal(lw_io_atomic_open(path, &h, &err), LW_OK);
  fputs(text, h.file);
  if (commit)
    assert_int_equal(lw_io_atomic_commit(&h, &err), LW_OK);
  else
    lw_io_atomic_abort(&h);
}

static void test_file_replaced_whole(void **state) {
  (void)state;
  char path[600], back[64] = {0};
  snprintf(path, sizeof path, "%s/out.txt", lw_test_dir);
  write_text(path, "first\n", 1);
  write_text(path, "second, aborted\n", 0); /* leaves the first */
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  assert_non_null(fgets(back, sizeof back, f));
  fclose(f);
  assert_string_equal(back, "first\n");
}

static void test_fifo_written_in_place(void **state) {
  (void)state;
  char path[600], back[64] = {0};
  snprintf(path, sizeof path, "%s/pipe", lw_test_dir);
  assert_int_equal(mkfifo(path, 0600), 0);
  int rd = open(path, O_RDONLY | O_NONBLOCK); /* so the writer's open returns */
  assert_true(rd >= 0);
  write_text(path, "through the pipe\n", 1);
  assert_true(read(rd, back, sizeof back - 1) > 0);
  close(rd);
  assert_string_equal(back, "through the pipe\n");
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_true(S_ISFIFO(st.st_mode)); /* not replaced by a file */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_file_replaced_whole),
      cmocka_unit_test(test_fifo_written_in_place),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}
