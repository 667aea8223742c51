// sys/socket.h: sockets.
//
// Sockets are anonymous: programs get connected sockets through their
// argument data, or make a connected pair with socketpair(). Descriptors
// can be sent along with data (SCM_RIGHTS).
//
// Extensions:
// - accept(): waits for a connection on a listening socket the program was
//   given (the runtime's sock_accept extension); no address is returned.
//
// Features missing:
// - socket(), bind(), connect(), listen(), getpeername(), getsockname(),
//   recvfrom(), sendto(), setsockopt(), sockatmark(): sockets have no
//   addresses in a capability-based system, and their options are fixed.
// - SO_* options other than SO_TYPE, SOMAXCONN, SOCK_SEQPACKET, MSG_EOR,
//   MSG_OOB: see above.
// - msg_name, msg_namelen in struct msghdr: messages carry no addresses.
#ifndef _SYS_SOCKET_H_
#define _SYS_SOCKET_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#define _SSIZE_T_DECLARED
#endif
typedef __socklen_t socklen_t;
typedef __sa_family_t sa_family_t;

#ifndef _STRUCT_IOVEC_DECLARED
#define _STRUCT_IOVEC_DECLARED
struct iovec {
  void *iov_base;
  size_t iov_len;
};
#endif

struct sockaddr {
  sa_family_t sa_family;
  char sa_data[0];
};

struct sockaddr_storage {
  sa_family_t ss_family;
  char __ss_data[32];
};

struct msghdr {
  struct iovec *msg_iov;
  int msg_iovlen;
  void *msg_control;
  size_t msg_controllen;
  int msg_flags;
};

struct cmsghdr {
  size_t cmsg_len;
  int cmsg_level;
  int cmsg_type;
};

#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_DATA(cmsg) ((unsigned char *)(cmsg) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_SPACE(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))

#define SCM_RIGHTS 1
#define SOL_SOCKET 0x7fffffff
#define SO_TYPE 1

// The values of CloudABI's file types.
#define SOCK_DGRAM 0x80
#define SOCK_STREAM 0x82

#define AF_UNSPEC 0
#define AF_INET 1
#define AF_INET6 2
#define AF_UNIX 3

// Receive flags (CloudABI's riflags) and result flags.
#define MSG_PEEK 0x4
#define MSG_WAITALL 0x10
#define MSG_CTRUNC 0x1
#define MSG_TRUNC 0x8
#define MSG_NOSIGNAL 0  // writes to a closed socket fail with EPIPE anyway

#define SHUT_RD 0x1
#define SHUT_WR 0x2
#define SHUT_RDWR (SHUT_RD | SHUT_WR)

__BEGIN_DECLS
int accept(int, struct sockaddr *__restrict, socklen_t *__restrict);
struct cmsghdr *CMSG_FIRSTHDR(const struct msghdr *);
struct cmsghdr *CMSG_NXTHDR(const struct msghdr *, const struct cmsghdr *);
int getsockopt(int, int, int, void *__restrict, socklen_t *__restrict);
ssize_t recv(int, void *, size_t, int);
ssize_t recvmsg(int, struct msghdr *, int);
ssize_t send(int, const void *, size_t, int);
ssize_t sendmsg(int, const struct msghdr *, int);
int shutdown(int, int);
int socketpair(int, int, int, int *);
__END_DECLS

#define CMSG_FIRSTHDR(mhdr)                                                                 \
  ((mhdr)->msg_controllen >= sizeof(struct cmsghdr) ? (struct cmsghdr *)(mhdr)->msg_control \
                                                    : (struct cmsghdr *)0)

#endif
