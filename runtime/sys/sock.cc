// The sock_* system calls, and the sock_accept extension. Sockets are the ones
// the program was given or made with fd_create2 (CloudABI has no socket(),
// bind() or connect()). How rights travel with descriptors is described in
// runtime/sock/rights_record.h.
#include <limits.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "runtime/confine/confine.h"
#include "runtime/fd/fd_table.h"
#include "runtime/fd/rights.h"
#include "runtime/sock/rights_record.h"
#include "runtime/support/diag.h"
#include "runtime/support/errno.h"
#include "runtime/support/unique_fd.h"
#include "syscalls.h"

using cloudabi::runtime::fd_table;
using cloudabi::runtime::FdEntry;
using cloudabi::runtime::last_errno;

static_assert(sizeof(cloudabi_iovec_t) == sizeof(iovec));
static_assert(offsetof(cloudabi_iovec_t, buf_len) == offsetof(iovec, iov_len));
static_assert(sizeof(cloudabi_ciovec_t) == sizeof(iovec));
static_assert(offsetof(cloudabi_ciovec_t, buf_len) == offsetof(iovec, iov_len));

namespace {

// Linux delivers at most this many descriptors with one message.
constexpr size_t kMaxReceived = 253;

bool is_socket_type(cloudabi_filetype_t type) {
  return type == CLOUDABI_FILETYPE_SOCKET_DGRAM || type == CLOUDABI_FILETYPE_SOCKET_STREAM;
}

}  // namespace

