// A connected UDP socket granted by cloudabi-run (`!socket {type: dgram,
// connect: ...}`), end to end: the CloudABI program run_dgram_echo
// (tests/run/programs/dgram_echo.c) reaches it through the runtime's relay
// process (known hole 3 in docs/security.md). The test is the peer: it checks
// datagrams both ways (empty and largest included), the socket's CloudABI
// type, truncation and peeking, that only the relay holds the real socket,
// and that the relay is gone once cloudabi-run has ended. Waits are bounded
// safety nets, never timing assumptions.
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cloudabi_types.h"
#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

const std::string kRun = CLOUDABI_RUN_BINARY;
const std::string kEcho = std::string(CLOUDABI_TARGET_BINARY_DIR) + "/run_programs/run_dgram_echo";
constexpr int kSafetyNetMs = 120000;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The inode of the UDP socket bound to local port `port` and connected to
// remote port `remote` on 127.0.0.1, from /proc/net/udp; 0 if there is none.
unsigned long udp_inode(int port, int remote) {
  char local[32], rem[32];
  snprintf(local, sizeof(local), "0100007F:%04X", port);
  snprintf(rem, sizeof(rem), "0100007F:%04X", remote);
  std::ifstream in("/proc/net/udp");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string sl, l, r, st, queues, timer, retr, uid, timeout;
    unsigned long inode = 0;
    f >> sl >> l >> r >> st >> queues >> timer >> retr >> uid >> timeout >> inode;
    if (l == local && r == rem) return inode;
  }
  return 0;
}

// The processes holding socket `inode`.
std::vector<pid_t> holders(unsigned long inode) {
  std::vector<pid_t> out;
  std::string want = "socket:[" + std::to_string(inode) + "]";
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return out;
  while (dirent* p = readdir(proc)) {
    char* end;
    long pid = strtol(p->d_name, &end, 10);
    if (*end != '\0' || pid <= 0) continue;
    std::string dir = std::string("/proc/") + p->d_name + "/fd";
    DIR* fds = opendir(dir.c_str());
    if (fds == nullptr) continue;
    while (dirent* f = readdir(fds)) {
      char target[64];
      ssize_t n = readlink((dir + "/" + f->d_name).c_str(), target, sizeof(target));
      if (n > 0 && std::string(target, static_cast<size_t>(n)) == want) {
        out.push_back(static_cast<pid_t>(pid));
        break;
      }
    }
    closedir(fds);
  }
  closedir(proc);
  return out;
}

std::string comm(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

std::string next(int fd, sockaddr_in* from = nullptr) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, kSafetyNetMs) != 1) return "(none)";
  static char buf[70000];
  socklen_t len = sizeof(sockaddr_in);
  ssize_t n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT, reinterpret_cast<sockaddr*>(from),
                       from != nullptr ? &len : nullptr);
  return n < 0 ? "(error)" : std::string(buf, static_cast<size_t>(n));
}

class DgramRelayE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access(kEcho.c_str(), X_OK) != 0) GTEST_SKIP() << kEcho << " is not built";
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void launch(const std::string& config) {
    std::string cfg = dir_.path() + "/echo.yaml";
    std::ofstream(cfg) << config;
    out_ = dir_.path() + "/out";
    err_ = dir_.path() + "/err";
    pid_ = fork();
    if (pid_ == 0) {
      int in = open("/dev/null", O_RDONLY);
      int out = open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err = open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (in < 0 || out < 0 || err < 0) _exit(126);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      execl(kRun.c_str(), kRun.c_str(), kEcho.c_str(), cfg.c_str(), nullptr);
      _exit(126);
    }
  }

  // cloudabi-run's exit status, or -1 if it had to be killed.
  int wait() {
    int status = 0;
    for (int waited = 0; waited < kSafetyNetMs; waited += 10) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      usleep(10000);
    }
    return -1;
  }

  test::TempDir dir_;
  std::string out_, err_;
  pid_t pid_ = -1;
};

TEST_F(DgramRelayE2eTest, ConnectedUdpSocketEchoesThroughTheRelayWhichEndsWithTheProgram) {
  int peer = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(a);
  ASSERT_EQ(bind(peer, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
  ASSERT_EQ(getsockname(peer, reinterpret_cast<sockaddr*>(&a), &len), 0);
  int peer_port = ntohs(a.sin_port);

  std::string big(65507, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('A' + i % 26);
  std::vector<std::string> payloads = {"first", "", big, "last"};
  launch("out: !fd stdout\nsock: !socket {type: dgram, connect: \"127.0.0.1:" +
         std::to_string(peer_port) + "\"}\ncount: " + std::to_string(payloads.size()) + "\n");

  sockaddr_in program{};
  ASSERT_EQ(next(peer, &program), "hello") << read_file(err_);
  unsigned long inode = udp_inode(ntohs(program.sin_port), peer_port);
  ASSERT_NE(inode, 0u);
  // The program's process does not hold the real socket: only the relay,
  // outside the sandbox.
  std::vector<pid_t> h = holders(inode);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(comm(h[0]), "cloudabi-relay");

  for (const std::string& d : payloads) {
    ASSERT_EQ(
        sendto(peer, d.data(), d.size(), 0, reinterpret_cast<sockaddr*>(&program), sizeof(program)),
        static_cast<ssize_t>(d.size()));
    EXPECT_EQ(next(peer), d) << d.size() << " bytes";
  }
  for (const char* d : {"truncated", "peeked"})
    ASSERT_EQ(sendto(peer, d, strlen(d), 0, reinterpret_cast<sockaddr*>(&program), sizeof(program)),
              static_cast<ssize_t>(strlen(d)));

  EXPECT_EQ(wait(), 0) << read_file(err_);
  EXPECT_EQ(lines(read_file(out_)),
            (std::vector<std::string>{
                "stat: ok type=" + std::to_string(CLOUDABI_FILETYPE_SOCKET_DGRAM), "hello: ok 5",
                "echo: ok 5 bytes, sent 5, flags 0", "echo: ok 0 bytes, sent 0, flags 0",
                "echo: ok 65507 bytes, sent 65507, flags 0", "echo: ok 4 bytes, sent 4, flags 0",
                "poll: ok readable", "short: ok trun truncated=1", "peek: ok peeked then peeked"}))
      << read_file(err_);

  // No relay is left behind: the socket is closed once every holder of the
  // program's end (the program, its supervisor) is gone.
  bool gone = false;
  for (int waited = 0; !gone && waited < kSafetyNetMs; waited += 10) {
    gone = holders(inode).empty() && udp_inode(ntohs(program.sin_port), peer_port) == 0;
    if (!gone) usleep(10000);
  }
  EXPECT_TRUE(gone) << "the relay process outlived cloudabi-run";
  close(peer);
}

}  // namespace
}  // namespace cloudabi::run
