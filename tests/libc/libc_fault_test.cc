// Fault tests of stdio that need a descriptor from the host: /dev/full fails
// every write with ENOSPC (tests/programs/libc_stdio/special_enospc.c).
#include <argdata.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/runtime/guest_runner.h"

namespace {

using cloudabi::testing::GuestOptions;
using cloudabi::testing::GuestResult;

TEST(LibcFaults, StdioReportsEnospc) {
  int full = open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (full < 0) GTEST_SKIP() << "/dev/full cannot be opened on this machine";
  int full2 = open("/dev/full", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(full2, 0);
  GuestOptions o;
  o.extra.push_back({"full", [full] { return argdata_create_fd(full); }});
  o.extra.push_back({"full_unbuffered", [full2] { return argdata_create_fd(full2); }});
  GuestResult r =
      cloudabi::testing::run_guest(cloudabi::testing::program_path("libc_stdio_special_enospc"), o);
  close(full);
  close(full2);
  EXPECT_TRUE(r.exited && r.exit_status == 0) << r.log << r.stderr_text;
  EXPECT_NE(r.log.find("ALL PASSED"), std::string::npos) << r.log;
}

}  // namespace
