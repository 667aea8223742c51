#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>

// Both return an error number instead of setting errno.
int posix_fadvise(int fd, off_t offset, off_t len, int advice) {
  if (offset < 0 || len < 0) return EINVAL;
  return cloudabi_sys_file_advise((cloudabi_fd_t)fd, (cloudabi_filesize_t)offset,
                                  (cloudabi_filesize_t)len, (cloudabi_advice_t)advice);
}

int posix_fallocate(int fd, off_t offset, off_t len) {
  if (offset < 0 || len <= 0) return EINVAL;
  return cloudabi_sys_file_allocate((cloudabi_fd_t)fd, (cloudabi_filesize_t)offset,
                                    (cloudabi_filesize_t)len);
}
