// Translations of ENOTCAPABLE into what POSIX programs expect when the
// missing right is explained by the descriptor's type: a file where a
// directory was needed, a non-socket passed to a socket call, and so on.
#ifndef LIBC_ERRNO_FIXUP_H
#define LIBC_ERRNO_FIXUP_H

#include <cloudabi_syscalls.h>

static inline cloudabi_errno_t errno_fixup_type(cloudabi_fd_t fd, cloudabi_errno_t error,
                                                unsigned int mask, unsigned int type,
                                                cloudabi_errno_t replacement) {
  if (error == CLOUDABI_ENOTCAPABLE) {
    cloudabi_fdstat_t fds;
    if (cloudabi_sys_fd_stat_get(fd, &fds) == 0 && (fds.fs_filetype & mask) != type)
      return replacement;
  }
  return error;
}

// ENOTCAPABLE on something that is not a directory: ENOTDIR.
static inline cloudabi_errno_t errno_fixup_directory(cloudabi_fd_t fd, cloudabi_errno_t error) {
  return errno_fixup_type(fd, error, 0xff, CLOUDABI_FILETYPE_DIRECTORY, CLOUDABI_ENOTDIR);
}

// ENOTCAPABLE on something that is not a socket: ENOTSOCK.
static inline cloudabi_errno_t errno_fixup_socket(cloudabi_fd_t fd, cloudabi_errno_t error) {
  return errno_fixup_type(fd, error, 0xf0, 0x80, CLOUDABI_ENOTSOCK);
}

// ENOTCAPABLE on something that is not a process: EINVAL.
static inline cloudabi_errno_t errno_fixup_process(cloudabi_fd_t fd, cloudabi_errno_t error) {
  return errno_fixup_type(fd, error, 0xff, CLOUDABI_FILETYPE_PROCESS, CLOUDABI_EINVAL);
}

#endif
