// Every resource tag of the configuration, end to end: cloudabi-run starts
// the CloudABI program run_probe (tests/run/programs/probe.c), which reports
// what it received (fd_stat_get) and what it can do with it. Sockets are
// exercised from both sides: the test is the peer of the program.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cloudabi_types.h"
#include "run/rights.h"
#include "tests/run/process.h"
#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

const std::string kRun = CLOUDABI_RUN_BINARY;
const std::string kProbe = std::string(CLOUDABI_TARGET_BINARY_DIR) + "/run_programs/run_probe";

// Safety net against a hung peer, not a performance bound.
constexpr int kPeerTimeoutMs = 120000;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// "stat: ok fd=1 type=96 ..." for rights and types in the probe's format.
std::string stat_line(int fd, int type, int flags, cloudabi_rights_t base,
                      cloudabi_rights_t inheriting) {
  auto hex = [](uint64_t v) {
    if (v == 0) return std::string("0");
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%#llx", static_cast<unsigned long long>(v));
    return std::string(buf);
  };
  return "stat: ok fd=" + std::to_string(fd) + " type=" + std::to_string(type) +
         " flags=" + hex(static_cast<uint64_t>(flags)) + " base=" + hex(base) +
         " inheriting=" + hex(inheriting);
}

std::string error_line(const std::string& op, int error) {
  return op + ": error " + std::to_string(error);
}

// cloudabi-run started in the background, so that the test can be the peer
// of the program's sockets.
class Launch {
 public:
  Launch(const std::string& cwd, const std::vector<std::string>& args) {
    out_path_ = cwd + "/.probe-out";
    err_path_ = cwd + "/.probe-err";
    pid_ = fork();
    if (pid_ == 0) {
      int in = open("/dev/null", O_RDONLY);
      int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (in < 0 || out < 0 || err < 0 || chdir(cwd.c_str()) != 0) _exit(126);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<std::string> copy = args;
      std::vector<char*> argv;
      std::string bin = kRun;
      argv.push_back(bin.data());
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(126);
    }
  }
  Launch(const Launch&) = delete;
  Launch& operator=(const Launch&) = delete;
  ~Launch() {
    if (pid_ > 0 && !done_) {
      kill(pid_, SIGKILL);
      wait();
    }
  }
  bool running() {
    if (done_) return false;
    int st;
    pid_t r = waitpid(pid_, &st, WNOHANG);
    if (r == pid_) finish(st);
    return !done_;
  }
  test::RunResult wait() {
    if (!done_) {
      int st = 0;
      waitpid(pid_, &st, 0);
      finish(st);
    }
    return result_;
  }

 private:
  void finish(int st) {
    done_ = true;
    result_.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    result_.out = read_file(out_path_);
    result_.err = read_file(err_path_);
  }
  pid_t pid_ = -1;
  bool done_ = false;
  std::string out_path_, err_path_;
  test::RunResult result_;
};

class RunResourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access(kProbe.c_str(), X_OK) != 0) GTEST_SKIP() << kProbe << " is not built";
    umask(022);
  }

  std::string write(const std::string& name, const std::string& text) {
    std::string path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Runs the probe with `out: !fd stdout` and the given steps (YAML block
  // sequence items, one per line).
  test::RunResult probe(const std::string& steps) {
    std::string cfg = write("probe.yaml", "out: !fd stdout\nsteps:\n" + steps);
    return test::run_process(kRun, {kProbe, cfg}, dir_.path());
  }

  Launch launch(const std::string& steps) {
    std::string cfg = write("probe.yaml", "out: !fd stdout\nsteps:\n" + steps);
    return Launch(dir_.path(), {kProbe, cfg});
  }

  test::TempDir dir_;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

#define EXPECT_LINES(result, ...)                                                            \
  do {                                                                                       \
    EXPECT_EQ((result).status, 0) << (result).out << (result).err;                           \
    EXPECT_EQ(lines((result).out), (std::vector<std::string>{__VA_ARGS__})) << (result).err; \
  } while (0)

// --- !file -----------------------------------------------------------------

TEST_F(RunResourcesTest, ListedRightsAreAllTheProgramGets) {
  write("data.txt", "hello\n");
  test::RunResult r = probe(
      "- [stat, &f !file {path: data.txt, rights: [FD_READ]}]\n"
      "- [read, *f, 100]\n"
      "- [write, *f, x]\n"
      "- [seek, *f, 0]\n"
      "- [setsize, *f, 0]\n");
  EXPECT_LINES(r, stat_line(1, CLOUDABI_FILETYPE_REGULAR_FILE, 0, CLOUDABI_RIGHT_FD_READ, 0),
               "read: ok hello\\x0a", error_line("write", CLOUDABI_ENOTCAPABLE),
               error_line("seek", CLOUDABI_ENOTCAPABLE),
               error_line("setsize", CLOUDABI_ENOTCAPABLE));
  EXPECT_EQ(read_file(dir_ / "data.txt"), "hello\n");
}

TEST_F(RunResourcesTest, ReadOnlyPresetOnAFile) {
  write("data.txt", "hello\n");
  test::RunResult r = probe(
      "- [stat, &f !file {path: data.txt, rights: read-only}]\n"
      "- [seek, *f, 2]\n"
      "- [read, *f, 100]\n"
      "- [write, *f, x]\n");
  RightsPair want = effective_rights(HostFileType::kRegularFile, O_RDONLY,
                                     preset_rights(Preset::kReadOnly, false)->base, 0);
  EXPECT_LINES(r, stat_line(1, CLOUDABI_FILETYPE_REGULAR_FILE, 0, want.base, 0), "seek: ok 2",
               "read: ok llo\\x0a", error_line("write", CLOUDABI_ENOTCAPABLE));
  EXPECT_EQ(want.base & CLOUDABI_RIGHT_FD_WRITE, 0u);
}

TEST_F(RunResourcesTest, DirectoryRightsNarrowWhatCanBeOpened) {
  ASSERT_EQ(mkdir((dir_ / "tree").c_str(), 0755), 0);
  write("tree/a.txt", "a");
  test::RunResult r = probe(
      "- [open, !file {path: tree, rights: [FILE_STAT_FGET]}, a.txt]\n"
      "- [open, !file {path: tree, type: directory, rights: read-only}, a.txt]\n"
      "- [open, !file {path: tree, type: directory, inheriting: [FD_WRITE]}, a.txt]\n");
  // The last one may open, but the file may not be read: FD_READ was asked
  // for, and only FD_WRITE is handed on.
  EXPECT_LINES(r, error_line("open", CLOUDABI_ENOTCAPABLE), "open: ok",
               error_line("open", CLOUDABI_ENOTCAPABLE));
}

TEST_F(RunResourcesTest, AppendOnlyCannotSeekTruncateOrTurnAppendingOff) {
  write("log.txt", "old\n");
  test::RunResult r = probe(
      "- [stat, &f !file {path: log.txt, rights: append-only}]\n"
      "- [write, *f, \"new\\n\"]\n"
      "- [seek, *f, 0]\n"
      "- [setsize, *f, 0]\n"
      "- [setflags, *f, 0]\n"
      "- [read, *f, 10]\n");
  RightsPair want = effective_rights(HostFileType::kRegularFile, O_WRONLY,
                                     preset_rights(Preset::kAppendOnly, false)->base, 0);
  EXPECT_LINES(
      r, stat_line(1, CLOUDABI_FILETYPE_REGULAR_FILE, CLOUDABI_FDFLAG_APPEND, want.base, 0),
      "write: ok 4", error_line("seek", CLOUDABI_ENOTCAPABLE),
      error_line("setsize", CLOUDABI_ENOTCAPABLE), error_line("setflags", CLOUDABI_ENOTCAPABLE),
      error_line("read", CLOUDABI_ENOTCAPABLE));
  EXPECT_EQ(read_file(dir_ / "log.txt"), "old\nnew\n");
}

TEST_F(RunResourcesTest, AppendTrueMeansAppendOnly) {
  write("log.txt", "old\n");
  test::RunResult r = probe(
      "- [stat, &f !file {path: log.txt, append: true}]\n"
      "- [write, *f, more]\n"
      "- [setflags, *f, 0]\n");
  RightsPair want = effective_rights(HostFileType::kRegularFile, O_WRONLY,
                                     preset_rights(Preset::kAppendOnly, false)->base, 0);
  EXPECT_LINES(r,
               stat_line(1, CLOUDABI_FILETYPE_REGULAR_FILE, CLOUDABI_FDFLAG_APPEND, want.base, 0),
               "write: ok 4", error_line("setflags", CLOUDABI_ENOTCAPABLE));
  EXPECT_EQ(read_file(dir_ / "log.txt"), "old\nmore");
}

TEST_F(RunResourcesTest, CreateWithMode) {
  test::RunResult r = probe(
      "- [write, !file {path: new.txt, create: true, mode: 0640, rights: write-only}, data]\n");
  EXPECT_LINES(r, "write: ok 4");
  struct stat st;
  ASSERT_EQ(stat((dir_ / "new.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(read_file(dir_ / "new.txt"), "data");

  // Without 'create' a missing file is an error, and 'exclusive' refuses an
  // existing one; the program is not started.
  r = probe("- [stat, !file {path: missing.txt}]\n");
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("probe.yaml:3:23: cannot open 'missing.txt'"), std::string::npos) << r.err;
  r = probe("- [stat, !file {path: new.txt, create: true, exclusive: true}]\n");
  EXPECT_EQ(r.status, 127);
  EXPECT_NE(r.err.find("cannot create or open 'new.txt'"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(RunResourcesTest, TruncateEmptiesTheFileFirst) {
  write("t.txt", "0123456789");
  test::RunResult r = probe(
      "- [read, &f !file {path: t.txt, truncate: true, rights: read-write}, 100]\n"
      "- [write, *f, abc]\n"
      "- [setsize, *f, 2]\n");
  EXPECT_LINES(r, "read: ok ", "write: ok 3", "setsize: ok");
  EXPECT_EQ(read_file(dir_ / "t.txt"), "ab");
}

// --- !executable and !fd ------------------------------------------------------

TEST_F(RunResourcesTest, ExecutableIsTheProgramItselfReadOnly) {
  test::RunResult r = probe(
      "- [stat, &e !executable '']\n"
      "- [read, *e, 4]\n"
      "- [write, *e, x]\n");
  RightsPair want = effective_rights(HostFileType::kRegularFile, O_RDONLY, std::nullopt, 0);
  EXPECT_LINES(r, stat_line(1, CLOUDABI_FILETYPE_REGULAR_FILE, 0, want.base, 0),
               "read: ok \\x7fELF", error_line("write", CLOUDABI_ENOTCAPABLE));
}

TEST_F(RunResourcesTest, OnlyTheGrantedDescriptorsExist) {
  // stdout twice is one descriptor (0); the file is 1; nothing else is open.
  write("data.txt", "x");
  test::RunResult r = probe(
      "- [write, !fd stdout, \"direct\\n\"]\n"
      "- [stat, !file {path: data.txt, rights: read-only}]\n"
      "- [stat, 2]\n"
      "- [stat, 3]\n"
      "- [stat, 1000]\n");
  RightsPair file = effective_rights(HostFileType::kRegularFile, O_RDONLY,
                                     preset_rights(Preset::kReadOnly, false)->base, 0);
  EXPECT_LINES(r, "direct", "write: ok 7",
               stat_line(1, CLOUDABI_FILETYPE_REGULAR_FILE, 0, file.base, 0),
               error_line("stat", CLOUDABI_EBADF), error_line("stat", CLOUDABI_EBADF),
               error_line("stat", CLOUDABI_EBADF));
}

// --- round trip ----------------------------------------------------------------

TEST_F(RunResourcesTest, ProgramDecodesAndReencodesExactlyWhatCloudabiRunEncoded) {
  const std::string value =
      "{null: ~, t: true, f: false, ints: [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, "
      "-32769, 8388608, 2147483647, -2147483649, 9223372036854775807, -9223372036854775808, "
      "9223372036854775808, 18446744073709551615, 0x7f, 0o17], "
      "floats: [1.5, -0.0, .inf, -.inf, .nan, 1e300, 5e-324], "
      "strs: ['', \"h\\u00e9llo\", \"tab\\tnl\\n\", '\\u263a'], "
      "bin: !!binary AAEC/w==, empty_bin: !!binary '', "
      "times: [!!timestamp 2001-12-14t21:59:43.10-05:00, !!timestamp 1969-12-31 23:59:59.5, "
      "!!timestamp 2001-12-15], "
      "nested: [[], {}, [[[]]], {? [1, 2] : {3: 4}}], 42: int key, ? {a: b} : map key}";
  std::string expected = test::converted_hex(value);
  ASSERT_EQ(expected.find("error"), std::string::npos) << expected;
  test::RunResult r = probe("- [echo, " + value + "]\n");
  EXPECT_LINES(r, "echo: ok " + expected);
}

// --- !socket -----------------------------------------------------------------

// A port on 127.0.0.1 (or ::1) that was free a moment ago. Binding it again
// can race with other processes; the tests retry with another port.
int free_port(int family, int type) {
  int s = socket(family, type | SOCK_CLOEXEC, 0);
  if (s < 0) return -1;
  sockaddr_storage ss{};
  socklen_t len;
  if (family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
    a->sin6_family = AF_INET6;
    a->sin6_addr = in6addr_loopback;
    len = sizeof(*a);
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&ss);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    len = sizeof(*a);
  }
  int port = -1;
  if (bind(s, reinterpret_cast<sockaddr*>(&ss), len) == 0 &&
      getsockname(s, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
    port = ntohs(family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port
                                    : reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
  }
  close(s);
  return port;
}

struct Endpoint {
  sockaddr_storage addr{};
  socklen_t len = 0;
};

Endpoint inet_endpoint(int family, int port) {
  Endpoint e;
  if (family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&e.addr);
    a->sin6_family = AF_INET6;
    a->sin6_addr = in6addr_loopback;
    a->sin6_port = htons(static_cast<uint16_t>(port));
    e.len = sizeof(*a);
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&e.addr);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a->sin_port = htons(static_cast<uint16_t>(port));
    e.len = sizeof(*a);
  }
  return e;
}

Endpoint unix_endpoint(const std::string& path) {
  Endpoint e;
  auto* a = reinterpret_cast<sockaddr_un*>(&e.addr);
  a->sun_family = AF_UNIX;
  std::memcpy(a->sun_path, path.c_str(), path.size() + 1);
  e.len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
  return e;
}

const sockaddr* sa(const Endpoint& e) { return reinterpret_cast<const sockaddr*>(&e.addr); }

// Waits until `fd` is readable; false after the safety timeout.
bool wait_readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  int n;
  do {
    n = poll(&p, 1, kPeerTimeoutMs);
  } while (n < 0 && errno == EINTR);
  return n == 1;
}

std::string read_to_eof(int fd) {
  std::string s;
  char buf[512];
  while (wait_readable(fd)) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n <= 0) break;
    s.append(buf, static_cast<size_t>(n));
  }
  return s;
}

// Connects to the program's listening socket once cloudabi-run has created
// it (connection refused until then), sends a line and returns the reply.
std::string talk_to_listener(Launch& launch, int family, const Endpoint& to,
                             const std::string& line) {
  for (;;) {
    int s = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) return "socket failed";
    if (connect(s, sa(to), to.len) == 0) {
      EXPECT_EQ(send(s, line.data(), line.size(), MSG_NOSIGNAL), static_cast<ssize_t>(line.size()));
      std::string reply = read_to_eof(s);
      close(s);
      return reply;
    }
    close(s);
    if (!launch.running()) return "cloudabi-run ended before listening";
    usleep(10000);
  }
}

// Sends datagrams to the program's bound socket until the program has
// received one and ended (those sent before the bind are lost).
void send_datagrams_until_done(Launch& launch, int family, const Endpoint& to,
                               const std::string& text) {
  int s = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(s, 0);
  while (launch.running()) {
    sendto(s, text.data(), text.size(), MSG_NOSIGNAL, sa(to), to.len);
    usleep(20000);
  }
  close(s);
}

bool loopback6_available() {
  int s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return false;
  Endpoint e = inet_endpoint(AF_INET6, 0);
  bool ok = bind(s, sa(e), e.len) == 0;
  close(s);
  return ok;
}

class RunSocketTest : public RunResourcesTest {
 protected:
  // A stream socket bound by cloudabi-run listens; the program accepts on it
  // with the sock_accept extension and answers one line.
  void check_stream_bind(int family, const std::string& host) {
    for (int attempt = 0; attempt < 5; ++attempt) {
      int port = free_port(family, SOCK_STREAM);
      ASSERT_GT(port, 0);
      std::string address = host + ":" + std::to_string(port);
      Launch l = launch("- [stat, &s !socket {bind: \"" + address + "\"}]\n- [accept, *s]\n");
      std::string reply = talk_to_listener(l, family, inet_endpoint(family, port), "ping\n");
      test::RunResult r = l.wait();
      if (r.status == 127 && r.err.find("in use") != std::string::npos) continue;  // Raced.
      EXPECT_EQ(reply, "echo:ping\n");
      RightsPair want = type_maximum(HostFileType::kSocketStream);
      EXPECT_LINES(r, stat_line(1, CLOUDABI_FILETYPE_SOCKET_STREAM, 0, want.base, want.inheriting),
                   "accept: ok ping\\x0a");
      return;
    }
    ADD_FAILURE() << "no free port after 5 attempts";
  }
};

TEST_F(RunSocketTest, StreamBindIpv4ListensAndTheProgramAccepts) {
  check_stream_bind(AF_INET, "127.0.0.1");
}

TEST_F(RunSocketTest, StreamBindIpv6ListensAndTheProgramAccepts) {
  if (!loopback6_available()) GTEST_SKIP() << "no IPv6 loopback address on this machine";
  check_stream_bind(AF_INET6, "[::1]");
}

TEST_F(RunSocketTest, StreamConnect) {
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  Endpoint e = inet_endpoint(AF_INET, 0);
  ASSERT_EQ(bind(listener, sa(e), e.len), 0);
  ASSERT_EQ(listen(listener, 4), 0);
  ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&e.addr), &e.len), 0);
  int port = ntohs(reinterpret_cast<sockaddr_in*>(&e.addr)->sin_port);
  Launch l = launch("- [send, &s !socket {connect: \"127.0.0.1:" + std::to_string(port) +
                    "\"}, \"hello\\n\"]\n"
                    "- [recv, *s]\n");
  ASSERT_TRUE(wait_readable(listener));
  int conn = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  ASSERT_GE(conn, 0);
  std::string got;
  char buf[64];
  while (got.find('\n') == std::string::npos && wait_readable(conn)) {
    ssize_t n = read(conn, buf, sizeof(buf));
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  EXPECT_EQ(got, "hello\n");
  ASSERT_EQ(::write(conn, "back\n", 5), 5);
  close(conn);
  close(listener);
  EXPECT_LINES(l.wait(), "send: ok 6", "recv: ok back\\x0a");
}

