// Runs the built cloudabi-run binary: --print-argdata on the fixtures in
// fixtures/good (exit 0, expected argdata), the fixtures in fixtures/bad
// (exit 127 and exactly the one-line message named in their "# expect:"
// line), and the command line itself.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/run/process.h"

#ifndef CLOUDABI_RUN_BINARY
#error "CLOUDABI_RUN_BINARY must name the cloudabi-run executable"
#endif
#ifndef RUN_FIXTURES
#error "RUN_FIXTURES must name tests/run/fixtures"
#endif

namespace {

using cloudabi::run::test::run_process;
using cloudabi::run::test::RunResult;
namespace fs = std::filesystem;

// Runs cloudabi-run with the given arguments in the fixtures directory,
// stdin from `stdin_path` (or /dev/null).
RunResult run(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
  return run_process(CLOUDABI_RUN_BINARY, args, RUN_FIXTURES, stdin_path);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> fixtures(const std::string& sub, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(RUN_FIXTURES) / sub)) {
    if (e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The value of a "# key: value" line of a fixture, or "".
std::string directive(const fs::path& p, const std::string& key) {
  std::ifstream in(p);
  std::string line;
  std::string prefix = "# " + key + ": ";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return "";
}

const std::string kExe = CLOUDABI_RUN_BINARY;

TEST(CliFixtures, GoodConfigsPrint) {
  auto good = fixtures("good", ".yaml");
  ASSERT_GE(good.size(), 5u);
  for (const fs::path& p : good) {
    std::string rel = "good/" + p.filename().string();
    RunResult r = run({"--print-argdata", kExe, rel});
    EXPECT_EQ(r.status, 0) << rel << "\n" << r.err;
    EXPECT_EQ(r.err, "") << rel;
    fs::path expected = p;
    expected.replace_extension(".expected");
    if (fs::exists(expected)) {
      std::string argdata = r.out.substr(0, r.out.find("descriptors:"));
      EXPECT_EQ(argdata, read_file(expected)) << rel;
    }
    EXPECT_NE(r.out.find("descriptors:"), std::string::npos) << rel;
    // The same from standard input, with --dry-run.
    RunResult s = run({"--dry-run", kExe}, p.string());
    EXPECT_EQ(s.status, 0) << rel << "\n" << s.err;
    EXPECT_EQ(s.out.substr(0, s.out.find("descriptors:")),
              r.out.substr(0, r.out.find("descriptors:")));
  }
}

TEST(CliFixtures, BadConfigsFailWithOneLine) {
  auto bad = fixtures("bad", ".yaml");
  ASSERT_GE(bad.size(), 15u);
  for (const fs::path& p : bad) {
    std::string rel = "bad/" + p.filename().string();
    std::string expect = directive(p, "expect");
    std::string expect_prefix = directive(p, "expect-prefix");
    std::string expect_stdin = directive(p, "expect-stdin");
    ASSERT_TRUE(!expect.empty() || !expect_prefix.empty() || !expect_stdin.empty())
        << rel << " has no '# expect:' line";
    RunResult r = expect_stdin.empty() ? run({"--print-argdata", kExe, rel})
                                       : run({"--print-argdata", kExe}, p.string());
    EXPECT_EQ(r.status, 127) << rel;
    EXPECT_EQ(r.out, "") << rel;
    if (!expect.empty()) {
      EXPECT_EQ(r.err, "cloudabi-run: " + rel + ":" + expect + "\n") << rel;
    } else if (!expect_prefix.empty()) {
      std::string want = "cloudabi-run: " + rel + ":" + expect_prefix;
      EXPECT_EQ(r.err.substr(0, want.size()), want) << rel;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << rel;
    } else {
      EXPECT_EQ(r.err, "cloudabi-run: <stdin>:" + expect_stdin + "\n") << rel;
    }
  }
}

TEST(Cli, StdinIsFineWhenTheConfigIsAFile) {
  RunResult r = run({"--print-argdata", kExe, "bad/stdin_twice.yaml"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("input: !fd 0"), std::string::npos);
}

TEST(Cli, DashMeansStdin) {
  RunResult r = run({"--print-argdata", kExe, "-"},
                    std::string(RUN_FIXTURES) + "/good/original_man_page.yaml");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("descriptors:")),
            read_file(std::string(RUN_FIXTURES) + "/good/original_man_page.expected"));
}

// The line of the descriptor table that starts with `start`, or "".
std::string table_line(const std::string& out, const std::string& start) {
  std::istringstream in(out.substr(out.find("descriptors:")));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(start, 0) == 0) return line;
  }
  return "";
}

