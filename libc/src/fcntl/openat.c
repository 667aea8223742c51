#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "errno_fixup.h"

// Rights that only make sense for reading and for writing.
#define READ_RIGHTS (CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_READDIR)
#define WRITE_RIGHTS                                                                     \
  (CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ALLOCATE | \
   CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE)

// The new descriptor asks for every right the directory may hand out
// (its inheriting rights), except those contradicting the access mode; the
// system drops the rights that do not apply to the type of file opened. The
// access mode itself must be allowed: reading needs FD_READ or
// FILE_READDIR, writing FD_WRITE, O_EXEC PROC_EXEC; if the directory cannot
// grant it, the result is ENOTCAPABLE. The mode argument is accepted and
// ignored: there are no file permissions.
int openat(int fd, const char *path, int oflag, ...) {
  cloudabi_rights_t max = ~(cloudabi_rights_t)0, needed_any = 0, needed_all = 0;
  switch (oflag & O_ACCMODE) {
    case O_RDONLY:
      max &= ~WRITE_RIGHTS;
      needed_any = READ_RIGHTS;
      break;
    case O_WRONLY:
      max &= ~READ_RIGHTS;
      needed_all = CLOUDABI_RIGHT_FD_WRITE;
      break;
    case O_RDWR:
      needed_any = READ_RIGHTS;
      needed_all = CLOUDABI_RIGHT_FD_WRITE;
      break;
    case O_EXEC:
      max &= ~(READ_RIGHTS | WRITE_RIGHTS);
      needed_all = CLOUDABI_RIGHT_PROC_EXEC;
      break;
    case O_SEARCH:
      max &= ~(READ_RIGHTS | WRITE_RIGHTS);
      break;
    default:
      errno = EINVAL;
      return -1;
  }
  if ((oflag & ~(O_ACCMODE | O_NOFOLLOW | 0xffffff)) != 0) {
    errno = EINVAL;
    return -1;
  }

  cloudabi_fdstat_t dir;
  cloudabi_errno_t error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &dir);
  if (error != 0) {
    errno = error;
    return -1;
  }
  if ((needed_any != 0 && (dir.fs_rights_inheriting & needed_any) == 0) ||
      (dir.fs_rights_inheriting & needed_all) != needed_all) {
    errno = errno_fixup_directory((cloudabi_fd_t)fd, ENOTCAPABLE);
    return -1;
  }

  cloudabi_fdstat_t fds = {
      .fs_flags = (cloudabi_fdflags_t)(oflag & 0xfff),
      .fs_rights_base = max & dir.fs_rights_inheriting,
      .fs_rights_inheriting = dir.fs_rights_inheriting,
  };
  cloudabi_lookup_t lookup = {
      .fd = (cloudabi_fd_t)fd,
      .flags = (oflag & O_NOFOLLOW) != 0 ? 0 : CLOUDABI_LOOKUP_SYMLINK_FOLLOW,
  };
  cloudabi_fd_t newfd;
  error = cloudabi_sys_file_open(lookup, path, strlen(path),
                                 (cloudabi_oflags_t)((oflag >> 12) & 0xfff), &fds, &newfd);
  if (error != 0) {
    errno = errno_fixup_directory((cloudabi_fd_t)fd, error);
    return -1;
  }
  return (int)newfd;
}