extern "C" cloudabi_errno_t cloudabi_rt_sock_recv(cloudabi_fd_t sock, const cloudabi_recv_in_t* in,
                                                  cloudabi_recv_out_t* out) {
  using namespace cloudabi::runtime;
  cloudabi_riflags_t ri_flags = in->ri_flags;
  if ((ri_flags & ~(CLOUDABI_SOCK_RECV_PEEK | CLOUDABI_SOCK_RECV_WAITALL)) != 0)
    return CLOUDABI_EINVAL;
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(sock, CLOUDABI_RIGHT_FD_READ, 0, &e, "sock_recv"))
    return error;
  size_t data_len = in->ri_data_len;
  if (data_len > IOV_MAX) return CLOUDABI_EINVAL;
  cloudabi_fd_t* fds_out = in->ri_fds;
  size_t fds_capacity = in->ri_fds_len;

  // Room for everything Linux can deliver: descriptors that do not fit the
  // program's buffer are closed here, so that the rights record (the last
  // descriptor) is never the one the kernel drops.
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxReceived)];
  msghdr msg{};
  msg.msg_iov = const_cast<iovec*>(reinterpret_cast<const iovec*>(in->ri_data));
  msg.msg_iovlen = data_len;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  int flags = MSG_CMSG_CLOEXEC;
  if ((ri_flags & CLOUDABI_SOCK_RECV_PEEK) != 0) flags |= MSG_PEEK;
  if ((ri_flags & CLOUDABI_SOCK_RECV_WAITALL) != 0) flags |= MSG_WAITALL;
  ssize_t n;
  do {
    n = recvmsg(static_cast<int>(sock), &msg, flags);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return last_errno();

  std::vector<int> received;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int fd;
      memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
      received.push_back(fd);
    }
  }
  std::optional<std::vector<FdEntry>> record;
  if (received.size() >= 2) {
    record = read_rights_record(received.back(), received.size() - 1);
    if (record) {
      close(received.back());
      received.pop_back();
    }
  }

  bool fds_truncated = (msg.msg_flags & MSG_CTRUNC) != 0;
  size_t installed = 0;
  std::string origin = "sock_recv on descriptor " + std::to_string(sock);
  for (size_t i = 0; i < received.size(); ++i) {
    int fd = received[i];
    if (i >= fds_capacity) {
      close(fd);
      fds_truncated = true;
      continue;
    }
    cloudabi::Result<FdEntry> entry = received_entry(fd, record ? &(*record)[i] : nullptr);
    if (entry) {
      stop_unaddressed_sends_on_received(fd);
      fd_table().set(fd, *entry, origin);
      fds_out[installed++] = static_cast<cloudabi_fd_t>(fd);
    } else {
      // A kind of descriptor CloudABI has no type for: the program gets an
      // invalid descriptor in its place, as in the reference's emulator.
      if (tracing())
        diag("sock_recv: received descriptor dropped: %s", entry.error().message.c_str());
      close(fd);
      fds_out[installed++] = CLOUDABI_PROCESS_CHILD;  // 0xFFFFFFFF, no descriptor
    }
  }

  cloudabi_recv_out_t result{};
  result.ro_datalen = static_cast<size_t>(n);
  result.ro_fdslen = installed;
  if (fds_truncated) result.ro_flags |= CLOUDABI_SOCK_RECV_FDS_TRUNCATED;
  if ((msg.msg_flags & MSG_TRUNC) != 0) result.ro_flags |= CLOUDABI_SOCK_RECV_DATA_TRUNCATED;
  *out = result;
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_sock_send(cloudabi_fd_t sock, const cloudabi_send_in_t* in,
                                                  cloudabi_send_out_t* out) {
  using namespace cloudabi::runtime;
  // No send flags are defined.
  if (in->si_flags != 0) return CLOUDABI_EINVAL;
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(sock, CLOUDABI_RIGHT_FD_WRITE, 0, &e, "sock_send"))
    return error;
  size_t data_len = in->si_data_len;
  size_t fds_len = in->si_fds_len;
  if (data_len > IOV_MAX) return CLOUDABI_EINVAL;
  if (fds_len > kMaxSentDescriptors) return CLOUDABI_EINVAL;
  std::vector<int> fds;
  std::vector<FdEntry> entries;
  for (size_t i = 0; i < fds_len; ++i) {
    cloudabi_fd_t fd = in->si_fds[i];
    FdEntry attached;
    // Sending a descriptor needs no right on it; it only has to exist.
    if (cloudabi_errno_t error = fd_table().get(fd, &attached)) return error;
    fds.push_back(static_cast<int>(fd));
    entries.push_back(attached);
  }

  cloudabi::UniqueFd record;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * (kMaxSentDescriptors + 1))];
  msghdr msg{};
  msg.msg_iov = const_cast<iovec*>(reinterpret_cast<const iovec*>(in->si_data));
  msg.msg_iovlen = data_len;
  if (!fds.empty()) {
    cloudabi::Result<int> r = make_rights_record(entries);
    if (!r) return cloudabi::runtime::translate_errno(r.error().sys_errno);
    record.reset(*r);
    fds.push_back(record.get());
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * fds.size());
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
    memcpy(CMSG_DATA(c), fds.data(), sizeof(int) * fds.size());
  }
  ssize_t n;
  do {
    n = sendmsg(static_cast<int>(sock), &msg, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return last_errno();
  // Linux attaches descriptors to the data of a stream; without data they
  // silently vanish and nothing is sent. Refuse instead. (Checked after the
  // fact because the iovec array is the kernel's to read: the runtime never
  // touches it, so a bad one is EFAULT rather than a crash.)
  if (n == 0 && !fds.empty() && e.type == CLOUDABI_FILETYPE_SOCKET_STREAM) return CLOUDABI_EINVAL;
  out->so_datalen = static_cast<size_t>(n);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_sock_shutdown(cloudabi_fd_t sock, cloudabi_sdflags_t how) {
  int linux_how;
  switch (how) {
    case CLOUDABI_SHUT_RD:
      linux_how = SHUT_RD;
      break;
    case CLOUDABI_SHUT_WR:
      linux_how = SHUT_WR;
      break;
    case CLOUDABI_SHUT_RD | CLOUDABI_SHUT_WR:
      linux_how = SHUT_RDWR;
      break;
    default:
      return CLOUDABI_EINVAL;
  }
  FdEntry e;
  if (cloudabi_errno_t error =
          fd_table().get(sock, CLOUDABI_RIGHT_SOCK_SHUTDOWN, 0, &e, "sock_shutdown"))
    return error;
  if (!is_socket_type(e.type)) return CLOUDABI_ENOTSOCK;
  if (shutdown(static_cast<int>(sock), linux_how) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_sock_accept(cloudabi_fd_t sock, cloudabi_fd_t* conn) {
  using namespace cloudabi::runtime;
  // v0.21 has no SOCK_ACCEPT right; accepting takes from the socket's queue
  // like reading does, so it needs FD_READ.
  FdEntry listener;
  if (cloudabi_errno_t error =
          fd_table().get(sock, CLOUDABI_RIGHT_FD_READ, 0, &listener, "sock_accept"))
    return error;
  int fd;
  do {
    fd = accept4(static_cast<int>(sock), nullptr, nullptr, SOCK_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return last_errno();
  cloudabi::Result<FdEntry> entry = describe_fd(fd);
  if (!entry) {
    close(fd);
    return CLOUDABI_ENOTSUP;
  }
  // The connection gets what the listener may hand on, and no more than a
  // socket can have.
  entry->base &= listener.inheriting;
  entry->inheriting &= listener.inheriting;
  fd_table().set(fd, *entry, "sock_accept on descriptor " + std::to_string(sock));
  *conn = static_cast<cloudabi_fd_t>(fd);
  return 0;
}
