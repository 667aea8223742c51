// The hostile-program suite: a CloudABI program (tests/escape/programs/
// escape.c) tries to escape the sandbox in one of many ways. Each attempt
// runs twice under the runtime:
//
//   confined    the default, full confinement (namespaces, Landlock, seccomp,
//               plus the resource limits the case sets): the attempt must be
//               refused ("denied <errno>") or the program killed by SIGSYS
//               with a diagnostic naming the system call;
//   unconfined  namespaces, Landlock and seccomp off and no resource limits:
//               the same attempt must succeed (or, where this machine's
//               kernel cannot do it at all, reach the kernel), so that no test
//               passes because the attempt was broken to begin with.
//
// The host sets up real targets for every run: a secret file outside the
// sandbox, a read-only directory, TCP/UDP listeners on 127.0.0.1, pathname
// and abstract unix sockets, a terminal, a process to signal, memory in this
// process. After every confined run it checks that none of them changed.
// Some attempts also run with one layer at a time (EscapeLayers) to show
// which layer stops them, and where a layer alone would not.
#include <arpa/inet.h>
#include <argdata.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cloudabi_types.h"
#include "runtime/support/sanitizer.h"
#include "tests/runtime/guest_runner.h"

namespace cloudabi::testing {
namespace {

namespace fs = std::filesystem;

std::string program() { return std::string(CLOUDABI_TARGET_BINARY_DIR) + "/escape/escape_hostile"; }

bool is_root() { return geteuid() == 0; }

// A sanitizer build's own runtime helper is dynamic and cannot start in the
// sandbox; one that reuses another build's targets re-executes its static one.
#ifdef CLOUDABI_STATIC_RUNTIME_HELPER
constexpr bool kReusesStaticHelper = true;
#else
constexpr bool kReusesStaticHelper = false;
#endif

// Memory of this (the test's) process that the program tries to read and
// write with process_vm_readv/writev: unconfined, the program's parent is
// this process.
char g_host_secret[64];
char g_host_target[16];

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

struct stat stat_of(const std::string& path) {
  struct stat st {};
  lstat(path.c_str(), &st);
  return st;
}

bool is_mount_point(const std::string& path) {
  struct stat a = stat_of(path), b = stat_of(path + "/..");
  return a.st_dev != b.st_dev;
}

// A process outside the sandbox that reports the signals it receives.
class Victim {
 public:
  Victim() {
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) abort();
    pid_ = fork();
    if (pid_ == 0) {
      sigset_t all;
      sigfillset(&all);
      sigprocmask(SIG_BLOCK, &all, nullptr);
      dup2(p[1], 3);
      close_range(4, ~0u, 0);
      for (;;) {
        int sig = sigwaitinfo(&all, nullptr);
        if (sig > 0 && write(3, &sig, sizeof(sig)) != sizeof(sig)) _exit(1);
      }
    }
    close(p[1]);
    reports_ = p[0];
  }
  ~Victim() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    close(reports_);
  }
  pid_t pid() const { return pid_; }
  bool alive() const { return kill(pid_, 0) == 0; }
  // The signals received so far: sends a marker and collects everything
  // reported before it. Signals sent before this call are pending or
  // reported by then, and standard signals are taken before real-time ones,
  // so no waiting for "long enough" is needed.
  std::vector<int> received() {
    std::vector<int> out;
    if (kill(pid_, SIGRTMIN + 1) != 0) return {-1};
    for (;;) {
      int sig;
      if (read(reports_, &sig, sizeof(sig)) != sizeof(sig)) return out;
      if (sig == SIGRTMIN + 1) return out;
      out.push_back(sig);
    }
  }

 private:
  pid_t pid_;
  int reports_;
};

