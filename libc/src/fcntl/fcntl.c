#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>

// Descriptors are never inherited implicitly (programs pass them on
// explicitly), so every descriptor behaves as close-on-exec. The file status
// flags are the descriptor's CloudABI flags plus an access mode derived from
// its rights.
int fcntl(int fd, int cmd, ...) {
  cloudabi_fdstat_t fds;
  cloudabi_errno_t error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &fds);
  if (error != 0) {
    errno = error;
    return -1;
  }
  switch (cmd) {
    case F_GETFD:
      return FD_CLOEXEC;
    case F_SETFD:
      return 0;
    case F_GETFL: {
      int flags = fds.fs_flags;
      if (fds.fs_rights_base & (CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_READDIR))
        flags |= O_RDONLY;
      if (fds.fs_rights_base & CLOUDABI_RIGHT_FD_WRITE) flags |= O_WRONLY;
      if ((flags & O_RDWR) == 0) {
        if (fds.fs_rights_base & CLOUDABI_RIGHT_PROC_EXEC)
          flags |= O_EXEC;
        else if (fds.fs_rights_base & CLOUDABI_RIGHT_FILE_OPEN)
          flags |= O_SEARCH;
      }
      return flags;
    }
    case F_SETFL: {
      va_list ap;
      va_start(ap, cmd);
      int flags = va_arg(ap, int);
      va_end(ap);
      cloudabi_fdstat_t update = {.fs_flags = (cloudabi_fdflags_t)(flags & 0xfff)};
      error = cloudabi_sys_fd_stat_put((cloudabi_fd_t)fd, &update, CLOUDABI_FDSTAT_FLAGS);
      if (error != 0) {
        errno = error;
        return -1;
      }
      return 0;
    }
    default:
      errno = EINVAL;
      return -1;
  }
}
