// Differential tests of the libc against the host's glibc: the generator in
// diff_generator.c runs twice with the same seed, once built for the host and
// once as a CloudABI program under the runtime, and the outputs must be
// identical byte for byte. Between them the suites check well over a million
// values (printf of doubles, long doubles and integers with random flags,
// widths and precisions; strtod/strtof/strtold, strtol/strtoull and sscanf
// on random input; the string functions on random lengths and alignments;
// strftime on random times, strptime reading it back).
#include <argdata.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sstream>
#include <string>

#include "tests/runtime/guest_runner.h"

namespace {

using cloudabi::testing::GuestOptions;
using cloudabi::testing::GuestResult;

std::string read_all(int fd) {
  std::string out;
  char buf[1 << 16];
  ssize_t n;
  lseek(fd, 0, SEEK_SET);
  while ((n = read(fd, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

std::string run_host(const std::string& suite, uint64_t seed, long count) {
  std::string cmd = std::string(LIBC_DIFF_HOST) + " " + suite + " " + std::to_string(seed) + " " +
                    std::to_string(count);
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  std::string out = read_all(fileno(p));
  EXPECT_EQ(pclose(p), 0);
  return out;
}

// Reports the first differing lines with their line numbers.
void compare(const std::string& host, const std::string& guest) {
  std::istringstream a(host), b(guest);
  std::string la, lb;
  long line = 0;
  int shown = 0;
  while (true) {
    bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    ++line;
    if (!ha && !hb) break;
    if (!ha || !hb || la != lb) {
      ADD_FAILURE() << "line " << line << "\n  glibc:    " << (ha ? la : "(end)")
                    << "\n  cloudabi: " << (hb ? lb : "(end)");
      if (++shown == 10) break;
    }
  }
  EXPECT_EQ(host.size(), guest.size());
}

// LIBC_DIFF_SCALE (a percentage) scales the number of cases, for debugging.
void run_suite(const std::string& suite, uint64_t seed, long count) {
  if (const char* scale = getenv("LIBC_DIFF_SCALE")) count = count * atol(scale) / 100;
  std::string host = run_host(suite, seed, count);
  char path[] = "/tmp/libc-diff-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  unlink(path);
  GuestOptions o;
  o.extra.push_back({"suite", [suite] { return argdata_create_str_c(suite.c_str()); }});
  o.extra.push_back({"seed", [seed] { return argdata_create_int(seed); }});
  o.extra.push_back(
      {"count", [count] { return argdata_create_int(static_cast<uint64_t>(count)); }});
  o.extra.push_back({"out", [fd] { return argdata_create_fd(fd); }});
  GuestResult r =
      cloudabi::testing::run_guest(cloudabi::testing::program_path("libc_diff_special_diff"), o);
  ASSERT_TRUE(r.exited && r.exit_status == 0) << r.log << r.stderr_text;
  std::string guest = read_all(fd);
  close(fd);
  ASSERT_GT(host.size(), 0u);
  compare(host, guest);
}

TEST(LibcDiff, PrintfDouble) { run_suite("printf_double", 1, 300000); }
TEST(LibcDiff, PrintfLongDouble) { run_suite("printf_ldouble", 2, 60000); }
TEST(LibcDiff, PrintfInteger) { run_suite("printf_int", 3, 200000); }
TEST(LibcDiff, Strtod) { run_suite("strtod", 4, 300000); }
TEST(LibcDiff, Strtol) { run_suite("strtol", 5, 150000); }
TEST(LibcDiff, Sscanf) { run_suite("scanf", 6, 100000); }
TEST(LibcDiff, StringFunctions) { run_suite("string", 7, 100000); }
TEST(LibcDiff, Strftime) { run_suite("strftime", 8, 100000); }
TEST(LibcDiff, Strptime) { run_suite("strptime", 9, 100000); }

}  // namespace
