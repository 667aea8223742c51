// The relay that stands in for a granted connected IP datagram socket
// (runtime/confine/datagram_relay.h), driven directly: this process plays the
// program (it holds the program's end afterwards) and owns the UDP peers.
// Waits are bounded safety nets against a lost datagram or a relay that does
// not end, never timing assumptions.
#include "runtime/confine/datagram_relay.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cloudabi_types.h"
#include "runtime/fd/fd_table.h"
#include "runtime/support/sanitizer.h"

namespace cloudabi::runtime {
namespace {

constexpr int kSafetyNetMs = 60000;

// A UDP socket bound to 127.0.0.1 on a free port.
int bound_udp(sockaddr_in* addr) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  *addr = {};
  addr->sin_family = AF_INET;
  addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(*addr);
  if (s < 0 || bind(s, reinterpret_cast<sockaddr*>(addr), sizeof(*addr)) != 0 ||
      getsockname(s, reinterpret_cast<sockaddr*>(addr), &len) != 0)
    return -1;
  return s;
}

int connected_udp(const sockaddr_in& peer) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (s >= 0 && connect(s, reinterpret_cast<const sockaddr*>(&peer), sizeof(peer)) != 0) {
    close(s);
    return -1;
  }
  return s;
}

ino_t inode_of(int fd) {
  struct stat st {};
  fstat(fd, &st);
  return st.st_ino;
}

// The processes that hold the socket with inode `ino`.
std::vector<pid_t> holders(ino_t ino) {
  std::vector<pid_t> out;
  std::string want = "socket:[" + std::to_string(ino) + "]";
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

// Whether every holder lets go of the socket, within the safety net.
bool released(ino_t ino) {
  for (int waited = 0; waited < kSafetyNetMs; waited += 10) {
    if (holders(ino).empty()) return true;
    usleep(10000);
  }
  return false;
}

// The next datagram on `fd`; "(none)" if none came.
std::string next(int fd, sockaddr_in* from = nullptr) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, kSafetyNetMs) != 1) return "(none)";
  static char buf[70000];
  socklen_t len = sizeof(sockaddr_in);
  ssize_t n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT, reinterpret_cast<sockaddr*>(from),
                       from != nullptr ? &len : nullptr);
  return n < 0 ? "(error " + std::to_string(errno) + ")" : std::string(buf, static_cast<size_t>(n));
}

std::vector<std::string> payloads() {
  std::string big(65507, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  return {"first", "", big, "last"};
}

class DatagramRelayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    signal(SIGPIPE, SIG_IGN);
    peer_ = bound_udp(&peer_addr_);
    other_ = bound_udp(&other_addr_);
    ASSERT_GE(peer_, 0);
    ASSERT_GE(other_, 0);
    conn_ = connected_udp(peer_addr_);
    ASSERT_GE(conn_, 0);
    socklen_t len = sizeof(conn_addr_);
    ASSERT_EQ(getsockname(conn_, reinterpret_cast<sockaddr*>(&conn_addr_), &len), 0);
    ino_ = inode_of(conn_);
  }
  void TearDown() override {
    for (int fd : {peer_, other_, conn_})
      if (fd >= 0) close(fd);
  }

  int peer_ = -1, other_ = -1, conn_ = -1;
  sockaddr_in peer_addr_{}, other_addr_{}, conn_addr_{};
  ino_t ino_ = 0;
};

TEST(DatagramSocketType, SeqpacketIsADatagramSocket) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
  int udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(udp, 0);
  Result<FdEntry> seq = describe_fd(sv[0]), dgram = describe_fd(udp);
  ASSERT_TRUE(seq) << seq.error().message;
  ASSERT_TRUE(dgram) << dgram.error().message;
  EXPECT_EQ(seq->type, CLOUDABI_FILETYPE_SOCKET_DGRAM);
  EXPECT_EQ(seq->base, dgram->base);
  EXPECT_EQ(seq->inheriting, dgram->inheriting);
  for (int fd : {sv[0], sv[1], udp}) close(fd);
}

TEST_F(DatagramRelayTest, FindsOnlyConnectedIpDatagramSockets) {
  EXPECT_TRUE(is_connected_ip_datagram(conn_));
  EXPECT_FALSE(is_connected_ip_datagram(peer_));  // bound, not connected
  int tcp = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
  EXPECT_FALSE(is_connected_ip_datagram(tcp));
  EXPECT_FALSE(is_connected_ip_datagram(sv[0]));  // connected, but not IP
  for (int fd : {tcp, sv[0], sv[1]}) close(fd);
}