TEST_F(RunSocketTest, DgramBindReceives) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    int port = free_port(AF_INET, SOCK_DGRAM);
    ASSERT_GT(port, 0);
    Launch l =
        launch("- [stat, &s !socket {type: dgram, bind: \"127.0.0.1:" + std::to_string(port) +
               "\"}]\n- [recv, *s]\n");
    send_datagrams_until_done(l, AF_INET, inet_endpoint(AF_INET, port), "datagram");
    test::RunResult r = l.wait();
    if (r.status == 127 && r.err.find("in use") != std::string::npos) continue;
    RightsPair want = type_maximum(HostFileType::kSocketDgram);
    EXPECT_LINES(r, stat_line(1, CLOUDABI_FILETYPE_SOCKET_DGRAM, 0, want.base, want.inheriting),
                 "recv: ok datagram");
    return;
  }
  ADD_FAILURE() << "no free port after 5 attempts";
}

TEST_F(RunSocketTest, DgramConnectSends) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  Endpoint e = inet_endpoint(AF_INET, 0);
  ASSERT_EQ(bind(s, sa(e), e.len), 0);
  ASSERT_EQ(getsockname(s, reinterpret_cast<sockaddr*>(&e.addr), &e.len), 0);
  int port = ntohs(reinterpret_cast<sockaddr_in*>(&e.addr)->sin_port);
  test::RunResult r =
      probe("- [send, !socket {type: dgram, connect: \"127.0.0.1:" + std::to_string(port) +
            "\"}, one datagram]\n");
  EXPECT_LINES(r, "send: ok 12");
  ASSERT_TRUE(wait_readable(s));
  char buf[64];
  ssize_t n = recv(s, buf, sizeof(buf), 0);
  EXPECT_EQ(std::string(buf, static_cast<size_t>(std::max<ssize_t>(n, 0))), "one datagram");
  close(s);
}

