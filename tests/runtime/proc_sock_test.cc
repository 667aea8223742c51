// Process and socket calls that need a set-up of their own (proc_exec of a
// given executable, sock_accept on listening sockets made here), and unit
// tests of the code behind them: signal mapping, termination status, the
// rights record that travels with descriptors, the proc_exec state.
#include <arpa/inet.h>
#include <argdata.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "runtime/fd/rights.h"
#include "runtime/proc/process.h"
#include "runtime/proc/reexec.h"
#include "runtime/sock/rights_record.h"
#include "tests/runtime/guest_runner.h"

namespace cloudabi::runtime {
namespace {

using cloudabi::testing::GuestOptions;
using cloudabi::testing::GuestResult;
using cloudabi::testing::program_path;
using cloudabi::testing::run_guest;

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

cloudabi::testing::ExtraArg fd_arg(const std::string& key, int fd) {
  return {key, [fd] { return argdata_create_fd(fd); }};
}

// ---------------------------------------------------------------- proc_exec

void exec_test(const cloudabi::runtime::ConfineOptions& confine) {
  int target = open(program_path("proc_special_exec_target").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(target, 0);
  char text_path[] = "/tmp/cloudabi-notelf-XXXXXX";
  int text = mkstemp(text_path);
  ASSERT_GE(text, 0);
  ASSERT_EQ(write(text, "#!/bin/sh\necho not an ELF file\n", 31), 31);
  int notelf = open(text_path, O_RDONLY | O_CLOEXEC);
  ASSERT_GE(notelf, 0);
  close(text);
  unlink(text_path);

  GuestOptions o;
  o.confine = confine;
  o.extra = {fd_arg("target", target), fd_arg("notelf", notelf)};
  GuestResult r = run_guest(program_path("proc_special_exec"), o);
  close(target);
  close(notelf);
  std::string all = r.log + r.stderr_text;
  EXPECT_FALSE(r.timed_out) << all;
  EXPECT_TRUE(r.exited) << "signal " << r.signal << "\n" << all;
  EXPECT_EQ(r.exit_status, 0) << all;
  EXPECT_EQ(count(r.log, "FAIL"), 0u) << all;
  EXPECT_NE(r.log.find("still here"), std::string::npos) << all;
  // In two forked children, in four children executing while eight threads
  // were busy, and in the process itself.
  EXPECT_EQ(count(r.log, "exec target passed"), 7u) << all;
  EXPECT_NE(r.log.find("ALL PASSED"), std::string::npos) << all;
}

TEST(ProcExec, ErrorsThenChildThenThisProcess) {
#if defined(__SANITIZE_ADDRESS__) && !defined(CLOUDABI_STATIC_RUNTIME_HELPER)
  GTEST_SKIP() << "this sanitizer build reuses no other build's static runtime helper, so "
                  "proc_exec is unavailable in the sandbox (ProcExec.WithoutConfinement covers it)";
#endif
  exec_test(cloudabi::runtime::ConfineOptions{});
}

// As real root, a process limit puts the sandbox in a pids cgroup of its own
// (RLIMIT_NPROC does not bind root); exec and fork keep working inside it.
TEST(ProcExec, UnderAProcessLimit) {
#if defined(__SANITIZE_ADDRESS__) && !defined(CLOUDABI_STATIC_RUNTIME_HELPER)
  GTEST_SKIP() << "this sanitizer build reuses no other build's static runtime helper, so "
                  "proc_exec is unavailable in the sandbox";
#endif
  if (getuid() != 0)
    GTEST_SKIP() << "not root: the limit would count this user's other processes as well";
  cloudabi::runtime::ConfineOptions limited;
  limited.limits.processes = 64;
  exec_test(limited);
}

TEST(ProcExec, WithoutConfinement) {
  cloudabi::runtime::ConfineOptions none;
  none.namespaces = false;
  none.landlock = false;
  none.seccomp = false;
  exec_test(none);
}

TEST(ProcExec, ReexecWithBadStateExits127) {
  auto spawn = [](std::vector<std::string> args) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid;
    char* envp[] = {nullptr};
    if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), envp) != 0) return -1;
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
  };
  EXPECT_EQ(spawn({"x", "--cloudabi-reexec"}), 127);
  EXPECT_EQ(spawn({"x", "--cloudabi-reexec", "nonsense"}), 127);
  EXPECT_EQ(spawn({"x", "--cloudabi-reexec", "999"}), 127);
  // An ordinary file instead of the sealed state.
  int fd = memfd_create("not-sealed", 0);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "CABIEXEC", 8), 8);
  EXPECT_EQ(spawn({"x", "--cloudabi-reexec", std::to_string(fd)}), 127);
  close(fd);

  // A sealed state that is cut short: the failure is reported on the
  // diagnostics descriptor its header names.
  int pipefd[2];
  ASSERT_EQ(pipe(pipefd), 0);
  ExecState s;
  s.diagnostics_fd = pipefd[1];
  std::vector<uint8_t> header = encode_exec_state_header(s, 1000);  // data missing
  fd = memfd_create("cut-short", MFD_ALLOW_SEALING);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, header.data(), header.size()), static_cast<ssize_t>(header.size()));
  ASSERT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE), 0);
  EXPECT_EQ(spawn({"x", "--cloudabi-reexec", std::to_string(fd)}), 127);
  close(fd);
  close(pipefd[1]);
  char buf[512];
  ssize_t n = read(pipefd[0], buf, sizeof(buf));
  close(pipefd[0]);
  ASSERT_GT(n, 0);
  EXPECT_NE(std::string(buf, static_cast<size_t>(n)).find("truncated argument data"),
            std::string::npos)
      << std::string(buf, static_cast<size_t>(n));
}