int listen_inet(int type, int* port) {
  int s = socket(AF_INET, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(a);
  if (s < 0 || bind(s, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 ||
      (type == SOCK_STREAM && listen(s, 8) != 0) ||
      getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    abort();
  *port = ntohs(a.sin_port);
  return s;
}

int listen_unix(const std::string& name, bool abstract) {
  int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  memcpy(a.sun_path + (abstract ? 1 : 0), name.data(), name.size());
  socklen_t len =
      static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size() + (abstract ? 1 : 0));
  if (s < 0 || bind(s, reinterpret_cast<sockaddr*>(&a), len) != 0 || listen(s, 8) != 0) abort();
  return s;
}

// Whether a connection arrived, and whether it carried the program's bytes.
bool accepted(int listener) {
  int c = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  if (c < 0) return false;
  close(c);
  return true;
}

bool datagram_arrived(int s) {
  char buf[16];
  return recv(s, buf, sizeof(buf), MSG_DONTWAIT) == 5 && memcmp(buf, "PWNED", 5) == 0;
}

// The next datagram on `s`, waiting for one: a relay forwards the program's
// datagrams after the program may have ended. The wait is a safety net
// against a lost datagram, not a timing assumption.
std::string next_datagram(int s) {
  pollfd p{s, POLLIN, 0};
  if (poll(&p, 1, 60000) != 1) return "(none)";
  char buf[64];
  ssize_t n = recv(s, buf, sizeof(buf), MSG_DONTWAIT);
  return n < 0 ? "(error)" : std::string(buf, static_cast<size_t>(n));
}

// A UDP socket connected to `peer_port` on 127.0.0.1.
int connected_udp(int peer_port) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(peer_port));
  if (s < 0 || connect(s, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) abort();
  return s;
}

enum class Run { kConfined, kUnconfined, kLandlockOnly, kSeccompOnly, kNamespacesOnly };

const char* run_name(Run r) {
  switch (r) {
    case Run::kConfined:
      return "confined";
    case Run::kUnconfined:
      return "unconfined";
    case Run::kLandlockOnly:
      return "Landlock only";
    case Run::kSeccompOnly:
      return "seccomp only";
    case Run::kNamespacesOnly:
      return "namespaces only";
  }
  return "?";
}

// Everything outside the sandbox one run can aim at, fresh for every run.
class Host {
 public:
  Host() {
    char tmpl[] = "/tmp/cloudabi-escape-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) abort();
    dir = tmpl;
    std::random_device rd;
    secret = "TOPSECRET-" + std::to_string(rd()) + "\n";
    write_file(dir + "/secret", secret);
    write_file(dir + "/target", "ORIGINAL\n");
    fs::create_directory(dir + "/mnt");
    fs::create_directory(dir + "/mounted");
    fs::create_symlink("TOPSECRET-LINK-TARGET", dir + "/link");
    ro_path = dir + "/ro";
    fs::create_directory(ro_path);
    fs::create_directory(ro_path + "/subdir");
    write_file(ro_path + "/file", "READONLY\n");
    ro_file_stat = stat_of(ro_path + "/file");
    secret_stat = stat_of(dir + "/secret");
    ro_fd = open(ro_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    file_ro = open((dir + "/target").c_str(), O_RDONLY | O_CLOEXEC);
    sh = open("/bin/sh", O_RDONLY | O_CLOEXEC);
    self = open(program().c_str(), O_RDONLY | O_CLOEXEC);
    static_exe = open(CLOUDABI_RUNTIME_HELPER, O_RDONLY | O_CLOEXEC);
    host_fd = open((dir + "/secret").c_str(), O_RDONLY | O_CLOEXEC);
    tcp = listen_inet(SOCK_STREAM, &tcp_port);
    udp = listen_inet(SOCK_DGRAM, &udp_port);
    unix_path = dir + "/sock";
    unix_listener = listen_unix(unix_path, false);
    static int counter;
    abstract_name = "cloudabi-escape-" + std::to_string(getpid()) + "-" + std::to_string(++counter);
    abstract_listener = listen_unix(abstract_name, true);
    tcp_sock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    udp_sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    // Granted only by the cases about connected datagram sockets (each such
    // grant starts a relay process).
    udp_peer = listen_inet(SOCK_DGRAM, &udp_peer_port);
    udp_conn_sock = connected_udp(udp_peer_port);
    udp_conn_other = connected_udp(udp_peer_port);
    int carrier_pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, carrier_pair) != 0) abort();
    carrier = carrier_pair[0];
    carrier_host = carrier_pair[1];
    unix_sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    tty_master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty_master >= 0 && grantpt(tty_master) == 0 && unlockpt(tty_master) == 0) {
      tty = open(ptsname(tty_master), O_RDWR | O_NOCTTY | O_CLOEXEC);
      termios t;
      if (tty >= 0 && tcgetattr(tty, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(tty, TCSANOW, &t);
      }
    }
    hostname = read_file("/etc/hostname");
    // A handle for open_by_handle_at ("shocker").
    struct {
      file_handle h;
      unsigned char bytes[MAX_HANDLE_SZ];
    } handle_buf{};
    handle_buf.h.handle_bytes = MAX_HANDLE_SZ;
    int mount_id;
    if (name_to_handle_at(AT_FDCWD, (dir + "/secret").c_str(), &handle_buf.h, &mount_id, 0) == 0)
      handle.assign(reinterpret_cast<const char*>(&handle_buf),
                    sizeof(file_handle) + handle_buf.h.handle_bytes);
    // Root can mount; the umount attempt aims at this.
    if (is_root()) mount("escape-test", (dir + "/mounted").c_str(), "tmpfs", 0, "size=16k");
    snprintf(g_host_secret, sizeof(g_host_secret), "%s", secret.c_str());
    snprintf(g_host_target, sizeof(g_host_target), "UNTOUCHED");
  }

  ~Host() {
    for (int fd : {ro_fd,
                   file_ro,
                   sh,
                   self,
                   static_exe,
                   host_fd,
                   tcp,
                   udp,
                   unix_listener,
                   abstract_listener,
                   tcp_sock,
                   udp_sock,
                   unix_sock,
                   tty,
                   tty_master,
                   udp_peer,
                   udp_conn_sock,
                   udp_conn_other,
                   carrier,
                   carrier_host})
      if (fd >= 0) close(fd);
    umount2((dir + "/mounted").c_str(), MNT_DETACH);
    umount2((dir + "/mnt").c_str(), MNT_DETACH);
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  // The argument map for one run: every target, for every case.
  GuestOptions options(const std::string& name) {
    GuestOptions o;
    o.timeout_seconds = 60;
    granted = 2;  // log, tmp
    auto str = [&](const std::string& key, const std::string& value) {
      o.extra.push_back({key, [value] { return argdata_create_str(value.data(), value.size()); }});
    };
    auto num = [&](const std::string& key, int64_t value) {
      o.extra.push_back({key, [value] { return argdata_create_int(value); }});
    };
    auto fd = [&](const std::string& key, int value) {
      if (value < 0) return;
      ++granted;
      o.extra.push_back({key, [value] { return argdata_create_fd(value); }});
    };
    str("case", name);
    fd("ro", ro_fd);
    fd("file_ro", file_ro);
    fd("sh", sh);
    fd("self", self);
    fd("static_exe", static_exe);
    fd("tcp_sock", tcp_sock);
    fd("udp_sock", udp_sock);
    fd("unix_sock", unix_sock);
    fd("tty", tty);
    str("secret_path", dir + "/secret");
    str("secret", secret);
    str("host_dir", dir);
    str("ro_path", ro_path);
    str("hostname", hostname);
    str("link_path", dir + "/link");
    str("link_target", "TOPSECRET-LINK-TARGET");
    str("unix_path", unix_path);
    str("abstract_name", abstract_name);
    num("tcp_port", tcp_port);
    num("udp_port", udp_port);
    num("victim", victim.pid());
    num("host_fd", host_fd);
    num("host_secret_addr", static_cast<int64_t>(reinterpret_cast<uintptr_t>(g_host_secret)));
    num("host_target_addr", static_cast<int64_t>(reinterpret_cast<uintptr_t>(g_host_target)));
    std::string h = handle;
    o.extra.push_back({"handle", [h] { return argdata_create_binary(h.data(), h.size()); }});
    num("granted", granted);
    // The read-only tree: open, list and read, nothing else.
    o.narrowed.push_back({ro_fd,
                          CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR |
                              CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_FGET,
                          CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
                              CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_READDIR |
                              CLOUDABI_RIGHT_FILE_OPEN});
    return o;
  }

  // What must hold after any contained attempt: nothing outside changed.
  void expect_untouched(const std::string& what, const std::set<std::string>& except) {
    SCOPED_TRACE(what);
    EXPECT_EQ(read_file(dir + "/secret"), secret);
    EXPECT_EQ(read_file(dir + "/target"), "ORIGINAL\n");
    EXPECT_EQ(read_file(ro_path + "/file"), "READONLY\n");
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(ro_path)) names.insert(e.path().filename());
    EXPECT_EQ(names, (std::set<std::string>{"file", "subdir"}));
    struct stat ro = stat_of(ro_path + "/file"), sec = stat_of(dir + "/secret");
    EXPECT_EQ(ro.st_mode, ro_file_stat.st_mode);
    EXPECT_EQ(ro.st_uid, ro_file_stat.st_uid);
    if (!except.count("ro_mtime")) {
      EXPECT_EQ(ro.st_mtim.tv_sec, ro_file_stat.st_mtim.tv_sec);
    }
    if (!except.count("secret_mtime")) {
      EXPECT_EQ(sec.st_mtim.tv_sec, secret_stat.st_mtim.tv_sec);
    }
    EXPECT_EQ(std::string(g_host_target), "UNTOUCHED");
    EXPECT_FALSE(accepted(tcp)) << "a TCP connection reached the host listener";
    if (!except.count("udp")) {
      EXPECT_FALSE(datagram_arrived(udp)) << "a datagram reached the host";
    }
    EXPECT_FALSE(accepted(unix_listener)) << "a unix connection reached the host";
    EXPECT_FALSE(accepted(abstract_listener)) << "an abstract unix connection reached the host";
    EXPECT_TRUE(victim.alive());
    EXPECT_EQ(victim.received(), std::vector<int>{}) << "the host process was signalled";
    if (is_root()) {
      EXPECT_TRUE(is_mount_point(dir + "/mounted"));
    }
    EXPECT_FALSE(is_mount_point(dir + "/mnt"));
  }

  std::string dir, secret, ro_path, unix_path, abstract_name, hostname, handle;
  struct stat ro_file_stat {
  }, secret_stat{};
  int ro_fd = -1, file_ro = -1, sh = -1, self = -1, static_exe = -1, host_fd = -1;
  int tcp = -1, udp = -1, unix_listener = -1, abstract_listener = -1;
  int tcp_port = 0, udp_port = 0;
  int tcp_sock = -1, udp_sock = -1, unix_sock = -1, tty = -1, tty_master = -1;
  int udp_peer = -1, udp_peer_port = 0, udp_conn_sock = -1, udp_conn_other = -1;
  int carrier = -1, carrier_host = -1;
  int granted = 0;
  Victim victim;
};

