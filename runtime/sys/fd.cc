// The fd_* system calls.
//
// Descriptor numbers are Linux's; the table (runtime/fd/fd_table.h) says which
// of them the program may use and with which rights. Calls that end or replace
// a descriptor (fd_close, fd_replace) and the calls that copy or rewrite an
// entry (fd_dup, fd_stat_put with RIGHTS) hold descriptor_lifecycle_mutex()
// (shared with proc_fork and proc_exec) across both the
// Linux operation and the table update, so that the table never describes a
// number Linux has already closed or reused. Calls that only create new
// descriptors need no such lock: Linux never hands out a number that is still
// open, and a closing call removes the entry before it closes the number.
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

#include "runtime/fd/fd_table.h"
#include "runtime/fd/rights.h"
#include "runtime/proc/process.h"
#include "runtime/support/errno.h"
#include "runtime/support/unique_fd.h"
#include "syscalls.h"

using cloudabi::runtime::fd_table;
using cloudabi::runtime::FdEntry;
using cloudabi::runtime::last_errno;

// cloudabi_(c)iovec_t and struct iovec have the same layout on x86_64.
static_assert(sizeof(cloudabi_ciovec_t) == sizeof(iovec));
static_assert(offsetof(cloudabi_ciovec_t, buf_len) == offsetof(iovec, iov_len));
static_assert(sizeof(cloudabi_iovec_t) == sizeof(iovec));
static_assert(offsetof(cloudabi_iovec_t, buf_len) == offsetof(iovec, iov_len));

// Linux 6.3; Debian 12's headers predate it.
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif

namespace {

// Closes a descriptor the program no longer has: a process descriptor ends
// its child, anything else is simply closed.
void release(int fd, cloudabi_filetype_t type) {
  if (type == CLOUDABI_FILETYPE_PROCESS) {
    cloudabi::runtime::close_process_descriptor(fd);
  } else {
    close(fd);
  }
}

// Adds a new descriptor with the given type and the most rights that type
// allows.
cloudabi_fd_t install(int fd, cloudabi_filetype_t type, const char* origin) {
  cloudabi::runtime::RightsPair max = cloudabi::runtime::max_rights(type);
  fd_table().set(fd, FdEntry{type, max.base, max.inheriting}, origin);
  return static_cast<cloudabi_fd_t>(fd);
}

}  // namespace