TEST_F(RunSocketTest, UnixStreamBindAndConnect) {
  std::string path = dir_ / "bound.sock";
  Launch l = launch("- [accept, !socket {bind: " + path + "}]\n");
  EXPECT_EQ(talk_to_listener(l, AF_UNIX, unix_endpoint(path), "via unix\n"), "echo:via unix\n");
  EXPECT_LINES(l.wait(), "accept: ok via unix\\x0a");

  // Connect, with a relative path from cloudabi-run's directory.
  int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  Endpoint e = unix_endpoint(dir_ / "server.sock");
  ASSERT_EQ(bind(listener, sa(e), e.len), 0);
  ASSERT_EQ(listen(listener, 4), 0);
  Launch c = launch("- [send, !socket {connect: ./server.sock}, \"to server\\n\"]\n");
  ASSERT_TRUE(wait_readable(listener));
  int conn = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  ASSERT_GE(conn, 0);
  EXPECT_LINES(c.wait(), "send: ok 10");
  EXPECT_EQ(read_to_eof(conn), "to server\n");
  close(conn);
  close(listener);
}

TEST_F(RunSocketTest, UnixDgramBindAndConnect) {
  std::string path = dir_ / "dgram.sock";
  Launch l = launch("- [recv, !socket {type: dgram, bind: " + path + "}]\n");
  send_datagrams_until_done(l, AF_UNIX, unix_endpoint(path), "unix datagram");
  EXPECT_LINES(l.wait(), "recv: ok unix datagram");

  int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  Endpoint e = unix_endpoint(dir_ / "peer.sock");
  ASSERT_EQ(bind(s, sa(e), e.len), 0);
  test::RunResult r = probe("- [send, !socket {type: dgram, connect: ./peer.sock}, hi]\n");
  EXPECT_LINES(r, "send: ok 2");
  ASSERT_TRUE(wait_readable(s));
  char buf[64];
  ssize_t n = recv(s, buf, sizeof(buf), 0);
  EXPECT_EQ(std::string(buf, static_cast<size_t>(std::max<ssize_t>(n, 0))), "hi");
  close(s);
}

TEST_F(RunSocketTest, UnresolvableAndRefusedAddressesStopBeforeTheProgram) {
  int port = free_port(AF_INET, SOCK_STREAM);
  test::RunResult r =
      probe("- [send, !socket {connect: \"127.0.0.1:" + std::to_string(port) + "\"}, x]\n");
  EXPECT_EQ(r.status, 127);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("probe.yaml:3:28: cannot connect to '127.0.0.1:"), std::string::npos)
      << r.err;
  r = probe("- [send, !socket {connect: \"no-such-host.invalid:80\"}, x]\n");
  EXPECT_EQ(r.status, 127);
  EXPECT_NE(r.err.find("probe.yaml:3:28: cannot resolve 'no-such-host.invalid:80'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace cloudabi::run
