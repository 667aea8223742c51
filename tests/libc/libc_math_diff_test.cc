// The libm differential test (see math_diff.h): each suite runs as a
// CloudABI program under the runtime, which writes its results to a file,
// and is then recomputed here with glibc and compared result by result.
// Every suite prints the largest difference in ulps per function.
#include <argdata.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>

#include "tests/libc/math_diff.h"
#include "tests/runtime/guest_runner.h"

namespace {

using cloudabi::testing::GuestOptions;
using cloudabi::testing::GuestResult;

// LIBC_DIFF_SCALE (a percentage) scales the number of cases, for debugging.
void run_suite(const std::string& suite, uint64_t seed, long count) {
  if (const char* scale = getenv("LIBC_DIFF_SCALE")) count = count * atol(scale) / 100;
  FILE* results = tmpfile();
  ASSERT_NE(results, nullptr);
  int fd = fileno(results);
  GuestOptions o;
  o.extra.push_back({"suite", [suite] { return argdata_create_str_c(suite.c_str()); }});
  o.extra.push_back({"seed", [seed] { return argdata_create_int(seed); }});
  o.extra.push_back(
      {"count", [count] { return argdata_create_int(static_cast<uint64_t>(count)); }});
  o.extra.push_back({"out", [fd] { return argdata_create_fd(fd); }});
  GuestResult r =
      cloudabi::testing::run_guest(cloudabi::testing::program_path("libc_diff_special_math"), o);
  ASSERT_TRUE(r.exited && r.exit_status == 0) << r.log << r.stderr_text;
  rewind(results);
  char* text = nullptr;
  size_t size = 0;
  FILE* report = open_memstream(&text, &size);
  ASSERT_NE(report, nullptr);
  long mismatches = math_diff_compare(suite.c_str(), seed, count, results, report);
  fclose(report);
  fclose(results);
  std::string out(text, size);
  free(text);
  printf("%s: %ld cases\n%s", suite.c_str(), count, out.c_str());
  EXPECT_EQ(mismatches, 0) << out;
}

TEST(LibmDiff, RoundDouble) { run_suite("round_d", 11, 400000); }
TEST(LibmDiff, RoundFloat) { run_suite("round_f", 12, 400000); }
TEST(LibmDiff, RoundLongDouble) { run_suite("round_ld", 13, 300000); }
TEST(LibmDiff, ArithDouble) { run_suite("arith_d", 14, 400000); }
TEST(LibmDiff, ArithFloat) { run_suite("arith_f", 15, 400000); }
TEST(LibmDiff, ArithLongDouble) { run_suite("arith_ld", 16, 300000); }
TEST(LibmDiff, FmaDouble) { run_suite("fma_d", 17, 1000000); }
TEST(LibmDiff, FmaFloat) { run_suite("fma_f", 18, 1000000); }
TEST(LibmDiff, FmaLongDouble) { run_suite("fma_ld", 19, 500000); }
TEST(LibmDiff, ExpDouble) { run_suite("exp_d", 20, 300000); }
TEST(LibmDiff, LogDouble) { run_suite("log_d", 21, 250000); }
TEST(LibmDiff, PowDouble) { run_suite("pow_d", 22, 1000000); }
TEST(LibmDiff, TrigDouble) { run_suite("trig_d", 23, 400000); }
TEST(LibmDiff, InverseTrigDouble) { run_suite("atrig_d", 24, 300000); }
TEST(LibmDiff, TranscendentalFloat) { run_suite("trans_f", 25, 100000); }
TEST(LibmDiff, ErfGamma) { run_suite("special_d", 27, 200000); }
TEST(LibmDiff, TranscendentalLongDouble) { run_suite("trans_ld", 26, 50000); }

}  // namespace