TEST(ExecState, RoundTrip) {
  ExecState s;
  s.executable_fd = 7;
  s.diagnostics_fd = 1000;
  s.runtime_fd = 1001;
  s.lifeline_in = 9;
  s.trace = true;
  s.namespaces_active = true;
  s.landlock = false;
  s.seccomp = true;
  s.require_full = true;
  s.simulate_missing = {"landlock"};
  s.fds.push_back({3, FdEntry{CLOUDABI_FILETYPE_SOCKET_STREAM, 0x42, 0x40}, "yaml:1:2", {}});
  s.fds.push_back({5, FdEntry{CLOUDABI_FILETYPE_PROCESS, 0x40080000, 0}, "", {11, 1234}});
  const char data[] = "argdata\0bytes";
  std::vector<uint8_t> bytes = encode_exec_state_header(s, sizeof(data));
  bytes.insert(bytes.end(), data, data + sizeof(data));
  Result<ExecState> d = decode_exec_state(bytes.data(), bytes.size());
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->executable_fd, 7);
  EXPECT_EQ(d->diagnostics_fd, 1000);
  EXPECT_EQ(d->runtime_fd, 1001);
  EXPECT_EQ(d->lifeline_in, 9);
  EXPECT_TRUE(d->trace);
  EXPECT_TRUE(d->namespaces_active);
  EXPECT_FALSE(d->landlock);
  EXPECT_TRUE(d->require_full);
  EXPECT_EQ(d->simulate_missing, std::vector<std::string>{"landlock"});
  ASSERT_EQ(d->fds.size(), 2u);
  EXPECT_EQ(d->fds[0].fd, 3);
  EXPECT_EQ(d->fds[0].entry.type, CLOUDABI_FILETYPE_SOCKET_STREAM);
  EXPECT_EQ(d->fds[0].entry.base, 0x42u);
  EXPECT_EQ(d->fds[0].entry.inheriting, 0x40u);
  EXPECT_EQ(d->fds[0].origin, "yaml:1:2");
  EXPECT_EQ(d->fds[0].child.lifeline, -1);
  EXPECT_EQ(d->fds[1].child.lifeline, 11);
  EXPECT_EQ(d->fds[1].child.pid, 1234);
  EXPECT_EQ(d->argdata, std::vector<uint8_t>(data, data + sizeof(data)));

  // Every truncation, and any trailing byte, is rejected without reading
  // beyond the buffer.
  for (size_t len = 0; len < bytes.size(); ++len) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(len));
    EXPECT_FALSE(decode_exec_state(cut.data(), cut.size())) << len;
  }
  bytes.push_back(0);
  EXPECT_FALSE(decode_exec_state(bytes.data(), bytes.size()));
}

