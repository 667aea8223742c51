#include <cloudabi_syscalls.h>
#include <errno.h>
#include <unistd.h>

int fsync(int fd) {
  cloudabi_errno_t error = cloudabi_sys_fd_sync((cloudabi_fd_t)fd);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

int fdatasync(int fd) {
  cloudabi_errno_t error = cloudabi_sys_fd_datasync((cloudabi_fd_t)fd);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

int ftruncate(int fd, off_t length) {
  if (length < 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_filestat_t fs = {.st_size = (cloudabi_filesize_t)length};
  cloudabi_errno_t error =
      cloudabi_sys_file_stat_fput((cloudabi_fd_t)fd, &fs, CLOUDABI_FILESTAT_SIZE);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}