bool has_words(const std::string& line, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (line.find(w) == std::string::npos) return false;
  }
  return true;
}

TEST(Cli, DescriptorTable) {
  RunResult r = run({"--print-argdata", kExe, "good/resources.yaml"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string& o = r.out;
  EXPECT_TRUE(has_words(table_line(o, "  fd  "), {"resource", "type", "granted at"})) << o;
  EXPECT_TRUE(has_words(table_line(o, "  0   "), {"!fd stdout", "good/resources.yaml:4:9"})) << o;
  EXPECT_TRUE(has_words(table_line(o, "  1   "),
                        {"!file data/hello.txt", "regular file", "good/resources.yaml:6:7"}))
      << o;
  EXPECT_TRUE(has_words(table_line(o, "  2   "),
                        {"!file data/tree", "directory", "good/resources.yaml:7:7"}))
      << o;
  EXPECT_TRUE(has_words(table_line(o, "  3   "), {"!executable", "regular file", ":11:7"})) << o;
  EXPECT_TRUE(has_words(table_line(o, "  4   "),
                        {"!socket stream bind 127.0.0.1:0", "stream socket", ":12:9"}))
      << o;
  EXPECT_TRUE(has_words(table_line(o, "  5   "),
                        {"!socket dgram bind 127.0.0.1:0", "datagram socket", ":13:11"}))
      << o;
  EXPECT_EQ(table_line(o, "  6   "), "") << o;
  EXPECT_NE(table_line(o, "        host fd 1"), "") << o;
  EXPECT_NE(table_line(o, "        listening on 127.0.0.1:"), "") << o;
  EXPECT_NE(table_line(o, "        bound to 127.0.0.1:"), "") << o;
  EXPECT_NE(table_line(o,
                       "        rights: FILE_OPEN FILE_READDIR FILE_READLINK FILE_STAT_FGET "
                       "FILE_STAT_GET (read-only preset)"),
            "")
      << o;
}

TEST(Cli, HelpAndVersion) {
  RunResult h = run({"--help"});
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("EXECUTABLE"), std::string::npos) << h.out;
  EXPECT_NE(h.out.find("--print-argdata"), std::string::npos) << h.out;
  EXPECT_NE(h.out.find("--trace"), std::string::npos) << h.out;
  RunResult v = run({"--version"});
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("cloudabi-run ", 0), 0u) << v.out;
  EXPECT_NE(v.out.find("(CloudABI v0.21)\n"), std::string::npos) << v.out;
}

TEST(Cli, UsageErrors) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--bogus", kExe}, {}, {kExe, "a.yaml", "extra"}, {"-x", kExe}}) {
    RunResult r = run(args);
    EXPECT_EQ(r.status, 127);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("cloudabi-run: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("Usage: cloudabi-run"), std::string::npos) << r.err;
  }
}

TEST(Cli, CompatibilityFlag) {
  // The original's -e is accepted (and means nothing here).
  RunResult r = run({"-e", "--print-argdata", kExe, "good/empty.yaml"});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST(Cli, ErrorsWithoutLocation) {
  RunResult r = run({"--print-argdata", "nonexistent", "good/empty.yaml"});
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.err,
            "cloudabi-run: cannot open executable 'nonexistent': No such file or directory\n");
  r = run({"--print-argdata", "data", "good/empty.yaml"});
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.err, "cloudabi-run: cannot run 'data': it is not a regular file\n");
  r = run({"--print-argdata", kExe, "nope.yaml"});
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.err,
            "cloudabi-run: cannot open configuration 'nope.yaml': No such file or directory\n");
  r = run({"--print-argdata", kExe, "data"});
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.err, "cloudabi-run: cannot read configuration 'data': read failed: Is a directory\n");
}

TEST(Cli, RunningANonCloudabiFileFails) {
  // Without --print-argdata the program is started; this one is not a
  // CloudABI executable (or the runtime is not built in yet).
  RunResult r = run({kExe, "good/empty.yaml"});
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.err.rfind("cloudabi-run: cannot start '" + kExe + "': ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
