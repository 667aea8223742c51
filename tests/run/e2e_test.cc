// cloudabi-run with the runtime, on real CloudABI programs: the argument
// data and descriptors reach the program, and the rights of !file are
// enforced (ENOTCAPABLE, explained with --trace). Skipped when the target
// programs are not built.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "tests/run/process.h"
#include "tests/run/test_util.h"

#if !defined(CLOUDABI_RUN_BINARY) || !defined(CLOUDABI_TARGET_BINARY_DIR) || \
    !defined(CLOUDABI_SOURCE_DIR)
#error "CLOUDABI_RUN_BINARY, CLOUDABI_TARGET_BINARY_DIR and CLOUDABI_SOURCE_DIR are needed"
#endif

namespace cloudabi::run {
namespace {

const std::string kRun = CLOUDABI_RUN_BINARY;
const std::string kHello = std::string(CLOUDABI_TARGET_BINARY_DIR) + "/examples/hello/hello";
const std::string kFileOpen = std::string(CLOUDABI_TARGET_BINARY_DIR) + "/programs/file_open";

class RunE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& p : {kHello, kFileOpen}) {
      if (access(p.c_str(), X_OK) != 0) GTEST_SKIP() << p << " is not built";
    }
  }

  std::string config(const std::string& name, const std::string& yaml) {
    std::string path = dir_ / name;
    std::ofstream(path) << yaml;
    return path;
  }

  test::RunResult run(const std::vector<std::string>& args,
                      const std::string& stdin_path = "/dev/null") {
    return test::run_process(kRun, args, dir_.path(), stdin_path);
  }

  test::TempDir dir_;
};

TEST_F(RunE2eTest, HelloFromFileAndStdin) {
  std::string cfg = config("hello.yaml",
                           "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n"
                           "stdout: !fd stdout\nmessage: Hello, argdata!\n");
  test::RunResult r = run({kHello, cfg});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "Hello, argdata!\n");
  r = run({kHello}, cfg);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "Hello, argdata!\n");
}

TEST_F(RunE2eTest, OnlyGrantedDescriptors) {
  // Without stdout in the configuration, the program has nowhere to write.
  std::string cfg = config("silent.yaml", "message: unheard\n");
  test::RunResult r = run({kHello, cfg});
  EXPECT_EQ(r.status, 2) << r.err;  // hello's "no stdout" status.
  EXPECT_EQ(r.out, "");
}

TEST_F(RunE2eTest, DescriptorNumbersReachTheProgram) {
  // stdout is the program's descriptor 2 here; the argdata says so.
  std::string cfg = config("numbers.yaml",
                           "a: !file {path: ., type: directory, rights: read-only}\n"
                           "b: !executable\n"
                           "stdout: !fd stdout\n"
                           "message: third\n");
  test::RunResult r = run({kHello, cfg});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "third\n");
}

TEST_F(RunE2eTest, DirectoryRightsAreEnforced) {
  // file_open asks for explicit right sets (including PROC_EXEC and
  // MEM_MAP_EXEC) when it opens files, so it needs the 'all' preset.
  ASSERT_EQ(mkdir((dir_ / "rw").c_str(), 0700), 0);
  ASSERT_EQ(mkdir((dir_ / "ro").c_str(), 0700), 0);
  std::string rw = config("rw.yaml",
                          "log: !fd stdout\n"
                          "tmp: !file {path: rw, type: directory, rights: all}\n");
  test::RunResult r = run({kFileOpen, rw});
  EXPECT_EQ(r.status, 0) << r.out << r.err;

  std::string ro = config("ro.yaml",
                          "log: !fd stdout\n"
                          "tmp: !file {path: ro, type: directory, rights: read-only}\n");
  r = run({kFileOpen, ro});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("got 76"), std::string::npos) << r.out;  // ENOTCAPABLE

  // --trace names the missing right and the YAML node that granted the
  // descriptor.
  r = run({"--trace", kFileOpen, ro});
  EXPECT_NE(r.err.find("granted by " + ro + ":2:6: !file ro"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lacks right FILE_CREATE_FILE"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cloudabi::run