TEST(ExecState, SealedMemfdRoundTrip) {
  ExecState s;
  s.diagnostics_fd = 2;
  const char data[] = "hello";
  Result<int> fd = write_exec_state(s, data, 5);
  ASSERT_TRUE(fd) << fd.error().message;
  EXPECT_EQ(fcntl(*fd, F_GETFD) & FD_CLOEXEC, 0);  // it must survive the exec
  EXPECT_LT(write(*fd, "x", 1), 0);                // sealed
  Result<ExecState> back = read_exec_state(*fd);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->argdata, std::vector<uint8_t>(data, data + 5));
  close(*fd);
  // A bad pointer for the argument data is EFAULT.
  Result<int> bad = write_exec_state(s, reinterpret_cast<const void*>(8), 64);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().sys_errno, EFAULT);
}

// ---------------------------------------------------------------- signals

TEST(Signals, MappingIsABijectionOnCloudabiSignals) {
  EXPECT_EQ(linux_signal(0), 0);
  EXPECT_EQ(linux_signal(27), 0);
  EXPECT_EQ(linux_signal(255), 0);
  std::set<int> seen;
  for (cloudabi_signal_t s = 1; s <= 26; ++s) {
    int l = linux_signal(s);
    EXPECT_GT(l, 0) << int(s);
    EXPECT_TRUE(seen.insert(l).second) << int(s);
    EXPECT_EQ(cloudabi_signal(l), s);
  }
  EXPECT_EQ(linux_signal(CLOUDABI_SIGKILL), SIGKILL);
  EXPECT_EQ(linux_signal(CLOUDABI_SIGABRT), SIGABRT);
  EXPECT_EQ(linux_signal(CLOUDABI_SIGPIPE), SIGPIPE);
  // Linux signals CloudABI lacks end up as SIGABRT, as on FreeBSD.
  EXPECT_EQ(cloudabi_signal(SIGWINCH), CLOUDABI_SIGABRT);
  EXPECT_EQ(cloudabi_signal(SIGRTMIN + 3), CLOUDABI_SIGABRT);
}

TEST(Signals, DefaultActionsFollowTheReference) {
  for (cloudabi_signal_t s : {CLOUDABI_SIGCHLD, CLOUDABI_SIGPIPE, CLOUDABI_SIGURG})
    EXPECT_EQ(default_action(s), DefaultAction::kIgnore) << int(s);
  for (cloudabi_signal_t s :
       {CLOUDABI_SIGSTOP, CLOUDABI_SIGTSTP, CLOUDABI_SIGTTIN, CLOUDABI_SIGTTOU})
    EXPECT_EQ(default_action(s), DefaultAction::kStop) << int(s);
  EXPECT_EQ(default_action(CLOUDABI_SIGCONT), DefaultAction::kContinue);
  int terminate = 0;
  for (cloudabi_signal_t s = 1; s <= 26; ++s)
    terminate += default_action(s) == DefaultAction::kTerminate;
  EXPECT_EQ(terminate, 18);
}

