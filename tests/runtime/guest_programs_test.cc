// Runs every CloudABI test program from tests/programs under the runtime.
// Each must log "ALL PASSED" and exit with status 0.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/runtime/guest_runner.h"

namespace {

std::vector<std::string> programs() {
  std::vector<std::string> out;
  std::stringstream list(GUEST_PROGRAMS);
  std::string name;
  while (std::getline(list, name, ','))
    if (!name.empty()) out.push_back(name);
  return out;
}

class GuestProgram : public ::testing::TestWithParam<std::string> {};

TEST_P(GuestProgram, Passes) {
  cloudabi::testing::GuestResult r =
      cloudabi::testing::run_guest(cloudabi::testing::program_path(GetParam()));
  EXPECT_FALSE(r.timed_out) << r.log << r.stderr_text;
  EXPECT_TRUE(r.exited) << "killed by signal " << r.signal << "\n" << r.log << r.stderr_text;
  EXPECT_EQ(r.exit_status, 0) << r.log << r.stderr_text;
  EXPECT_NE(r.log.find("ALL PASSED"), std::string::npos) << r.log << r.stderr_text;
}

INSTANTIATE_TEST_SUITE_P(All, GuestProgram, ::testing::ValuesIn(programs()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
