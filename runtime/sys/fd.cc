// The fd_* system calls.
#include <limits.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/fd/fd_table.h"
#include "runtime/support/errno.h"
#include "syscalls.h"

using cloudabi::runtime::fd_table;
using cloudabi::runtime::FdEntry;
using cloudabi::runtime::last_errno;

// cloudabi_ciovec_t and struct iovec have the same layout on x86_64.
static_assert(sizeof(cloudabi_ciovec_t) == sizeof(iovec));
static_assert(offsetof(cloudabi_ciovec_t, buf_len) == offsetof(iovec, iov_len));

extern "C" cloudabi_errno_t cloudabi_rt_fd_write(cloudabi_fd_t fd, const cloudabi_ciovec_t* iovs,
                                                 size_t iovs_len, size_t* nwritten) {
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, CLOUDABI_RIGHT_FD_WRITE, 0, &e, "fd_write"))
    return error;
  if (iovs_len > IOV_MAX) return CLOUDABI_EINVAL;
  ssize_t n;
  do {
    n = writev(static_cast<int>(fd), reinterpret_cast<const iovec*>(iovs),
               static_cast<int>(iovs_len));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return last_errno();
  *nwritten = static_cast<size_t>(n);
  return 0;
}
