#include <cloudabi_syscalls.h>
#include <errno.h>
#include <unistd.h>

off_t lseek(int fd, off_t offset, int whence) {
  cloudabi_filesize_t pos;
  cloudabi_errno_t error =
      cloudabi_sys_fd_seek((cloudabi_fd_t)fd, offset, (cloudabi_whence_t)whence, &pos);
  if (error != 0) {
    // Sockets (and so pipes) have no seek rights: to POSIX that is ESPIPE.
    cloudabi_fdstat_t fds;
    if (error == ENOTCAPABLE && cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &fds) == 0 &&
        (fds.fs_filetype & 0xf0) == 0x80)
      error = ESPIPE;
    errno = error;
    return -1;
  }
  return (off_t)pos;
}
