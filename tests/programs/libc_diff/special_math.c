// The libm differential test as a CloudABI program. The host test
// (tests/libc/libc_math_diff_test.cc) passes {suite, seed, count, out: fd}
// and compares what this writes with glibc's results for the same inputs.
#include "../../libc/math_diff.c"

#include <argdata.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

TEST(math_diff) {
  const char *suite;
  int fd;
  unsigned long long seed, count;
  CHECK(harness_arg("suite") != NULL && argdata_get_str_c(harness_arg("suite"), &suite) == 0);
  CHECK(harness_arg("out") != NULL && argdata_get_fd(harness_arg("out"), &fd) == 0);
  CHECK(harness_arg("seed") != NULL && argdata_get_int_ullong(harness_arg("seed"), &seed) == 0);
  CHECK(harness_arg("count") != NULL && argdata_get_int_ullong(harness_arg("count"), &count) == 0);
  FILE *out = fdopen(fd, "w");
  CHECK(out != NULL);
  CHECK_EQ(math_diff_write(suite, seed, (long)count, out), 0);
  CHECK_EQ(fclose(out), 0);
}