// A host child ending the given way, seen through process_terminated.
void check_termination(void (*end)(), cloudabi_signal_t want_signal,
                       cloudabi_exitcode_t want_code) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) end();
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  ASSERT_GE(pidfd, 0);
  pollfd p{pidfd, POLLIN, 0};
  ASSERT_EQ(poll(&p, 1, 10000), 1);
  cloudabi_signal_t sig = 99;
  cloudabi_exitcode_t code = 99;
  ASSERT_TRUE(process_terminated(pidfd, &sig, &code));
  EXPECT_EQ(sig, want_signal);
  EXPECT_EQ(code, want_code);
  // Not reaped: it can be asked again.
  EXPECT_TRUE(process_terminated(pidfd, &sig, &code));
  waitpid(pid, nullptr, 0);
  close(pidfd);
}

TEST(Process, TerminatedReportsExitAndSignal) {
  check_termination([] { _exit(5); }, 0, 5);
  check_termination(
      [] {
        signal(SIGABRT, SIG_DFL);
        struct rlimit none {};
        setrlimit(RLIMIT_CORE, &none);
        raise(SIGABRT);
        _exit(1);
      },
      CLOUDABI_SIGABRT, 0);
  check_termination([] { raise(SIGKILL); }, CLOUDABI_SIGKILL, 0);
}

TEST(Process, RunningChildIsNotTerminated) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    pause();
    _exit(0);
  }
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  ASSERT_GE(pidfd, 0);
  cloudabi_signal_t sig;
  cloudabi_exitcode_t code;
  EXPECT_FALSE(process_terminated(pidfd, &sig, &code));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  close(pidfd);
}

// ---------------------------------------------------------------- rights record

TEST(RightsRecord, RoundTripAndRejection) {
  std::vector<FdEntry> entries = {
      {CLOUDABI_FILETYPE_SOCKET_STREAM, CLOUDABI_RIGHT_FD_WRITE, 0},
      {CLOUDABI_FILETYPE_SHARED_MEMORY, CLOUDABI_RIGHT_FD_READ, 0},
  };
  Result<int> fd = make_rights_record(entries);
  ASSERT_TRUE(fd) << fd.error().message;
  auto back = read_rights_record(*fd, 2);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].type, CLOUDABI_FILETYPE_SOCKET_STREAM);
  EXPECT_EQ((*back)[0].base, CLOUDABI_RIGHT_FD_WRITE);
  EXPECT_EQ((*back)[1].type, CLOUDABI_FILETYPE_SHARED_MEMORY);
  // The count must match the descriptors that came with it.
  EXPECT_FALSE(read_rights_record(*fd, 1));
  EXPECT_FALSE(read_rights_record(*fd, 3));
  EXPECT_FALSE(read_rights_record(*fd, 0));
  close(*fd);

  // The same bytes in an unsealed memfd are an ordinary descriptor.
  int copy = memfd_create("copy", MFD_ALLOW_SEALING);
  ASSERT_GE(copy, 0);
  char buf[16 + 2 * 24];
  Result<int> again = make_rights_record(entries);
  ASSERT_TRUE(again);
  ASSERT_EQ(pread(*again, buf, sizeof(buf), 0), static_cast<ssize_t>(sizeof(buf)));
  close(*again);
  ASSERT_EQ(write(copy, buf, sizeof(buf)), static_cast<ssize_t>(sizeof(buf)));
  EXPECT_FALSE(read_rights_record(copy, 2));
  close(copy);
  // Not a memfd at all.
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  EXPECT_FALSE(read_rights_record(sv[0], 1));
  close(sv[0]);
  close(sv[1]);
}

