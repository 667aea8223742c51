// The relay for connected IP datagram sockets (see datagram_relay.h).
//
// The relay process is forked before the program's process enters its
// namespaces or confines itself, so it stays in the host's namespaces with
// the real socket. It holds exactly two descriptors, interprets no data, and
// copies whole datagrams: from the program to the socket's connected peer
// (send() without an address) and from the peer to the program.
//
// Each direction has room for one datagram. While it is taken, the relay
// stops reading that direction's source, so a program that sends faster than
// the network takes blocks in sock_send as with a real socket, and datagrams
// for a program that does not read wait in the UDP socket's own receive
// buffer, where the kernel drops what does not fit, as UDP may.
#include "runtime/confine/datagram_relay.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "runtime/support/sanitizer.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::runtime {
namespace {

// Larger than any UDP payload (65507 bytes over IPv4, 65527 over IPv6
// without jumbograms); a larger message could not be one datagram anyway.
constexpr size_t kBufferSize = 65536;

struct Slot {
  char data[kBufferSize];
  size_t len = 0;
  bool full = false;
};

// Only the relay process touches these (static, so that it allocates
// nothing); in the program's process they are never-used zero pages.
Slot g_to_network, g_to_program;

void clear_error(int fd) {
  int err = 0;
  socklen_t len = sizeof(err);
  getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
}

// Closes descriptors the program passed along with a message: the relay has
// no use for them (a UDP socket cannot carry them).
void close_passed_descriptors(msghdr* m) {
  for (cmsghdr* c = CMSG_FIRSTHDR(m); c != nullptr; c = CMSG_NXTHDR(m, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < n; ++i) {
      int fd;
      __builtin_memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
      close(fd);
    }
  }
}

enum class FromProgram { kMessage, kNothing, kEnd };

// Reads one message from the program's end into g_to_network. An empty
// datagram and the end of the program's sending side both read as 0 bytes;
// SO_TIMESTAMP (set on the relay's end) makes every real message carry a
// control message, and the end none.
FromProgram receive_from_program(int pair) {
  iovec iov{g_to_network.data, sizeof(g_to_network.data)};
  alignas(cmsghdr) char control[256];
  msghdr m{};
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  m.msg_control = control;
  m.msg_controllen = sizeof(control);
  ssize_t n = recvmsg(pair, &m, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
  if (n < 0) return FromProgram::kNothing;  // EAGAIN, or an error this call consumed
  close_passed_descriptors(&m);
  if (n == 0 && m.msg_controllen == 0) return FromProgram::kEnd;
  // Too large for one datagram: dropped, as the kernel refuses to send it.
  if ((m.msg_flags & MSG_TRUNC) != 0) return FromProgram::kNothing;
  g_to_network.len = static_cast<size_t>(n);
  g_to_network.full = true;
  return FromProgram::kMessage;
}

// Sends g_to_network to the connected peer; keeps it while the socket's send
// buffer is full.
void send_to_network(int udp) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (send(udp, g_to_network.data, g_to_network.len, MSG_DONTWAIT | MSG_NOSIGNAL) >= 0) break;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return;
    // An error left by an ICMP message about an earlier datagram (e.g.
    // ECONNREFUSED) fails one send and is cleared by it: try once more. The
    // program is not told; any other failure drops the datagram, as a
    // network may.
  }
  g_to_network.full = false;
}

void receive_from_network(int udp) {
  ssize_t n = recv(udp, g_to_program.data, sizeof(g_to_program.data), MSG_DONTWAIT | MSG_TRUNC);
  // EAGAIN, a consumed ICMP error, or (only with IPv6 jumbograms) too large.
  if (n < 0 || static_cast<size_t>(n) > sizeof(g_to_program.data)) return;
  g_to_program.len = static_cast<size_t>(n);
  g_to_program.full = true;
}