extern "C" cloudabi_errno_t cloudabi_rt_fd_close(cloudabi_fd_t fd) {
  std::lock_guard lock(cloudabi::runtime::descriptor_lifecycle_mutex());
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, &e)) return error;
  fd_table().erase(static_cast<int>(fd));
  release(static_cast<int>(fd), e.type);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_create1(cloudabi_filetype_t type, cloudabi_fd_t* fd) {
  if (type != CLOUDABI_FILETYPE_SHARED_MEMORY) return CLOUDABI_EINVAL;
  // MFD_NOEXEC_SEAL (Linux 6.3+) keeps the file from ever becoming
  // executable, and its F_SEAL_EXEC seal lets describe_fd() recognise the
  // descriptor as shared memory when it is passed on (sockets, exec).
  int nfd = memfd_create("cloudabi-shared-memory", MFD_NOEXEC_SEAL);
  if (nfd < 0 && errno == EINVAL) nfd = memfd_create("cloudabi-shared-memory", 0);
  if (nfd < 0) return last_errno();
  *fd = install(nfd, CLOUDABI_FILETYPE_SHARED_MEMORY, "fd_create1");
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_create2(cloudabi_filetype_t type, cloudabi_fd_t* fd1,
                                                   cloudabi_fd_t* fd2) {
  int socktype;
  switch (type) {
    case CLOUDABI_FILETYPE_SOCKET_DGRAM:
      socktype = SOCK_DGRAM;
      break;
    case CLOUDABI_FILETYPE_SOCKET_STREAM:
      socktype = SOCK_STREAM;
      break;
    default:
      return CLOUDABI_EINVAL;
  }
  int fds[2];
  if (socketpair(AF_UNIX, socktype, 0, fds) != 0) return last_errno();
  *fd1 = install(fds[0], type, "fd_create2");
  *fd2 = install(fds[1], type, "fd_create2");
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_datasync(cloudabi_fd_t fd) {
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, CLOUDABI_RIGHT_FD_DATASYNC, 0, &e, "fd_datasync"))
    return error;
  if (fdatasync(static_cast<int>(fd)) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_dup(cloudabi_fd_t from, cloudabi_fd_t* fd) {
  std::lock_guard lock(cloudabi::runtime::descriptor_lifecycle_mutex());
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(from, &e)) return error;
  int nfd = fcntl(static_cast<int>(from), F_DUPFD, 0);
  if (nfd < 0) return last_errno();
  fd_table().set(nfd, e, fd_table().origin(static_cast<int>(from)));
  *fd = static_cast<cloudabi_fd_t>(nfd);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_pread(cloudabi_fd_t fd, const cloudabi_iovec_t* iovs,
                                                 size_t iovs_len, cloudabi_filesize_t offset,
                                                 size_t* nread) {
  if (iovs_len == 0) return CLOUDABI_EINVAL;
  FdEntry e;
  if (cloudabi_errno_t error =
          fd_table().get(fd, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK, 0, &e, "fd_pread"))
    return error;
  if (iovs_len > IOV_MAX) return CLOUDABI_EINVAL;
  // Offsets beyond INT64_MAX become negative: Linux answers EINVAL.
  ssize_t n;
  do {
    n = preadv(static_cast<int>(fd), reinterpret_cast<const iovec*>(iovs),
               static_cast<int>(iovs_len), static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return last_errno();
  *nread = static_cast<size_t>(n);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_pwrite(cloudabi_fd_t fd, const cloudabi_ciovec_t* iovs,
                                                  size_t iovs_len, cloudabi_filesize_t offset,
                                                  size_t* nwritten) {
  if (iovs_len == 0) return CLOUDABI_EINVAL;
  FdEntry e;
  if (cloudabi_errno_t error =
          fd_table().get(fd, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK, 0, &e, "fd_pwrite"))
    return error;
  if (iovs_len > IOV_MAX) return CLOUDABI_EINVAL;
  ssize_t n;
  do {
    n = pwritev(static_cast<int>(fd), reinterpret_cast<const iovec*>(iovs),
                static_cast<int>(iovs_len), static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return last_errno();
  *nwritten = static_cast<size_t>(n);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_read(cloudabi_fd_t fd, const cloudabi_iovec_t* iovs,
                                                size_t iovs_len, size_t* nread) {
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, CLOUDABI_RIGHT_FD_READ, 0, &e, "fd_read"))
    return error;
  if (iovs_len > IOV_MAX) return CLOUDABI_EINVAL;
  ssize_t n;
  do {
    n = readv(static_cast<int>(fd), reinterpret_cast<const iovec*>(iovs),
              static_cast<int>(iovs_len));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return last_errno();
  *nread = static_cast<size_t>(n);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_replace(cloudabi_fd_t from, cloudabi_fd_t to) {
  std::lock_guard lock(cloudabi::runtime::descriptor_lifecycle_mutex());
  FdEntry e_from, e_to;
  if (cloudabi_errno_t error = fd_table().get(from, &e_from)) return error;
  if (cloudabi_errno_t error = fd_table().get(to, &e_to)) return error;
  if (from == to) return 0;
  // A process descriptor being replaced must still end its child, which
  // needs the descriptor: keep a copy of it until dup3 has done its work.
  cloudabi::UniqueFd old_process;
  if (e_to.type == CLOUDABI_FILETYPE_PROCESS) {
    old_process.reset(fcntl(static_cast<int>(to), F_DUPFD_CLOEXEC, 0));
    if (!old_process.valid()) return last_errno();
  }
  if (dup3(static_cast<int>(from), static_cast<int>(to), 0) < 0) return last_errno();
  fd_table().set(static_cast<int>(to), e_from, fd_table().origin(static_cast<int>(from)));
  if (old_process.valid()) release(old_process.release(), CLOUDABI_FILETYPE_PROCESS);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_seek(cloudabi_fd_t fd, cloudabi_filedelta_t offset,
                                                cloudabi_whence_t whence,
                                                cloudabi_filesize_t* newoffset) {
  int linux_whence;
  switch (whence) {
    case CLOUDABI_WHENCE_CUR:
      linux_whence = SEEK_CUR;
      break;
    case CLOUDABI_WHENCE_END:
      linux_whence = SEEK_END;
      break;
    case CLOUDABI_WHENCE_SET:
      linux_whence = SEEK_SET;
      break;
    default:
      return CLOUDABI_EINVAL;
  }
  // Asking where the offset is needs FD_TELL only; moving it needs FD_SEEK.
  cloudabi_rights_t needed = offset == 0 && whence == CLOUDABI_WHENCE_CUR
                                 ? CLOUDABI_RIGHT_FD_TELL
                                 : CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_TELL;
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, needed, 0, &e, "fd_seek")) return error;
  off_t r = lseek(static_cast<int>(fd), offset, linux_whence);
  if (r < 0) return last_errno();
  *newoffset = static_cast<cloudabi_filesize_t>(r);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_stat_get(cloudabi_fd_t fd, cloudabi_fdstat_t* buf) {
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, &e)) return error;
  int flags = fcntl(static_cast<int>(fd), F_GETFL);
  if (flags < 0) return last_errno();
  cloudabi_fdstat_t out{};
  out.fs_filetype = e.type;
  if ((flags & O_APPEND) != 0) out.fs_flags |= CLOUDABI_FDFLAG_APPEND;
  if ((flags & O_NONBLOCK) != 0) out.fs_flags |= CLOUDABI_FDFLAG_NONBLOCK;
  // On Linux O_SYNC includes the O_DSYNC bit and O_RSYNC equals O_SYNC.
  if ((flags & O_SYNC) == O_SYNC) {
    out.fs_flags |= CLOUDABI_FDFLAG_SYNC;
  } else if ((flags & O_DSYNC) != 0) {
    out.fs_flags |= CLOUDABI_FDFLAG_DSYNC;
  }
  out.fs_rights_base = e.base;
  out.fs_rights_inheriting = e.inheriting;
  *buf = out;
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_stat_put(cloudabi_fd_t fd, const cloudabi_fdstat_t* buf,
                                                    cloudabi_fdsflags_t flags) {
  if (flags == CLOUDABI_FDSTAT_FLAGS) {
    cloudabi_fdflags_t requested = buf->fs_flags;
    FdEntry e;
    if (cloudabi_errno_t error =
            fd_table().get(fd, CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS, 0, &e, "fd_stat_put"))
      return error;
    int current = fcntl(static_cast<int>(fd), F_GETFL);
    if (current < 0) return last_errno();
    int linux_flags = current & ~(O_APPEND | O_NONBLOCK);
    if ((requested & CLOUDABI_FDFLAG_APPEND) != 0) linux_flags |= O_APPEND;
    if ((requested & CLOUDABI_FDFLAG_NONBLOCK) != 0) linux_flags |= O_NONBLOCK;
    // Linux cannot change the synchronisation flags of an open file; F_SETFL
    // ignores them, exactly as it does for a native program.
    if ((requested & CLOUDABI_FDFLAG_DSYNC) != 0) linux_flags |= O_DSYNC;
    if ((requested & (CLOUDABI_FDFLAG_RSYNC | CLOUDABI_FDFLAG_SYNC)) != 0) linux_flags |= O_SYNC;
    if (fcntl(static_cast<int>(fd), F_SETFL, linux_flags) != 0) return last_errno();
    return 0;
  }
  if (flags == CLOUDABI_FDSTAT_RIGHTS) {
    cloudabi_rights_t base = buf->fs_rights_base;
    cloudabi_rights_t inheriting = buf->fs_rights_inheriting;
    std::lock_guard lock(cloudabi::runtime::descriptor_lifecycle_mutex());
    // Rights only shrink: asking for one the descriptor lacks is ENOTCAPABLE.
    FdEntry e;
    if (cloudabi_errno_t error = fd_table().get(fd, base, inheriting, &e, "fd_stat_put"))
      return error;
    e.base = base;
    e.inheriting = inheriting;
    fd_table().set(static_cast<int>(fd), e, fd_table().origin(static_cast<int>(fd)));
    return 0;
  }
  return CLOUDABI_EINVAL;
}

extern "C" cloudabi_errno_t cloudabi_rt_fd_sync(cloudabi_fd_t fd) {
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, CLOUDABI_RIGHT_FD_SYNC, 0, &e, "fd_sync"))
    return error;
  if (fsync(static_cast<int>(fd)) != 0) return last_errno();
  return 0;
}

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