TEST(RightsRecord, ReceivedEntriesOnlyShrink) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  RightsPair socket_max = max_rights(CLOUDABI_FILETYPE_SOCKET_STREAM);
  // Without a record: the most a socket can have.
  Result<FdEntry> e = received_entry(sv[0], nullptr);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->base, socket_max.base);
  // A record narrows...
  FdEntry narrow{CLOUDABI_FILETYPE_SOCKET_STREAM, CLOUDABI_RIGHT_FD_READ, CLOUDABI_RIGHT_FD_READ};
  e = received_entry(sv[0], &narrow);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->base, CLOUDABI_RIGHT_FD_READ);
  EXPECT_EQ(e->inheriting, CLOUDABI_RIGHT_FD_READ);
  // ...but never widens, nor changes a socket's type.
  FdEntry forged{CLOUDABI_FILETYPE_CHARACTER_DEVICE, kAllRights, kAllRights};
  e = received_entry(sv[0], &forged);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, CLOUDABI_FILETYPE_SOCKET_STREAM);
  EXPECT_EQ(e->base, socket_max.base);
  close(sv[0]);
  close(sv[1]);
  // A record may say that a "regular file" is shared memory.
  int shm = memfd_create("shm", 0);
  ASSERT_GE(shm, 0);
  FdEntry shared{CLOUDABI_FILETYPE_SHARED_MEMORY, kAllRights, kAllRights};
  e = received_entry(shm, &shared);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, CLOUDABI_FILETYPE_SHARED_MEMORY);
  EXPECT_EQ(e->base, max_rights(CLOUDABI_FILETYPE_SHARED_MEMORY).base);
  EXPECT_EQ(e->inheriting, 0u);
  close(shm);
}

// ---------------------------------------------------------------- sock_accept

// Connects, sends "ping", expects "pong:ping"; true if all went well.
bool ping(int domain, const sockaddr* addr, socklen_t len, std::string* error) {
  int fd = socket(domain, SOCK_STREAM | SOCK_CLOEXEC, 0);
  timeval timeout{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (fd < 0 || connect(fd, addr, len) != 0) {
    *error = std::string("connect: ") + strerror(errno);
    if (fd >= 0) close(fd);
    return false;
  }
  bool ok = write(fd, "ping", 4) == 4;
  std::string reply;
  char buf[64];
  ssize_t n;
  while (ok && reply.size() < 9 && (n = read(fd, buf, sizeof(buf))) > 0) reply.append(buf, n);
  close(fd);
  if (reply != "pong:ping") {
    *error = "reply '" + reply + "'";
    return false;
  }
  return true;
}

TEST(SockAccept, TcpAndUnixListenersFromTheHost) {
  int tcp = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(tcp, 0);
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(tcp, reinterpret_cast<sockaddr*>(&in), sizeof(in)), 0);
  ASSERT_EQ(listen(tcp, 8), 0);
  socklen_t len = sizeof(in);
  ASSERT_EQ(getsockname(tcp, reinterpret_cast<sockaddr*>(&in), &len), 0);

  char dir[] = "/tmp/cloudabi-accept-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string path = std::string(dir) + "/listener";
  int unix_listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(unix_listener, 0);
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  strncpy(un.sun_path, path.c_str(), sizeof(un.sun_path) - 1);
  ASSERT_EQ(bind(unix_listener, reinterpret_cast<sockaddr*>(&un), sizeof(un)), 0);
  ASSERT_EQ(listen(unix_listener, 8), 0);

  std::string errors;
  GuestOptions o;
  o.extra = {fd_arg("tcp", tcp), fd_arg("unix", unix_listener)};
  o.alongside = [&] {
    std::string e;
    for (int i = 0; i < 2; ++i)
      if (!ping(AF_INET, reinterpret_cast<sockaddr*>(&in), sizeof(in), &e))
        errors += "tcp " + std::to_string(i) + ": " + e + "\n";
    if (!ping(AF_UNIX, reinterpret_cast<sockaddr*>(&un), sizeof(un), &e))
      errors += "unix: " + e + "\n";
  };
  GuestResult r = run_guest(program_path("sock_special_accept"), o);
  close(tcp);
  close(unix_listener);
  unlink(path.c_str());
  rmdir(dir);
  std::string all = r.log + r.stderr_text;
  EXPECT_TRUE(r.exited) << "signal " << r.signal << "\n" << all;
  EXPECT_EQ(r.exit_status, 0) << all;
  EXPECT_NE(r.log.find("ALL PASSED"), std::string::npos) << all;
  EXPECT_EQ(errors, "");
}

}  // namespace
}  // namespace cloudabi::runtime