TEST_F(DatagramRelayTest, CarriesDatagramsBothWaysAndEndsWithItsLastHolder) {
  ASSERT_TRUE(relay_connected_datagrams(conn_));
  int type = 0, domain = 0;
  socklen_t len = sizeof(int);
  ASSERT_EQ(getsockopt(conn_, SOL_SOCKET, SO_TYPE, &type, &len), 0);
  ASSERT_EQ(getsockopt(conn_, SOL_SOCKET, SO_DOMAIN, &domain, &len), 0);
  EXPECT_EQ(type, SOCK_SEQPACKET);
  EXPECT_EQ(domain, AF_UNIX);
  // Only the relay holds the real socket now.
  std::vector<pid_t> h = holders(ino_);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_NE(h[0], getpid());
  // The relay names itself and, outside sanitizer builds (whose runtime needs
  // more calls), installs a seccomp filter of its own just after the fork:
  // wait until it has (bounded only as a safety net).
  std::string text;
  auto confined = [&] {
    std::ifstream status("/proc/" + std::to_string(h[0]) + "/status");
    text.assign(std::istreambuf_iterator<char>(status), {});
    return text.find("Name:\tcloudabi-relay\n") != std::string::npos &&
           (kSanitized || text.find("Seccomp:\t2\n") != std::string::npos);
  };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kSafetyNetMs);
  while (!confined() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(comm(h[0]), "cloudabi-relay");
  if (!kSanitized) {
    EXPECT_NE(text.find("NoNewPrivs:\t1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Seccomp:\t2\n"), std::string::npos) << text;
  }

  for (const std::string& d : payloads()) {
    ASSERT_EQ(send(conn_, d.data(), d.size(), 0), static_cast<ssize_t>(d.size()));
    sockaddr_in from{};
    EXPECT_EQ(next(peer_, &from), d) << "to the peer, " << d.size() << " bytes";
    EXPECT_EQ(from.sin_port, conn_addr_.sin_port);
  }
  for (const std::string& d : payloads()) {
    ASSERT_EQ(sendto(peer_, d.data(), d.size(), 0, reinterpret_cast<sockaddr*>(&conn_addr_),
                     sizeof(conn_addr_)),
              static_cast<ssize_t>(d.size()));
    EXPECT_EQ(next(conn_), d) << "from the peer, " << d.size() << " bytes";
  }
  // Datagrams from anyone but the peer never reach a connected socket.
  ASSERT_EQ(sendto(other_, "stranger", 8, 0, reinterpret_cast<sockaddr*>(&conn_addr_),
                   sizeof(conn_addr_)),
            8);
  ASSERT_EQ(
      sendto(peer_, "peer", 4, 0, reinterpret_cast<sockaddr*>(&conn_addr_), sizeof(conn_addr_)), 4);
  EXPECT_EQ(next(conn_), "peer");

  // Known hole 3: a raw sendmsg naming another address. The address is
  // ignored on the program's end; the datagram goes to the peer only.
  iovec iov{const_cast<char*>("PWNED"), 5};
  msghdr m{};
  m.msg_name = &other_addr_;
  m.msg_namelen = sizeof(other_addr_);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  EXPECT_EQ(sendmsg(conn_, &m, 0), 5);
  EXPECT_EQ(next(peer_), "PWNED");
  char buf[16];
  EXPECT_LT(recv(other_, buf, sizeof(buf), MSG_DONTWAIT), 0) << "a datagram reached another port";

  // Descriptors sent along are dropped by the relay (a UDP socket cannot
  // carry them): once the message is through, no one reads the pipe.
  int p[2];
  ASSERT_EQ(pipe2(p, O_CLOEXEC), 0);
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  iovec with{const_cast<char*>("with-fd"), 7};
  m = {};
  m.msg_iov = &with;
  m.msg_iovlen = 1;
  m.msg_control = control;
  m.msg_controllen = sizeof(control);
  cmsghdr* c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &p[0], sizeof(int));
  ASSERT_EQ(sendmsg(conn_, &m, 0), 7);
  close(p[0]);
  EXPECT_EQ(next(peer_), "with-fd");
  EXPECT_EQ(write(p[1], "x", 1), -1);
  EXPECT_EQ(errno, EPIPE);
  close(p[1]);

  // Shut down for sending, the program still receives.
  ASSERT_EQ(shutdown(conn_, SHUT_WR), 0);
  ASSERT_EQ(
      sendto(peer_, "after", 5, 0, reinterpret_cast<sockaddr*>(&conn_addr_), sizeof(conn_addr_)),
      5);
  EXPECT_EQ(next(conn_), "after");

  close(conn_);
  conn_ = -1;
  EXPECT_TRUE(released(ino_)) << "the relay outlived the last holder of the program's end";
}

