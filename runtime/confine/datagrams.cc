// A program must not send datagrams to an address it names itself: Linux
// would let a raw sendmsg() reach any address on the host's network, and
// neither seccomp (it cannot read the msghdr) nor Landlock before ABI 10 can
// stop that.
//
// An unconnected IP datagram socket cannot send in CloudABI anyway (sock_send
// has no destination address). Granted connected ones are replaced by a relay
// at start-up (datagram_relay.h). A connected one the program receives later
// cannot be relayed from inside the sandbox, so it keeps only its receiving
// side. Shutting a socket down for writing does that: every send on it then
// fails with EPIPE, receiving is unchanged, and nothing the program can call
// (connect() is refused by seccomp; a disconnect does not clear it) undoes it.
#include <netinet/in.h>
#include <sys/socket.h>

#include <vector>

#include "runtime/confine/confine.h"

namespace cloudabi::runtime {
namespace {

// Set once seccomp is in force: without it a program can make its own
// sockets, so this would protect nothing.
bool g_stopping = false;

void stop_one(int fd) {
  int type = 0, domain = 0;
  socklen_t len = sizeof(type);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_DGRAM) return;
  len = sizeof(domain);
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0 ||
      (domain != AF_INET && domain != AF_INET6))
    return;
  // Linux answers ENOTCONN for an unconnected socket but records the
  // shutdown all the same.
  shutdown(fd, SHUT_WR);
}

}  // namespace

void stop_unaddressed_sends(const std::vector<int>& fds) {
  g_stopping = true;
  for (int fd : fds) stop_one(fd);
}

void stop_unaddressed_sends_on_received(int fd) {
  if (g_stopping) stop_one(fd);
}

}  // namespace cloudabi::runtime