// What a run must show.
struct Expect {
  enum Kind {
    kOk,      // "RESULT <case> ok"
    kDenied,  // "RESULT <case> denied <one of errnos>"
    kKilled,  // SIGSYS, with the diagnostic naming `syscall`
    kSignal,  // killed by `signal` (e.g. SIGXCPU)
    kSkip,    // no expectation (the run is not made)
  } kind;
  std::vector<std::string> errnos = {};
  std::string syscall = {};
  int signal = 0;
  // Also accepted, for attempts whose outcome differs between kernels:
  // "ok", "denied:<ERRNO>", "signal:<n>".
  std::vector<std::string> also = {};
};

Expect ok() { return {Expect::kOk}; }
Expect denied(std::vector<std::string> e) { return {Expect::kDenied, std::move(e)}; }
Expect killed(std::string call) { return {Expect::kKilled, {}, std::move(call)}; }
Expect by_signal(int sig) { return {Expect::kSignal, {}, {}, sig}; }
Expect either(Expect e, std::vector<std::string> also) {
  e.also = std::move(also);
  return e;
}

struct Outcome {
  GuestResult r;
  std::string line;  // "ok ..." / "denied ..." after "RESULT <case> "
};

std::string result_line(const GuestResult& r, const std::string& name) {
  std::string prefix = "RESULT " + name + " ";
  size_t at = r.log.find(prefix);
  if (at == std::string::npos) return "";
  size_t end = r.log.find('\n', at);
  return r.log.substr(at + prefix.size(),
                      end == std::string::npos ? std::string::npos : end - at - prefix.size());
}

std::string describe(const GuestResult& r) {
  std::ostringstream s;
  s << (r.timed_out ? "timed out; " : "") << (r.exited ? "exit " : "signal ")
    << (r.exited ? r.exit_status : r.signal) << "\n--- log:\n"
    << r.log << "--- diagnostics:\n"
    << r.stderr_text;
  return s.str();
}

bool matches_alternative(const Outcome& o, const std::vector<std::string>& also) {
  for (const std::string& a : also) {
    if (a == "ok" && o.line.rfind("ok", 0) == 0) return true;
    if (a.rfind("denied:", 0) == 0 && o.line.rfind("denied " + a.substr(7) + " ", 0) == 0)
      return true;
    if (a.rfind("signal:", 0) == 0 && !o.r.exited && o.r.signal == std::stoi(a.substr(7)))
      return true;
  }
  return false;
}