TEST_F(DatagramRelayTest, AFailureNamesTheSocketAndLeavesItAlone) {
  // No descriptor can be made: the pair cannot be created.
  int lowest = dup(0);
  ASSERT_GE(lowest, 0);
  close(lowest);
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit tight = saved;
  tight.rlim_cur = static_cast<rlim_t>(lowest);
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &tight), 0);
  Result<void> r = relay_connected_datagrams(conn_);
  setrlimit(RLIMIT_NOFILE, &saved);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "cannot start the relay process that contains the connected datagram socket " +
                std::to_string(conn_) + ": " + strerror(EMFILE));
  EXPECT_TRUE(is_connected_ip_datagram(conn_));
  EXPECT_EQ(inode_of(conn_), ino_);
}

TEST_F(DatagramRelayTest, DatagramsSentJustBeforeTheEndStillLeave) {
  ASSERT_TRUE(relay_connected_datagrams(conn_));
  for (const std::string& d : payloads())
    ASSERT_EQ(send(conn_, d.data(), d.size(), 0), static_cast<ssize_t>(d.size()));
  close(conn_);
  conn_ = -1;
  for (const std::string& d : payloads()) EXPECT_EQ(next(peer_), d) << d.size() << " bytes";
  EXPECT_TRUE(released(ino_));
}

TEST_F(DatagramRelayTest, DatagramsForAProgramThatDoesNotReadAreDroppedNotReordered) {
  // A small receive buffer on the real socket, so that the flood below is
  // far more than the relay and the buffers hold on any machine.
  int small = 4096;
  ASSERT_EQ(setsockopt(conn_, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small)), 0);
  ASSERT_TRUE(relay_connected_datagrams(conn_));
  // The program does not read meanwhile.
  constexpr int kSent = 4000;
  std::string d(1000, '.');
  for (int i = 0; i < kSent; ++i) {
    std::string seq = std::to_string(i);
    d.replace(0, seq.size() + 1, seq + ":");
    ASSERT_EQ(sendto(peer_, d.data(), d.size(), 0, reinterpret_cast<sockaddr*>(&conn_addr_),
                     sizeof(conn_addr_)),
              static_cast<ssize_t>(d.size()));
  }
  // A marker sent after the flood, by the program's side, shows the relay
  // still serves the other direction.
  ASSERT_EQ(send(conn_, "still", 5, 0), 5);
  EXPECT_EQ(next(peer_), "still");
  // What arrives is whole and in order; some of it was dropped.
  int last = -1, received = 0;
  char buf[2000];
  for (;;) {
    ssize_t n = recv(conn_, buf, sizeof(buf), MSG_DONTWAIT);
    if (n < 0) {
      // The relay may still be moving the rest: a quiet period ends the
      // count (what is checked below does not depend on its length).
      pollfd p{conn_, POLLIN, 0};
      if (poll(&p, 1, 200) == 1) continue;
      break;
    }
    ASSERT_EQ(n, 1000);
    int seq = atoi(buf);
    EXPECT_GT(seq, last);
    last = seq;
    ++received;
  }
  EXPECT_GT(received, 0);
  EXPECT_LT(received, kSent);
  close(conn_);
  conn_ = -1;
  EXPECT_TRUE(released(ino_));
}

TEST_F(DatagramRelayTest, AnIcmpErrorIsNotReportedAndDoesNotStopTheRelay) {
  // Connected to a port where nothing listens: the first datagram draws an
  // ICMP "port unreachable", which Linux leaves on the socket as
  // ECONNREFUSED for the next call. The relay swallows it.
  sockaddr_in gone_addr{};
  int gone = bound_udp(&gone_addr);
  ASSERT_GE(gone, 0);
  close(gone);
  int conn = connected_udp(gone_addr);
  ASSERT_GE(conn, 0);
  ino_t ino = inode_of(conn);
  ASSERT_TRUE(relay_connected_datagrams(conn));
  ASSERT_EQ(send(conn, "lost", 4, 0), 4);
  // Someone listens there now (another process may have taken the port
  // meanwhile: then this case cannot be made).
  int back = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (bind(back, reinterpret_cast<sockaddr*>(&gone_addr), sizeof(gone_addr)) != 0) {
    close(back);
    close(conn);
    GTEST_SKIP() << "the port was taken by someone else";
  }
  ASSERT_EQ(send(conn, "found", 5, 0), 5);
  // "lost" may or may not have been sent before the bind.
  std::string got = next(back);
  if (got == "lost") got = next(back);
  EXPECT_EQ(got, "found");
  close(back);
  close(conn);
  EXPECT_TRUE(released(ino));
}

}  // namespace
}  // namespace cloudabi::runtime
