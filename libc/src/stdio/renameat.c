#include <cloudabi_syscalls.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "errno_fixup.h"

int renameat(int oldfd, const char *old, int newfd, const char *new) {
  cloudabi_errno_t error = cloudabi_sys_file_rename((cloudabi_fd_t)oldfd, old, strlen(old),
                                                    (cloudabi_fd_t)newfd, new, strlen(new));
  if (error != 0) {
    error = errno_fixup_directory((cloudabi_fd_t)oldfd, error);
    errno = errno_fixup_directory((cloudabi_fd_t)newfd, error);
    return -1;
  }
  return 0;
}
