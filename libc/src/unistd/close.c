#include <cloudabi_syscalls.h>
#include <errno.h>
#include <unistd.h>

int close(int fd) {
  cloudabi_errno_t error = cloudabi_sys_fd_close((cloudabi_fd_t)fd);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

int dup(int fd) {
  cloudabi_fd_t newfd;
  cloudabi_errno_t error = cloudabi_sys_fd_dup((cloudabi_fd_t)fd, &newfd);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return (int)newfd;
}

// The target must already be open: CloudABI only replaces descriptors, it
// does not allocate chosen numbers (EBADF otherwise).
int dup2(int from, int to) {
  if (from == to) {
    cloudabi_fdstat_t fds;
    cloudabi_errno_t error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)from, &fds);
    if (error != 0) {
      errno = error;
      return -1;
    }
    return to;
  }
  cloudabi_errno_t error = cloudabi_sys_fd_replace((cloudabi_fd_t)from, (cloudabi_fd_t)to);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return to;
}

_Noreturn void _exit(int status) { cloudabi_sys_proc_exit((cloudabi_exitcode_t)status); }