// Whether `o` shows what `e` says, with an explanation if not.
::testing::AssertionResult shows(const Outcome& o, const Expect& e) {
  if (matches_alternative(o, e.also)) return ::testing::AssertionSuccess();
  const GuestResult& r = o.r;
  if (r.timed_out) return ::testing::AssertionFailure() << "timed out\n" << describe(r);
  switch (e.kind) {
    case Expect::kOk:
      if (o.line.rfind("ok", 0) == 0) return ::testing::AssertionSuccess();
      return ::testing::AssertionFailure() << "expected the attempt to succeed\n" << describe(r);
    case Expect::kDenied:
      if (!r.exited || r.exit_status != 0 || o.line.rfind("denied ", 0) != 0)
        return ::testing::AssertionFailure() << "expected a refusal\n" << describe(r);
      for (const std::string& err : e.errnos)
        if (o.line.rfind("denied " + err + " ", 0) == 0) return ::testing::AssertionSuccess();
      return ::testing::AssertionFailure() << "refused with an unexpected error\n" << describe(r);
    case Expect::kKilled: {
      if (r.exited || r.signal != SIGSYS)
        return ::testing::AssertionFailure() << "expected death by SIGSYS\n" << describe(r);
      std::string named = "the Linux system call " + e.syscall + " (";
      if (r.stderr_text.find(named) == std::string::npos)
        return ::testing::AssertionFailure() << "the diagnostic does not name " << e.syscall << "\n"
                                             << describe(r);
      if (!o.line.empty())
        return ::testing::AssertionFailure() << "a result line despite SIGSYS\n" << describe(r);
      return ::testing::AssertionSuccess();
    }
    case Expect::kSignal:
      if (!r.exited && r.signal == e.signal) return ::testing::AssertionSuccess();
      return ::testing::AssertionFailure() << "expected death by signal " << e.signal << "\n"
                                           << describe(r);
    case Expect::kSkip:
      return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure();
}

struct Case {
  std::string name;
  Expect confined;
  Expect unconfined;
  // Resource limits for the confined run (the unconfined run has none).
  runtime::ResourceLimits limits = {};
  // Extra arguments, per run.
  std::function<void(Host&, GuestOptions&, Run)> args = {};
  // Host-side proof after each run (e.g. the connection arrived).
  std::function<void(Host&, Run, const Outcome&)> verify = {};
  // Host state the attempt is allowed to change in a confined run (only for
  // known holes, see below).
  std::set<std::string> may_change = {};
  // A confined outcome that is a known, reported hole: the test skips with
  // this explanation when it sees it, and passes normally once fixed.
  std::string known_hole = {};
  Expect hole = {Expect::kSkip};
  // Needs root unconfined (mount, chroot, ...): otherwise the unconfined run
  // only has to reach the kernel (EPERM).
  bool needs_root = false;
  // The attempt named in the RESULT line, if not `name` (a forged proc_exec
  // runs another attempt in the new program).
  std::string reports_as = {};
  // Text on the log that shows the attempt succeeded when the program
  // cannot say so itself (it was replaced by another executable).
  std::string success_marker = {};
  // Executes the static cloudabi-runtime helper inside the sandbox, which a
  // sanitizer build does not have (its helper is dynamic).
  bool needs_static_helper = false;
  // Contained only where memfd_create knows MFD_NOEXEC_SEAL (Linux 6.3+).
  bool needs_memfd_noexec = false;
};

bool kernel_has_memfd_noexec() {
  int fd = memfd_create("escape-test-probe", MFD_CLOEXEC | 0x0008U /* MFD_NOEXEC_SEAL */);
  if (fd < 0) return false;
  close(fd);
  return true;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

runtime::ConfineOptions confinement(Run run, const runtime::ResourceLimits& limits) {
  runtime::ConfineOptions c;
  c.namespaces = run == Run::kConfined || run == Run::kNamespacesOnly;
  c.landlock = run == Run::kConfined || run == Run::kLandlockOnly;
  c.seccomp = run == Run::kConfined || run == Run::kSeccompOnly;
  if (run != Run::kUnconfined) c.limits = limits;
  return c;
}

// ESCAPE_VERBOSE=1 prints every run's outcome (for the record of what the
// suite observed on a machine).
void show(const Case& c, Run run, const Outcome& o) {
  if (getenv("ESCAPE_VERBOSE") == nullptr) return;
  std::string what = !o.line.empty() ? o.line
                     : o.r.exited    ? "exit " + std::to_string(o.r.exit_status)
                                     : std::string("signal ") + strsignal(o.r.signal);
  size_t nl = o.r.stderr_text.find("the Linux system call ");
  if (nl != std::string::npos)
    what += " (" + o.r.stderr_text.substr(nl + 22, o.r.stderr_text.find(')', nl) - nl - 21) + ")";
  printf("OUTCOME %-32s %-16s %s\n", c.name.c_str(), run_name(run), what.c_str());
}

Outcome run_case(const Case& c, Host& host, Run run) {
  GuestOptions o = host.options(c.name);
  o.confine = confinement(run, c.limits);
  if (c.args) c.args(host, o, run);
  Outcome out;
  out.r = run_guest(program(), o);
  out.line = result_line(out.r, c.reports_as.empty() ? c.name : c.reports_as);
  if (out.line.empty() && !c.success_marker.empty() &&
      out.r.log.find(c.success_marker) != std::string::npos)
    out.line = "ok (" + c.success_marker + ")";
  show(c, run, out);
  return out;
}

// ------------------------------------------------------------------ the cases

runtime::ResourceLimits limit_memory(uint64_t bytes) {
  runtime::ResourceLimits l;
  l.address_space = bytes;
  return l;
}
runtime::ResourceLimits limit_processes(uint64_t n) {
  runtime::ResourceLimits l;
  l.processes = n;
  return l;
}
runtime::ResourceLimits limit_file_size(uint64_t bytes) {
  runtime::ResourceLimits l;
  l.file_size = bytes;
  return l;
}
runtime::ResourceLimits limit_open_files(uint64_t n) {
  runtime::ResourceLimits l;
  l.open_files = n;
  return l;
}
runtime::ResourceLimits limit_cpu(uint64_t seconds) {
  runtime::ResourceLimits l;
  l.cpu_seconds = seconds;
  return l;
}

// The argument data for the program that a forged proc_exec state starts:
// the attempt `inner`, with descriptor 0 the log and 1 the tmp directory (the
// state hands them over in that order).
std::function<void(Host&, GuestOptions&, Run)> forged_state(std::string inner) {
  return [inner](Host& h, GuestOptions& o, Run) {
    std::vector<argdata_t*> keys, values;
    auto add = [&](const char* key, argdata_t* value) {
      keys.push_back(argdata_create_str_c(key));
      values.push_back(value);
    };
    std::string secret_path = h.dir + "/secret";
    add("log", argdata_create_fd(0));
    add("tmp", argdata_create_fd(1));
    add("case", argdata_create_str(inner.data(), inner.size()));
    add("secret_path", argdata_create_str(secret_path.data(), secret_path.size()));
    add("secret", argdata_create_str(h.secret.data(), h.secret.size()));
    add("tcp_port", argdata_create_int(h.tcp_port));
    argdata_t* map = argdata_create_map(keys.data(), values.data(), keys.size());
    size_t size, nfds;
    argdata_serialized_length(map, &size, &nfds);
    std::string bytes(size, '\0');
    std::vector<int> fds(nfds);
    argdata_serialize(map, bytes.data(), fds.data());
    argdata_free(map);
    for (argdata_t* a : keys) argdata_free(a);
    for (argdata_t* a : values) argdata_free(a);
    o.extra.push_back(
        {"inner_argdata", [bytes] { return argdata_create_binary(bytes.data(), bytes.size()); }});
  };
}

std::vector<Case> all_cases() {
  // Unconfined, the file really changed: it starts with `want`.
  auto verify_file_changed = [](std::string rel, std::string want) {
    return [rel, want](Host& h, Run run, const Outcome&) {
      if (run == Run::kUnconfined) {
        EXPECT_EQ(read_file(h.dir + "/" + rel).substr(0, want.size()), want) << rel;
      }
    };
  };
  auto verify_victim_got = [](int sig) {
    return [sig](Host& h, Run run, const Outcome&) {
      if (run == Run::kUnconfined) {
        EXPECT_EQ(h.victim.received(), std::vector<int>{sig});
      }
    };
  };
  auto verify_accepted = [](int Host::*listener) {
    return [listener](Host& h, Run run, const Outcome&) {
      if (run == Run::kUnconfined) {
        EXPECT_TRUE(accepted(h.*listener));
      }
    };
  };
  auto verify_datagram = [](Host& h, Run run, const Outcome&) {
    // Loopback delivers at once: a datagram that was sent is queued by now.
    if (run == Run::kUnconfined) {
      EXPECT_TRUE(datagram_arrived(h.udp));
    } else if (run == Run::kConfined) {
      EXPECT_FALSE(datagram_arrived(h.udp));
    }
  };
  auto sig_arg = [](Host&, GuestOptions& o, Run run) {
    // kill(-1, SIGKILL) unconfined would kill every process of this user on
    // the machine: the unconfined run only checks (signal 0) that there
    // are processes to hit.
    int sig = run == Run::kUnconfined ? 0 : SIGKILL;
    o.extra.push_back({"sig", [sig] { return argdata_create_int(sig); }});
  };
  // A connected UDP socket: granted as udp_conn_sock, its peer is
  // Host::udp_peer.
  auto grant_connected_udp = [](Host& h, GuestOptions& o, Run) {
    int fd = h.udp_conn_sock;
    o.extra.push_back({"udp_conn_sock", [fd] { return argdata_create_fd(fd); }});
  };
  auto verify_connected_sendmsg = [](Host& h, Run run, const Outcome&) {
    if (run == Run::kUnconfined) {
      EXPECT_TRUE(datagram_arrived(h.udp));
    } else {
      // The relay sends each datagram once, to the connected peer: once it
      // is there, it went nowhere else.
      EXPECT_EQ(next_datagram(h.udp_peer), "PWNED");
      EXPECT_FALSE(datagram_arrived(h.udp)) << "the datagram reached another host port";
    }
  };
  auto grant_connected_udp_with_reply = [](Host& h, GuestOptions& o, Run) {
    int fd = h.udp_conn_sock;
    o.extra.push_back({"udp_conn_sock", [fd] { return argdata_create_fd(fd); }});
    sockaddr_storage a{};
    socklen_t len = sizeof(a);
    ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len), 0);
    ASSERT_EQ(sendto(h.udp_peer, "REPLY", 5, 0, reinterpret_cast<sockaddr*>(&a), len), 5);
  };
  auto verify_echo = [](Host& h, Run, const Outcome& o) {
    EXPECT_EQ(o.line, "ok REPLY");
    EXPECT_EQ(next_datagram(h.udp_peer), "HELLO");
  };
  // A connected UDP socket passed to the program with SCM_RIGHTS over a
  // granted unix socket (queued before the run).
  auto pass_connected_udp = [](Host& h, GuestOptions& o, Run) {
    int fd = h.carrier;
    o.extra.push_back({"carrier", [fd] { return argdata_create_fd(fd); }});
    char byte = 'x';
    iovec iov{&byte, 1};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr m{};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = control;
    m.msg_controllen = sizeof(control);
    cmsghdr* c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &h.udp_conn_other, sizeof(int));
    ASSERT_EQ(sendmsg(h.carrier_host, &m, 0), 1);
  };
  std::vector<Case> cases = {
      // ---------------------------------------------------------- absolute paths
      {"open_absolute", denied({"EACCES"}), ok()},
      {"open_absolute_openat2", denied({"ENOENT"}), ok()},
      {"open_etc_hostname", denied({"ENOENT"}), ok()},
      {"stat_absolute", denied({"ENOENT"}), ok()},
      {"proc_self_root", denied({"ENOENT"}), ok()},
      {"proc_self_mem", denied({"ENOENT"}), ok()},
      {"proc_self_fd_reopen",
       denied({"ENOENT"}),
       ok(),
       {},
       {},
       verify_file_changed("target", "PWNED")},
      {"execveat_path", denied({"ENOENT"}), ok()},
      // ---------------------------------------------------------- climbing out of a granted
      // directory
      // `..` of a granted directory stays at it (it is on a detached mount:
      // ENOENT), and Landlock refuses anything outside it (EACCES).
      {"open_dotdot", denied({"ENOENT", "EACCES"}), ok()},
      {"open_dotdot_openat", denied({"EACCES"}), ok()},
      {"write_dotdot", denied({"ENOENT", "EACCES"}), ok(), {}, {}, verify_file_changed("secret", "PWNED")},
      {"proc_mem_dotdot", denied({"ENOENT", "EACCES"}), ok()},
      {"symlink_absolute", denied({"ENOENT"}), ok()},
      {"symlink_relative", denied({"ENOENT", "EACCES"}), ok()},
      {"access_dotdot", killed("faccessat"), ok()},
      // Landlock does not cover these metadata calls; the granted
      // directory's `..` stays at its root because the directory is on a
      // detached clone of its mount.
      {"stat_dotdot", denied({"ENOENT"}), ok()},
      {"statx_dotdot", denied({"ENOENT"}), ok()},
      {"readlink_dotdot", denied({"ENOENT"}), ok()},
      {"utime_dotdot", denied({"ENOENT"}), ok()},
      // ---------------------------------------------------------- a tree granted read-only
      {"ro_write", denied({"EROFS", "EACCES"}), ok(), {}, {}, verify_file_changed("ro/file", "PWNED")},
      {"ro_otrunc",
       denied({"EROFS", "EACCES"}),
       ok(),
       {},
       {},
       [](Host& h, Run run, const Outcome&) {
         if (run == Run::kUnconfined) {
           EXPECT_EQ(read_file(h.ro_path + "/file"), "");
         }
       }},
      {"ro_truncate_path", killed("truncate"), ok()},
      {"ro_create", denied({"EROFS", "EACCES"}), ok()},
      {"ro_unlink", denied({"EROFS", "EACCES"}), ok()},
      {"ro_rmdir", denied({"EROFS", "EACCES"}), ok()},
      {"ro_rename", denied({"EROFS", "EACCES", "EXDEV"}), ok()},
      {"ro_mkdir", denied({"EROFS", "EACCES"}), ok()},
      {"ro_symlink", denied({"EROFS", "EACCES"}), ok()},
      {"ro_hardlink_to_tmp", denied({"EXDEV", "EACCES"}), ok()},
      {"ro_rename_to_tmp", denied({"EXDEV", "EACCES"}), ok()},
      {"ro_chmod", killed("fchmodat"), ok()},
      {"ro_chown", killed("fchownat"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"ro_setxattr", killed("setxattr"), ok()},
      // The clone of a read-only grant is mounted read-only.
      {"ro_utime", denied({"EROFS"}), ok()},
      {"mknod_device", killed("mknodat"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"open_by_handle", killed("open_by_handle_at"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"inotify_host", killed("inotify_init1"), ok()},
      // ---------------------------------------------------------- executing other programs
      {"execve_sh", killed("execve"), ok()},
      {"execveat_granted_fd", denied({"EACCES"}), ok()},
      // A copy of an executable in a memfd: Landlock does not see memfds (an
      // internal, SB_NOUSER mount), so seccomp requires MFD_NOEXEC_SEAL on
      // every memfd_create (by default, and with MFD_EXEC asked for).
      {.name = "execveat_memfd",
       .confined = killed("memfd_create"),
       .unconfined = ok(),
       .success_marker = "this is the runtime's helper for proc_exec",
       .needs_static_helper = true,
       .needs_memfd_noexec = true},
      {.name = "execveat_memfd_exec",
       .confined = killed("memfd_create"),
       .unconfined = ok(),
       .args =
           [](Host&, GuestOptions& o, Run) {
             o.extra.push_back({"memfd_flags", [] { return argdata_create_int(0x10); }});
           },
       .reports_as = "execveat_memfd",
       .success_marker = "this is the runtime's helper for proc_exec",
       .needs_static_helper = true,
       .needs_memfd_noexec = true},
      // ---------------------------------------------------------- roots and mounts
      {"chroot", killed("chroot"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"mount", killed("mount"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"umount",
       killed("umount2"),
       ok(),
       {},
       {},
       [](Host& h, Run run, const Outcome&) {
         if (run == Run::kUnconfined && is_root()) {
           EXPECT_FALSE(is_mount_point(h.dir + "/mounted"));
         }
       },
       {},
       {},
       {},
       true},
      // Unconfined, pivot_root gets past the permission check and fails to
      // find the (deliberately missing) directories: it must never really
      // move this machine's root.
      {"pivot_root", killed("pivot_root"), denied({"ENOENT"}), {}, {}, {}, {}, {}, {}, true},
      {"fsopen", killed("fsopen"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"open_tree", killed("open_tree"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"unshare_newuser", killed("unshare"), ok()},
      {"unshare_newns", killed("unshare"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"clone_newuser", killed("clone"), ok()},
      // clone3's flags are behind a pointer, which seccomp cannot read: it is
      // refused quietly (ENOSYS) so that glibc falls back to clone.
      {"clone3_newuser", denied({"ENOSYS"}), ok()},
      {"setns", killed("setns"), ok(), {}, {}, {}, {}, {}, {}, true},
      // ---------------------------------------------------------- network
      {"tcp_connect", killed("socket"), ok(), {}, {}, verify_accepted(&Host::tcp)},
      {"tcp_bind", killed("socket"), ok()},
      {"udp_send", killed("socket"), ok(), {}, {}, verify_datagram},
      {"unix_connect_path", killed("socket"), ok(), {}, {}, verify_accepted(&Host::unix_listener)},
      {"unix_connect_abstract",
       killed("socket"),
       ok(),
       {},
       {},
       verify_accepted(&Host::abstract_listener)},
      {"socket_netlink", killed("socket"), ok()},
      {"socket_packet", killed("socket"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"injected_tcp_connect", killed("connect"), ok(), {}, {}, verify_accepted(&Host::tcp)},
      {"injected_tcp_bind", killed("bind"), ok()},
      {"injected_unix_connect_path",
       killed("connect"),
       ok(),
       {},
       {},
       verify_accepted(&Host::unix_listener)},
      {"injected_unix_connect_abstract",
       killed("connect"),
       ok(),
       {},
       {},
       verify_accepted(&Host::abstract_listener)},
      // A datagram socket made outside (cloudabi-run grants bound UDP
      // sockets) belongs to the host's network namespace, and Landlock has
      // no UDP rules before ABI 10. seccomp allows sendto only without an
      // address; sendmsg (which sock_send needs for SCM_RIGHTS) keeps its
      // address behind a pointer seccomp cannot read.
      {"injected_udp_sendto", killed("sendto"), ok(), {}, {}, verify_datagram},
      // The runtime shuts granted unconnected datagram sockets down for
      // writing (seccomp cannot see sendmsg's destination).
      {"injected_udp_sendmsg", denied({"EPIPE"}), ok(), {}, {}, verify_datagram},
      // A granted *connected* UDP socket reaches the program through the
      // runtime's relay: its descriptor is a unix SOCK_SEQPACKET socket,
      // where the kernel ignores sendmsg's address, so the attempt "works"
      // but the datagram goes to the connected peer only.
      {"connected_udp_sendmsg", ok(), ok(), {}, grant_connected_udp, verify_connected_sendmsg},
      // And what it is for still works through the relay, both ways.
      {"connected_udp_echo", ok(), ok(), {}, grant_connected_udp_with_reply, verify_echo},
      // A connected one received later cannot be relayed from inside the
      // sandbox: it is shut down for writing.
      {"received_connected_udp_sendmsg",
       denied({"EPIPE"}),
       ok(),
       {},
       pass_connected_udp,
       verify_datagram},
      // ---------------------------------------------------------- other processes
      {"kill_victim", denied({"ESRCH", "EPERM"}), ok(), {}, {}, verify_victim_got(SIGUSR1)},
      {"tgkill_victim", denied({"ESRCH", "EPERM"}), ok(), {}, {}, verify_victim_got(SIGUSR1)},
      {"kill_parent", denied({"EPERM"}), ok()},
      {"kill_init", denied({"EPERM"}), ok(), {}, {}, {}, {}, {}, {}, true},
      {"kill_all", denied({"ESRCH", "EPERM"}), ok(), {}, sig_arg},
      {"fsetown_sigio", denied({"ESRCH", "EPERM"}), ok(), {}, {},
       [](Host& h, Run run, const Outcome&) {
         // One SIGIO for the write, maybe another when the pipe closes.
         if (run != Run::kUnconfined) return;
         std::vector<int> got = h.victim.received();
         EXPECT_FALSE(got.empty());
         for (int sig : got) EXPECT_EQ(sig, SIGIO);
       }},
      // pidfd_open is allowed (proc_fork); in the pid namespace it only finds
      // the sandbox's own processes, and Landlock scopes the signals.
      {"pidfd_signal_init", denied({"EPERM"}), ok(), {}, {}, {}, {}, {}, {}, true},
      {"pidfd_signal_victim", denied({"ESRCH"}), ok(), {}, {}, verify_victim_got(SIGUSR1)},
      {"pidfd_getfd_parent", killed("pidfd_getfd"), ok()},
      {"ptrace_traceme", killed("ptrace"), ok()},
      {"ptrace_seize_parent", killed("ptrace"), ok()},
      {"process_vm_readv", killed("process_vm_readv"), ok()},
      {"process_vm_writev",
       killed("process_vm_writev"),
       ok(),
       {},
       {},
       [](Host&, Run run, const Outcome&) {
         if (run == Run::kUnconfined) {
           EXPECT_EQ(std::string(g_host_target, 5), "PWNED");
         }
         snprintf(g_host_target, sizeof(g_host_target), "UNTOUCHED");
       }},
      // ---------------------------------------------------------- the kernel's attack surface
      // Where this kernel lacks a call altogether, the unconfined run gets
      // ENOSYS from the kernel (not from a filter: nothing is installed).
      {"io_uring_setup", killed("io_uring_setup"), either(ok(), {"denied:ENOSYS"})},
      {"bpf_map_create", killed("bpf"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"perf_event_open", killed("perf_event_open"), ok()},
      {"add_key", killed("add_key"), ok()},
      {"keyctl", killed("keyctl"), ok()},
      {"userfaultfd", killed("userfaultfd"), ok()},
      // Garbage images: the kernel refuses them after its permission check.
      {"init_module",
       killed("init_module"),
       denied({"ENOEXEC", "ENOSYS", "EINVAL", "EFAULT"}),
       {},
       {},
       {},
       {},
       {},
       {},
       true},
      {"finit_module",
       killed("finit_module"),
       denied({"ENOEXEC", "ENOSYS", "EINVAL", "EFAULT"}),
       {},
       {},
       {},
       {},
       {},
       {},
       true},
      {"kexec_load",
       killed("kexec_load"),
       denied({"EINVAL", "ENOSYS"}),
       {},
       {},
       {},
       {},
       {},
       {},
       true},
      {"reboot", killed("reboot"), denied({"EINVAL", "ENOSYS"}), {}, {}, {}, {}, {}, {}, true},
      {"syslog", killed("syslog"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"sethostname", killed("sethostname"), ok(), {}, {}, {}, {}, {}, {}, true},
      {"iopl", killed("iopl"), either(ok(), {"denied:ENOSYS"}), {}, {}, {}, {}, {}, {}, true},
      {"modify_ldt", killed("modify_ldt"), either(ok(), {"denied:ENOSYS"})},
      {"personality", killed("personality"), ok()},
      {"tiocsti",
       killed("ioctl"),
       ok(),
       {},
       {},
       [](Host& h, Run run, const Outcome& o) {
         // (TIOCSTI on a terminal that is not the caller's controlling one
         // needs CAP_SYS_ADMIN: as another user, the kernel refuses.)
         if (run != Run::kUnconfined || o.line.rfind("ok", 0) != 0) return;
         char c = 0;
         fcntl(h.tty, F_SETFL, O_NONBLOCK);
         EXPECT_EQ(read(h.tty, &c, 1), 1);
         EXPECT_EQ(c, 'x');
       },
       {},
       {},
       {},
       true},
      // PR_SET_MM also needs CAP_SYS_RESOURCE, which root lacks on some
      // machines (this CI VM): then the unconfined run gets EPERM from the
      // kernel.
      {"prctl_set_mm", killed("prctl"), either(ok(), {"denied:EPERM"}), {}, {}, {}, {}, {}, {},
       true},
      {"int80_open",
       // Where the kernel has no 32-bit gate at all (no IA32 emulation, as
       // on this CI VM), int $0x80 faults before any system call runs.
       either(killed("of the 32-bit (int $0x80) ABI"), {"signal:" + std::to_string(SIGSEGV)}),
       either(ok(), {"signal:" + std::to_string(SIGSEGV)})},
      // x32 numbers (nr | 0x40000000) share the x86-64 audit architecture:
      // the filter must check the bit. Unconfined, kernels without x32
      // support return ENOSYS.
      {"x32_open", killed("of the x32 ABI"), either(ok(), {"denied:ENOSYS"})},
      // ---------------------------------------------------------- memory
      {"mmap_rwx", killed("mmap"), ok()},
      {"mprotect_rwx", killed("mprotect"), ok()},
      {"pkey_mprotect_rwx", killed("pkey_mprotect"), ok()},
      // ---------------------------------------------------------- resource limits
      {"rlimit_as_mmap", denied({"ENOMEM"}), ok(), limit_memory(1ull << 30)},
      {"rlimit_as_brk", denied({"ENOMEM"}), ok(), limit_memory(1ull << 30)},
      {"rlimit_as_mem_map", denied({"cloudabi:" + std::to_string(CLOUDABI_ENOMEM)}), ok(),
       limit_memory(1ull << 30)},
      // RLIMIT_NPROC does not apply to the real root user (the kernel exempts
      // INIT_USER in copy_process), even inside a user namespace.
      {"rlimit_nproc", denied({"EAGAIN"}), ok(), limit_processes(8),
       [](Host&, GuestOptions& o, Run) {
         o.extra.push_back({"attempts", [] { return argdata_create_int(64); }});
       },
       [](Host&, Run run, const Outcome& o) {
         if (run == Run::kUnconfined) {
           EXPECT_EQ(o.line, "ok made 64");
           return;
         }
         // Contained: fewer than the limit of 8 (the program itself counts).
         // As root the sandbox's pids cgroup holds only the program, so
         // forks below the limit work; as another user, that user's other
         // processes count as well.
         size_t at = o.line.rfind(" made ");
         ASSERT_NE(at, std::string::npos) << o.line;
         long made = std::stol(o.line.substr(at + 6));
         EXPECT_LT(made, 8) << o.line;
         if (is_root()) {
           EXPECT_GE(made, 1) << o.line;
         }
       },
       {},
       // Real root is exempt from RLIMIT_NPROC (INIT_USER); a pids cgroup
       // stands in for it where one can be created.
       is_root() ? "run as root without a writable pids cgroup, the program is not bounded: the "
                   "kernel exempts the real root user (INIT_USER) from RLIMIT_NPROC, and "
                   "cloudabi-run --check says \"processes limit not enforced for real root: no "
                   "writable pids cgroup\" (here it made all 64 processes)"
                 : "",
       ok()},
      {"rlimit_fsize", denied({"EFBIG"}), ok(), limit_file_size(1 << 20)},
      {"rlimit_nofile", denied({"EMFILE"}), ok(), limit_open_files(64)},
      // With soft == hard the kernel sends SIGKILL at the limit (SIGXCPU first
      // only when the soft limit is lower).
      {"rlimit_cpu", either(by_signal(SIGKILL), {"signal:" + std::to_string(SIGXCPU)}), ok(),
       limit_cpu(1)},
      {"rlimit_raise_nofile", denied({"EPERM"}), ok(), limit_open_files(64)},
      // ---------------------------------------------------------- the runtime's own descriptors
      // The descriptor table is arranged the same way with or without the
      // kernel layers (it is not a layer that can be turned off), so both
      // runs must find the runtime's hidden descriptors and none readable.
      // The probe proves it can see readable descriptors by reading a
      // granted one.
      {"probe_fds",
       denied({"EBADF"}),
       // Unconfined the table is arranged the same way.
       denied({"EBADF"}),
       {},
       {},
       [](Host&, Run run, const Outcome& o) {
         SCOPED_TRACE(run_name(run));
         // Exactly two: the diagnostics pipe (write-only) and the runtime's
         // own executable (for proc_exec), which is O_PATH: it can be
         // executed, not read.
         EXPECT_NE(o.line.find(":fifo:wronly:read=EBADF"), std::string::npos) << o.line;
         EXPECT_NE(o.line.find(":reg:path:read=EBADF"), std::string::npos) << o.line;
         EXPECT_EQ(std::count(o.line.begin(), o.line.end(), ','), 1) << o.line;
       }},
      // The diagnostics descriptor is writable by design (docs/security.md):
      // a program can add text to the operator's diagnostics, nothing more.
      {"write_diagnostics_fd",
       ok(),
       ok(),
       {},
       {},
       [](Host&, Run, const Outcome& o) {
         EXPECT_NE(o.r.stderr_text.find("FORGED LINE FROM THE PROGRAM"), std::string::npos);
       }},
      // Re-executing the runtime (the one executable Landlock lets the
      // program run, for proc_exec) with a forged state that says "no
      // Landlock, no seccomp": the kernel layers survive execve, so the new
      // program is as confined as before.
      {.name = "reexec_forged_state",
       .confined = denied({"ENOENT", "EACCES"}),
       .unconfined = ok(),
       .args = forged_state("open_dotdot"),
       .reports_as = "open_dotdot",
       .needs_static_helper = true},
      {.name = "reexec_forged_socket",
       .confined = killed("socket"),
       .unconfined = ok(),
       .args = forged_state("tcp_connect"),
       .verify = verify_accepted(&Host::tcp),
       .reports_as = "tcp_connect",
       .needs_static_helper = true},
      // Through the CloudABI calls, the runtime's own checks refuse these
      // whatever the kernel layers (so both runs are refused).
      {"api_open_dotdot", denied({"cloudabi:" + std::to_string(CLOUDABI_ENOTCAPABLE)}),
       denied({"cloudabi:" + std::to_string(CLOUDABI_ENOTCAPABLE)})},
      {"api_write_ro", denied({"cloudabi:" + std::to_string(CLOUDABI_ENOTCAPABLE)}),
       denied({"cloudabi:" + std::to_string(CLOUDABI_ENOTCAPABLE)})},
  };
  return cases;
}

class Escape : public ::testing::TestWithParam<Case> {};

TEST_P(Escape, ContainedConfinedAndPossibleUnconfined) {
  const Case& c = GetParam();
  if (kSanitized && !kReusesStaticHelper && c.needs_static_helper)
    GTEST_SKIP() << "the sanitizer build's runtime helper is dynamically linked and cannot "
                    "start inside the sandbox";
  if (c.needs_memfd_noexec && !kernel_has_memfd_noexec())
    GTEST_SKIP() << "this kernel lacks MFD_NOEXEC_SEAL (Linux 6.3+), so the sandbox cannot keep "
                    "memfds from being executed (cloudabi-run --check says so)";
  if (kSanitized && c.limits.address_space)
    GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space; RLIMIT_AS cannot be "
                    "tested under it";

  // Unconfined first: the attempt must work (or reach the kernel), so that
  // the confined run cannot pass because the attempt itself was broken.
  Expect unconfined = c.unconfined;
  if (c.needs_root && !is_root()) unconfined.also.push_back("denied:EPERM");
  if (unconfined.kind != Expect::kSkip) {
    Host host;
    Outcome o = run_case(c, host, Run::kUnconfined);
    EXPECT_TRUE(shows(o, unconfined)) << "unconfined";
    if (c.verify) c.verify(host, Run::kUnconfined, o);
  }

  Host host;
  Outcome o = run_case(c, host, Run::kConfined);
  // Whatever the outcome, nothing outside may have changed (beyond what a
  // known hole is listed as changing).
  host.expect_untouched("after the confined run", c.may_change);
  if (!c.known_hole.empty() && shows(o, c.hole) && !shows(o, c.confined)) {
    GTEST_SKIP() << "KNOWN HOLE: " << c.known_hole << "\n" << describe(o.r);
  }
  EXPECT_TRUE(shows(o, c.confined)) << "confined";
  if (c.verify) c.verify(host, Run::kConfined, o);
}

INSTANTIATE_TEST_SUITE_P(Hostile, Escape, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

// ------------------------------------------------------------------ one layer at a time

struct LayerCase {
  std::string name;  // a case of all_cases()
  Run run;
  Expect expect;
  std::string note;
};

std::vector<LayerCase> layer_cases() {
  return {
      // Landlock alone keeps `..` inside; so do the namespaces alone (each
      // granted directory is on a detached clone of its mount, whose root
      // is its own `..`).
      {"open_dotdot", Run::kLandlockOnly, denied({"EACCES"}), ""},
      {"open_dotdot", Run::kNamespacesOnly, denied({"ENOENT"}), ""},
      {"open_dotdot", Run::kSeccompOnly, ok(), "seccomp cannot see paths"},
      // Metadata through `..`: only the detached mount stops it.
      {"stat_dotdot", Run::kNamespacesOnly, denied({"ENOENT"}), ""},
      {"stat_dotdot", Run::kLandlockOnly, ok(), "Landlock does not cover stat"},
      {"utime_dotdot", Run::kLandlockOnly, ok(), "Landlock does not cover utimensat"},
      // A read-only grant: Landlock refuses writes, the read-only clone of
      // the mount refuses them too, and also utimensat.
      {"ro_write", Run::kNamespacesOnly, denied({"EROFS"}), ""},
      {"ro_utime", Run::kNamespacesOnly, denied({"EROFS"}), ""},
      {"ro_utime", Run::kLandlockOnly, ok(), "Landlock does not cover utimensat"},
      // Absolute paths: both the empty root and Landlock stop them.
      {"open_absolute_openat2", Run::kNamespacesOnly, denied({"ENOENT"}), ""},
      {"open_absolute_openat2", Run::kLandlockOnly, denied({"EACCES"}), ""},
      {"ro_write", Run::kLandlockOnly, denied({"EACCES"}), ""},
      {"ro_hardlink_to_tmp", Run::kLandlockOnly, denied({"EXDEV"}), ""},
      // Metadata of absolute paths: only the empty root hides it.
      {"stat_absolute", Run::kNamespacesOnly, denied({"ENOENT"}), ""},
      {"stat_absolute", Run::kLandlockOnly, ok(), "Landlock does not cover stat"},
      // New TCP connections: each layer stops them on its own.
      {"tcp_connect", Run::kNamespacesOnly, denied({"ENETUNREACH"}), ""},
      {"tcp_connect", Run::kLandlockOnly, denied({"EACCES"}), ""},
      {"tcp_connect", Run::kSeccompOnly, killed("socket"), ""},
      // A socket made outside lives in the host's network namespace.
      {"injected_tcp_connect", Run::kNamespacesOnly, ok(), "the socket is in the host's netns"},
      {"injected_tcp_connect", Run::kLandlockOnly, denied({"EACCES"}), ""},
      {"injected_unix_connect_abstract", Run::kLandlockOnly, denied({"EPERM"}), ""},
      {"injected_unix_connect_abstract", Run::kNamespacesOnly, ok(),
       "abstract names are looked up in the socket's (host) netns"},
      {"injected_unix_connect_path", Run::kNamespacesOnly, denied({"ENOENT"}), ""},
      {"injected_unix_connect_path", Run::kLandlockOnly, ok(),
       "Landlock covers pathname unix sockets only from ABI 9"},
      {"injected_udp_sendto", Run::kLandlockOnly, ok(), "Landlock covers UDP only from ABI 10"},
      {"injected_udp_sendto", Run::kSeccompOnly, killed("sendto"), ""},
      // Signals: the pid namespace hides outside processes, Landlock scopes.
      {"kill_victim", Run::kNamespacesOnly, denied({"ESRCH"}), ""},
      {"kill_victim", Run::kLandlockOnly, denied({"EPERM"}), ""},
      {"kill_parent", Run::kLandlockOnly, denied({"EPERM"}), ""},
      {"execveat_granted_fd", Run::kLandlockOnly, denied({"EACCES"}), ""},
  };
}

void PrintTo(const LayerCase& c, std::ostream* os) {
  *os << c.name << " (" << run_name(c.run) << ")";
}

class EscapeLayers : public ::testing::TestWithParam<LayerCase> {};

TEST_P(EscapeLayers, OneLayerAlone) {
  const LayerCase& lc = GetParam();
  std::vector<Case> cases = all_cases();
  const Case* c = nullptr;
  for (const Case& k : cases)
    if (k.name == lc.name) c = &k;
  ASSERT_NE(c, nullptr) << lc.name;
  Host host;
  Outcome o = run_case(*c, host, lc.run);
  EXPECT_TRUE(shows(o, lc.expect)) << run_name(lc.run) << (lc.note.empty() ? "" : ": ") << lc.note;
}

INSTANTIATE_TEST_SUITE_P(Hostile, EscapeLayers, ::testing::ValuesIn(layer_cases()),
                         [](const ::testing::TestParamInfo<LayerCase>& info) {
                           std::string n = info.param.name + "_";
                           switch (info.param.run) {
                             case Run::kLandlockOnly:
                               n += "landlock_only";
                               break;
                             case Run::kSeccompOnly:
                               n += "seccomp_only";
                               break;
                             case Run::kNamespacesOnly:
                               n += "namespaces_only";
                               break;
                             default:
                               n += "other";
                               break;
                           }
                           return n;
                         });

}  // namespace
}  // namespace cloudabi::testing
