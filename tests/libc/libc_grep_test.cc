// Runs the grep example (examples/grep) under the runtime on a tree made
// here: the ported program must find exactly what grep would.
#include <argdata.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/runtime/guest_runner.h"

namespace {

using cloudabi::testing::ExtraArg;
using cloudabi::testing::GuestOptions;
using cloudabi::testing::GuestResult;

class Grep : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/libc-grep-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    write("a.txt", "alpha\nneedle one\nbeta\n");
    write("b.txt", "NEEDLE two\nno match here\n");
    std::filesystem::create_directories(root_ + "/sub/deeper");
    write("sub/c.txt", "needle three\nneedle four");  // no final newline
    write("sub/deeper/d.txt", "needle five\n");
    symlink("a.txt", (root_ + "/link").c_str());  // not followed
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(root_ + "/" + name) << text;
  }

  // Runs grep with the given extra configuration; returns its output.
  std::string run(std::vector<ExtraArg> extra, int* status, std::string* errors = nullptr) {
    int root = open(root_.c_str(), O_RDONLY | O_DIRECTORY);
    char out_path[] = "/tmp/libc-grep-out-XXXXXX", err_path[] = "/tmp/libc-grep-err-XXXXXX";
    int out = mkstemp(out_path), err = mkstemp(err_path);
    unlink(out_path);
    unlink(err_path);
    GuestOptions o;
    o.extra = std::move(extra);
    o.extra.push_back({"root", [root] { return argdata_create_fd(root); }});
    o.extra.push_back({"output", [out] { return argdata_create_fd(out); }});
    o.extra.push_back({"errors", [err] { return argdata_create_fd(err); }});
    // The directory is read-only for grep.
    o.narrowed.push_back({root,
                          CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR |
                              CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_FGET,
                          CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
                              CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR |
                              CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_FGET});
    o.trace = getenv("GREP_TRACE") != nullptr;
    GuestResult r = cloudabi::testing::run_guest(GREP_PROGRAM, o);
    if (o.trace) fprintf(stderr, "%s", r.stderr_text.c_str());
    EXPECT_TRUE(r.exited) << r.stderr_text;
    *status = r.exit_status;
    auto slurp = [](int fd) {
      std::string s;
      char buf[4096];
      ssize_t n;
      lseek(fd, 0, SEEK_SET);
      while ((n = read(fd, buf, sizeof(buf))) > 0) s.append(buf, static_cast<size_t>(n));
      close(fd);
      return s;
    };
    std::string output = slurp(out), error_text = slurp(err);
    if (errors != nullptr) *errors = error_text;
    close(root);
    return output;
  }

  static ExtraArg str(const char* key, const char* value) {
    return {key, [value] { return argdata_create_str_c(value); }};
  }
  static ExtraArg flag(const char* key) {
    return {key, [] { return const_cast<argdata_t*>(&argdata_true); }};
  }

  std::string root_;
};

TEST_F(Grep, SearchesTheWholeTreeInNameOrder) {
  int status;
  std::string out = run({str("pattern", "needle"), flag("line_numbers")}, &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(out,
            "./a.txt:2:needle one\n"
            "./sub/c.txt:1:needle three\n"
            "./sub/c.txt:2:needle four\n"
            "./sub/deeper/d.txt:1:needle five\n");
}

TEST_F(Grep, Options) {
  int status;
  EXPECT_EQ(run({str("pattern", "needle"), flag("ignore_case"), flag("count")}, &status),
            "./a.txt:1\n./b.txt:1\n./sub/c.txt:2\n./sub/deeper/d.txt:1\n");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(run({str("pattern", "e"),
                 flag("invert"),
                 {"max_depth", [] { return argdata_create_int(0); }}},
                &status),
            "./a.txt:alpha\n./b.txt:NEEDLE two\n");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(run({str("pattern", "absent")}, &status), "");
  EXPECT_EQ(status, 1);
}

TEST_F(Grep, NamedFilesAndErrors) {
  int status;
  std::string errors;
  std::string out =
      run({str("pattern", "needle"),
           {"files",
            [] {
              static const argdata_t* names[] = {argdata_create_str_c("sub/deeper/d.txt"),
                                                 argdata_create_str_c("missing.txt"),
                                                 argdata_create_str_c("../outside.txt")};
              return argdata_create_seq(names, 3);
            }}},
          &status, &errors);
  EXPECT_EQ(out, "sub/deeper/d.txt:needle five\n");
  EXPECT_EQ(status, 2);
  EXPECT_NE(errors.find("grep: missing.txt: No such file or directory"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("grep: ../outside.txt: "), std::string::npos) << errors;
}

}  // namespace
