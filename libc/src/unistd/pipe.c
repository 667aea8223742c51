#include <cloudabi_syscalls.h>
#include <errno.h>
#include <unistd.h>

// A pair of connected stream sockets: both ends can read and write.
int pipe(int *fds) {
  cloudabi_fd_t a, b;
  cloudabi_errno_t error = cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  if (error != 0) {
    errno = error;
    return -1;
  }
  fds[0] = (int)a;
  fds[1] = (int)b;
  return 0;
}
