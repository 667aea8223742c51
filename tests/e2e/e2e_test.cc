// End-to-end tests of the user-visible commands: cloudabi-run starting real
// CloudABI programs from YAML, and refusing what is not a CloudABI program.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Outcome {
  int status = -1;  // exit status, or -signal
  std::string out;
  std::string err;
};

std::string slurp(int fd) {
  std::string s;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof(buf))) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}

// Runs argv with stdin from `input`, capturing stdout and stderr.
Outcome run(const std::vector<std::string>& args, const std::string& input = "") {
  // ctest runs tests in parallel processes: names unique to this process and call.
  static int calls = 0;
  std::string base =
      testing::TempDir() + "/e2e-" + std::to_string(getpid()) + "-" + std::to_string(++calls);
  std::string in_path = base + "-stdin";
  std::ofstream(in_path) << input;
  std::string out_path = base + "-stdout";
  std::string err_path = base + "-stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  Outcome o;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) return o;
  posix_spawn_file_actions_destroy(&actions);
  int status;
  waitpid(pid, &status, 0);
  o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  int fd = open(out_path.c_str(), O_RDONLY);
  o.out = slurp(fd);
  close(fd);
  fd = open(err_path.c_str(), O_RDONLY);
  o.err = slurp(fd);
  close(fd);
  unlink(in_path.c_str());
  unlink(out_path.c_str());
  unlink(err_path.c_str());
  return o;
}

const std::string kRun = CLOUDABI_RUN;
const std::string kHello = std::string(CLOUDABI_TARGET_BINARY_DIR) + "/examples/hello/hello";
const std::string kHelloYaml = std::string(CLOUDABI_SOURCE_DIR) + "/examples/hello/hello.yaml";

std::string write_temp(const std::string& name, const std::string& bytes) {
  std::string path = testing::TempDir() + "/" + name + "-" + std::to_string(getpid());
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

size_t count_lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST(Hello, PrintsItsMessageFromAConfigFile) {
  Outcome o = run({kRun, kHello, kHelloYaml});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "Hello from a sandboxed CloudABI program!\n");
}

TEST(Hello, ReadsTheConfigFromStdinLikeTheOriginal) {
  Outcome o =
      run({kRun, kHello},
          "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\nmessage: via stdin\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "via stdin\n");
}

TEST(Hello, BinaryIsANuxiCloudABIStaticPieWithoutSyscallInstructions) {
  std::string elf = file_bytes(kHello);
  ASSERT_GT(elf.size(), 64u);
  EXPECT_EQ(elf.substr(0, 4),
            "\x7f"
            "ELF");
  EXPECT_EQ(static_cast<unsigned char>(elf[7]), 17) << "EI_OSABI must be ELFOSABI_CLOUDABI";
  EXPECT_EQ(static_cast<unsigned char>(elf[16]), 3) << "e_type must be ET_DYN (static PIE)";
  Outcome f = run({"/usr/bin/file", "-b", kHello});
  EXPECT_NE(f.out.find("Nuxi CloudABI"), std::string::npos) << f.out;
  Outcome d = run({"/usr/bin/llvm-objdump-14", "-d", "--no-show-raw-insn", kHello});
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.out.find("\tsyscall"), std::string::npos)
      << "the binary contains a syscall instruction";
}

// Every executable that is not a loadable CloudABI program gets one line on
// stderr naming the problem, and exit status 127.
void expect_rejected(const std::string& path, const std::string& reason) {
  Outcome o = run({kRun, path, kHelloYaml});
  EXPECT_EQ(o.status, 127) << o.err;
  EXPECT_EQ(count_lines(o.err), 1u) << o.err;
  EXPECT_NE(o.err.find(reason), std::string::npos) << o.err;
  EXPECT_EQ(o.out, "");
}

TEST(Rejection, NonElfFile) {
  expect_rejected(write_temp("not-elf", "#!/bin/sh\necho hi\n"), "ELF");
}

TEST(Rejection, EmptyFile) { expect_rejected(write_temp("empty", ""), "ELF"); }

TEST(Rejection, LinuxExecutable) { expect_rejected("/bin/true", "OS/ABI"); }

TEST(Rejection, WrongOsAbi) {
  std::string elf = file_bytes(kHello);
  elf[7] = 0;
  expect_rejected(write_temp("osabi0", elf), "OS/ABI");
}

TEST(Rejection, TruncatedProgramHeaders) {
  std::string elf = file_bytes(kHello);
  expect_rejected(write_temp("truncated", elf.substr(0, 80)), "");
}

TEST(Rejection, CorruptSegmentOffset) {
  std::string elf = file_bytes(kHello);
  // Point the first PT_LOAD's p_offset far beyond the end of the file.
  uint64_t phoff;
  uint16_t phnum;
  memcpy(&phoff, &elf[32], 8);
  memcpy(&phnum, &elf[56], 2);
  bool patched = false;
  for (uint16_t i = 0; i < phnum && !patched; ++i) {
    size_t ph = phoff + 56u * i;
    uint32_t type;
    memcpy(&type, &elf[ph], 4);
    if (type == 1) {
      uint64_t huge = 1ull << 40;
      memcpy(&elf[ph + 8], &huge, 8);
      patched = true;
    }
  }
  ASSERT_TRUE(patched);
  expect_rejected(write_temp("bad-offset", elf), "");
}

TEST(Rejection, MissingExecutable) {
  Outcome o = run({kRun, "/nonexistent/program", kHelloYaml});
  EXPECT_EQ(o.status, 127);
  EXPECT_EQ(count_lines(o.err), 1u) << o.err;
  EXPECT_NE(o.err.find("/nonexistent/program"), std::string::npos) << o.err;
}

}  // namespace

namespace {

TEST(Check, ReportsEveryLayerEnforcedOnThisMachine) {
  Outcome o = run({kRun, "--check"});
  EXPECT_EQ(o.status, 0) << o.err;
  for (const char* layer : {"descriptors:", "rlimits:", "namespaces:", "landlock:", "seccomp:"}) {
    size_t at = o.out.find(layer);
    ASSERT_NE(at, std::string::npos) << o.out;
    std::string line = o.out.substr(at, o.out.find('\n', at) - at);
    EXPECT_NE(line.find("enforced"), std::string::npos) << line;
  }
}

TEST(Check, ReportsASimulatedMissingLayerAndTheProgramStillRuns) {
  Outcome c = run({kRun, "--check", "--simulate-missing", "landlock"});
  EXPECT_EQ(c.status, 0);
  EXPECT_NE(c.out.find("NOT ACTIVE disabled to simulate a kernel without Landlock"),
            std::string::npos)
      << c.out;
  Outcome o = run({kRun, "--simulate-missing", "landlock", kHello, kHelloYaml});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "Hello from a sandboxed CloudABI program!\n");
  EXPECT_NE(o.err.find("landlock not active"), std::string::npos) << o.err;
}

TEST(Check, RequireFullConfinementRefusesWhenALayerIsMissing) {
  Outcome o = run(
      {kRun, "--require-full-confinement", "--simulate-missing", "seccomp", kHello, kHelloYaml});
  EXPECT_EQ(o.status, 127);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find("full confinement was required, but the seccomp layer is not active"),
            std::string::npos)
      << o.err;
  Outcome full = run({kRun, "--require-full-confinement", kHello, kHelloYaml});
  EXPECT_EQ(full.status, 0) << full.err;
}

}  // namespace