// Returns false once the program can no longer receive (it shut its end
// down for reading).
bool send_to_program(int pair) {
  if (send(pair, g_to_program.data, g_to_program.len, MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
    g_to_program.full = false;
    return errno != EPIPE;
  }
  g_to_program.full = false;
  return true;
}

// Every wake-up of poll() either consumes something, finds room for a
// pending datagram, clears an error, or changes the state so that the same
// condition is not asked for again: the relay never spins.
[[noreturn]] void serve(int udp, int pair) {
  bool program_sends = true;     // until the end of the program's sending side
  bool program_receives = true;  // until the program shuts its end for reading
  bool program_gone = false;     // POLLHUP: every holder closed it (or shut it down)
  bool network_receives = true;  // until the socket is shut down for reading outside
  for (;;) {
    if (program_gone && !program_sends && !g_to_network.full) _exit(0);
    pollfd p[2] = {{pair, 0, 0}, {udp, 0, 0}};
    if (program_sends && !g_to_network.full) p[0].events |= POLLIN;
    if (g_to_program.full) p[0].events |= POLLOUT;
    // POLLHUP would be reported on every call: poll the end only to drain it.
    if (program_gone && p[0].events == 0) p[0].fd = -1;
    if (g_to_network.full) p[1].events |= POLLOUT;
    if (program_receives && network_receives && !g_to_program.full)
      p[1].events |= POLLIN | POLLRDHUP;
    if (poll(p, 2, -1) < 0) continue;  // EINTR
    // The real socket was shut down both ways (by a holder outside): the
    // relay has nothing left to do.
    if (((p[0].revents | p[1].revents) & POLLNVAL) != 0 || (p[1].revents & POLLHUP) != 0) _exit(0);
    if ((p[1].revents & POLLERR) != 0) clear_error(udp);
    if ((p[0].revents & POLLERR) != 0) clear_error(pair);
    if ((p[0].revents & POLLHUP) != 0) {
      program_gone = true;
      program_receives = false;
      g_to_program.full = false;
    }
    if ((p[0].revents & POLLIN) != 0 && receive_from_program(pair) == FromProgram::kEnd)
      program_sends = false;
    if (g_to_network.full) send_to_network(udp);
    // Shut down for reading, recv() would return 0 forever: stop reading.
    if ((p[1].revents & POLLRDHUP) != 0) {
      network_receives = false;
    } else if ((p[1].revents & POLLIN) != 0) {
      receive_from_network(udp);
    }
    if (g_to_program.full && !send_to_program(pair)) program_receives = false;
  }
}

// The relay runs outside the sandbox on data from the program: it keeps
// only the system calls it makes, and send() only without an address. Were
// the filter not available, the relay would still hold nothing but its two
// sockets and parse nothing. A sanitizer's runtime makes calls of its own
// (mmap, gettid, sigaltstack) at unforeseeable points, so sanitizer builds,
// which are for testing, go without the filter.
void restrict_relay() {
  if (kSanitized) return;
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
  if (ctx == nullptr) return;
  for (int nr : {SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(recvmsg), SCMP_SYS(recvfrom),
                 SCMP_SYS(close), SCMP_SYS(getsockopt), SCMP_SYS(exit_group), SCMP_SYS(exit),
                 SCMP_SYS(rt_sigreturn), SCMP_SYS(restart_syscall)})
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
  seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(sendto), 1, SCMP_A4(SCMP_CMP_EQ, 0));
  seccomp_load(ctx);
  seccomp_release(ctx);
}

[[noreturn]] void run_relay(int udp, int pair) {
  // Nothing else: not the diagnostics output, not the executable, not
  // other grants.
  int lo = std::min(udp, pair), hi = std::max(udp, pair);
  if (lo > 0) close_range(0, static_cast<unsigned>(lo) - 1, 0);
  if (hi > lo + 1) close_range(static_cast<unsigned>(lo) + 1, static_cast<unsigned>(hi) - 1, 0);
  close_range(static_cast<unsigned>(hi) + 1, ~0u, 0);
  struct sigaction sa {};
  sa.sa_handler = SIG_DFL;
  sigemptyset(&sa.sa_mask);
  for (int sig = 1; sig < NSIG; ++sig)
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &sa, nullptr);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, nullptr);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  prctl(PR_SET_NAME, "cloudabi-relay");
  restrict_relay();
  serve(udp, pair);
}

}  // namespace

bool is_connected_ip_datagram(int fd) {
  int type = 0, domain = 0;
  socklen_t len = sizeof(type);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_DGRAM) return false;
  len = sizeof(domain);
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0 ||
      (domain != AF_INET && domain != AF_INET6))
    return false;
  sockaddr_storage peer;
  len = sizeof(peer);
  return getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) == 0;
}

Result<void> relay_connected_datagrams(int fd) {
  std::string what = "cannot start the relay process that contains the connected datagram socket " +
                     std::to_string(fd);
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
    return Error::from_errno(what);
  UniqueFd program_end(sv[0]), relay_end(sv[1]);
  int on = 1;
  if (setsockopt(relay_end.get(), SOL_SOCKET, SO_TIMESTAMP, &on, sizeof(on)) != 0)
    return Error::from_errno(what);
  // Room for the largest datagram on any machine (the default is enough
  // here; the kernel caps this at net.core.wmem_max).
  int size = 4 * static_cast<int>(kBufferSize);
  for (int end : sv) setsockopt(end, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0 && (flags & O_NONBLOCK) != 0) fcntl(program_end.get(), F_SETFL, O_NONBLOCK);

  pid_t child = fork();
  if (child < 0) return Error::from_errno(what);
  if (child == 0) {
    // The intermediate process ends at once, so the relay is reparented and
    // never becomes a child (or a zombie) of the program.
    if (fork() == 0) run_relay(fd, relay_end.get());
    _exit(0);
  }
  while (waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
  }
  // Whether the relay runs, even if SIGCHLD is ignored and the status is
  // lost: the intermediate process has ended, so once this process lets go
  // of the relay's end, only a running relay still holds it.
  relay_end.reset();
  pollfd p{program_end.get(), 0, 0};
  if (poll(&p, 1, 0) == 1 && (p.revents & POLLHUP) != 0)
    return Error{what + ": it ended before it could serve"};
  if (dup3(program_end.get(), fd, 0) < 0) return Error::from_errno(what);
  return {};
}

}  // namespace cloudabi::runtime
