#include <cloudabi_syscalls.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "errno_fixup.h"

static int fail(int fd, cloudabi_errno_t error) {
  errno = errno_fixup_socket((cloudabi_fd_t)fd, error);
  return -1;
}

int socketpair(int domain, int type, int protocol, int *fds) {
  if (domain != AF_UNIX) {
    errno = EAFNOSUPPORT;
    return -1;
  }
  if (protocol != 0) {
    errno = EPROTONOSUPPORT;
    return -1;
  }
  if (type != SOCK_STREAM && type != SOCK_DGRAM) {
    errno = EPROTOTYPE;
    return -1;
  }
  cloudabi_fd_t a, b;
  cloudabi_errno_t error = cloudabi_sys_fd_create2((cloudabi_filetype_t)type, &a, &b);
  if (error != 0) {
    errno = error;
    return -1;
  }
  fds[0] = (int)a;
  fds[1] = (int)b;
  return 0;
}

int shutdown(int fd, int how) {
  if ((how & ~SHUT_RDWR) != 0 || how == 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_errno_t error = cloudabi_sys_sock_shutdown((cloudabi_fd_t)fd, (cloudabi_sdflags_t)how);
  return error != 0 ? fail(fd, error) : 0;
}

int getsockopt(int fd, int level, int option, void *restrict value, socklen_t *restrict len) {
  if (level != SOL_SOCKET || option != SO_TYPE) {
    errno = ENOPROTOOPT;
    return -1;
  }
  cloudabi_fdstat_t fds;
  cloudabi_errno_t error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &fds);
  if (error != 0) {
    errno = error;
    return -1;
  }
  if ((fds.fs_filetype & 0xf0) != 0x80) {
    errno = ENOTSOCK;
    return -1;
  }
  int type = fds.fs_filetype;
  if (*len < sizeof(type)) {
    errno = EINVAL;
    return -1;
  }
  memcpy(value, &type, sizeof(type));
  *len = sizeof(type);
  return 0;
}

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict addrlen) {
  cloudabi_fd_t conn;
  cloudabi_errno_t error = cloudabi_sys_sock_accept((cloudabi_fd_t)fd, &conn);
  if (error != 0) return fail(fd, error);
  // Peers have no addresses: report an unnamed UNIX socket.
  if (addr != NULL && addrlen != NULL) {
    if (*addrlen >= sizeof(sa_family_t)) addr->sa_family = AF_UNIX;
    *addrlen = sizeof(sa_family_t);
  }
  return (int)conn;
}

ssize_t send(int fd, const void *buf, size_t len, int flags) {
  struct iovec iov = {.iov_base = (void *)buf, .iov_len = len};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  return sendmsg(fd, &msg, flags);
}

ssize_t recv(int fd, void *buf, size_t len, int flags) {
  struct iovec iov = {.iov_base = buf, .iov_len = len};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  return recvmsg(fd, &msg, flags);
}

struct cmsghdr *CMSG_NXTHDR(const struct msghdr *msg, const struct cmsghdr *cmsg) {
  if (cmsg == NULL) return CMSG_FIRSTHDR(msg);
  uintptr_t next = (uintptr_t)cmsg + CMSG_ALIGN(cmsg->cmsg_len);
  uintptr_t end = (uintptr_t)msg->msg_control + msg->msg_controllen;
  if (cmsg->cmsg_len < sizeof(struct cmsghdr) || next + sizeof(struct cmsghdr) > end) return NULL;
  return (struct cmsghdr *)next;
}

#undef CMSG_FIRSTHDR
struct cmsghdr *CMSG_FIRSTHDR(const struct msghdr *msg) {
  return msg->msg_controllen >= sizeof(struct cmsghdr) ? (struct cmsghdr *)msg->msg_control : NULL;
}

// Descriptors to send are collected from every SCM_RIGHTS message.
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
  if ((flags & ~MSG_NOSIGNAL) != 0 || msg->msg_iovlen < 0) {
    errno = EOPNOTSUPP;
    return -1;
  }
  size_t nfds = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS || c->cmsg_len < CMSG_LEN(0)) {
      errno = EINVAL;
      return -1;
    }
    nfds += (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  }
  // At most 64 descriptors per message.
  cloudabi_fd_t fds[64];
  if (nfds > 64) {
    errno = EMSGSIZE;
    return -1;
  }
  size_t k = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
    size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < n; ++i) {
      int v;
      memcpy(&v, CMSG_DATA(c) + i * sizeof(int), sizeof(v));
      fds[k++] = (cloudabi_fd_t)v;
    }
  }
  cloudabi_send_in_t in = {
      .si_data = (const cloudabi_ciovec_t *)msg->msg_iov,
      .si_data_len = (size_t)msg->msg_iovlen,
      .si_fds = fds,
      .si_fds_len = nfds,
  };
  cloudabi_send_out_t out;
  cloudabi_errno_t error = cloudabi_sys_sock_send((cloudabi_fd_t)fd, &in, &out);
  if (error != 0) return fail(fd, error);
  return (ssize_t)out.so_datalen;
}

// Received descriptors come back as one SCM_RIGHTS message filling as much
// of the control buffer as they need.
ssize_t recvmsg(int fd, struct msghdr *msg, int flags) {
  if ((flags & ~(MSG_PEEK | MSG_WAITALL)) != 0 || msg->msg_iovlen < 0) {
    errno = EOPNOTSUPP;
    return -1;
  }
  size_t room =
      msg->msg_controllen >= CMSG_LEN(0) ? (msg->msg_controllen - CMSG_LEN(0)) / sizeof(int) : 0;
  cloudabi_fd_t fds[64];
  if (room > 64) room = 64;
  cloudabi_recv_in_t in = {
      .ri_data = (const cloudabi_iovec_t *)msg->msg_iov,
      .ri_data_len = (size_t)msg->msg_iovlen,
      .ri_fds = fds,
      .ri_fds_len = room,
      .ri_flags = (cloudabi_riflags_t)flags,
  };
  cloudabi_recv_out_t out;
  cloudabi_errno_t error = cloudabi_sys_sock_recv((cloudabi_fd_t)fd, &in, &out);
  if (error != 0) return fail(fd, error);
  msg->msg_flags = 0;
  if (out.ro_flags & CLOUDABI_SOCK_RECV_DATA_TRUNCATED) msg->msg_flags |= MSG_TRUNC;
  if (out.ro_flags & CLOUDABI_SOCK_RECV_FDS_TRUNCATED) msg->msg_flags |= MSG_CTRUNC;
  if (out.ro_fdslen > 0) {
    struct cmsghdr *c = msg->msg_control;
    c->cmsg_len = CMSG_LEN(out.ro_fdslen * sizeof(int));
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    for (size_t i = 0; i < out.ro_fdslen; ++i) {
      int v = (int)fds[i];
      memcpy(CMSG_DATA(c) + i * sizeof(int), &v, sizeof(v));
    }
    msg->msg_controllen = CMSG_SPACE(out.ro_fdslen * sizeof(int));
  } else {
    msg->msg_controllen = 0;
  }
  return (ssize_t)out.ro_datalen;
}
