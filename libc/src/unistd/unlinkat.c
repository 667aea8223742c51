#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "errno_fixup.h"

static int finish(int fd, cloudabi_errno_t error) {
  if (error != 0) {
    errno = errno_fixup_directory((cloudabi_fd_t)fd, error);
    return -1;
  }
  return 0;
}

int unlinkat(int fd, const char *path, int flags) {
  if ((flags & ~AT_REMOVEDIR) != 0) {
    errno = EINVAL;
    return -1;
  }
  return finish(
      fd, cloudabi_sys_file_unlink((cloudabi_fd_t)fd, path, strlen(path),
                                   (flags & AT_REMOVEDIR) != 0 ? CLOUDABI_UNLINK_REMOVEDIR : 0));
}

int linkat(int fd1, const char *path1, int fd2, const char *path2, int flags) {
  if ((flags & ~AT_SYMLINK_FOLLOW) != 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_lookup_t lookup = {
      .fd = (cloudabi_fd_t)fd1,
      .flags = (flags & AT_SYMLINK_FOLLOW) != 0 ? CLOUDABI_LOOKUP_SYMLINK_FOLLOW : 0,
  };
  cloudabi_errno_t error = cloudabi_sys_file_link(lookup, path1, strlen(path1), (cloudabi_fd_t)fd2,
                                                  path2, strlen(path2));
  if (error != 0) error = errno_fixup_directory((cloudabi_fd_t)fd1, error);
  return finish(fd2, error);
}

int symlinkat(const char *target, int fd, const char *path) {
  return finish(
      fd, cloudabi_sys_file_symlink(target, strlen(target), (cloudabi_fd_t)fd, path, strlen(path)));
}

ssize_t readlinkat(int fd, const char *restrict path, char *restrict buf, size_t size) {
  size_t used;
  cloudabi_errno_t error =
      cloudabi_sys_file_readlink((cloudabi_fd_t)fd, path, strlen(path), buf, size, &used);
  if (finish(fd, error) != 0) return -1;
  return (ssize_t)used;
}

// There are no credentials, so access is decided by the rights of the
// directory descriptor: what it lets descriptors derived from it do. The
// file must exist.
int faccessat(int fd, const char *path, int mode, int flags) {
  if ((mode & ~(R_OK | W_OK | X_OK)) != 0 || (flags & ~AT_EACCESS) != 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_lookup_t lookup = {.fd = (cloudabi_fd_t)fd, .flags = CLOUDABI_LOOKUP_SYMLINK_FOLLOW};
  cloudabi_filestat_t st;
  cloudabi_errno_t error = cloudabi_sys_file_stat_get(lookup, path, strlen(path), &st);
  if (error != 0) return finish(fd, error);
  cloudabi_fdstat_t dir;
  error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &dir);
  if (error != 0) return finish(fd, error);
  cloudabi_rights_t needed = 0;
  if (mode & R_OK)
    needed |= st.st_filetype == CLOUDABI_FILETYPE_DIRECTORY ? CLOUDABI_RIGHT_FILE_READDIR
                                                            : CLOUDABI_RIGHT_FD_READ;
  if (mode & W_OK) needed |= CLOUDABI_RIGHT_FD_WRITE;
  if ((mode & X_OK) && st.st_filetype != CLOUDABI_FILETYPE_DIRECTORY)
    needed |= CLOUDABI_RIGHT_PROC_EXEC;
  if ((dir.fs_rights_inheriting & needed) != needed) {
    errno = EACCES;
    return -1;
  }
  return 0;
}
