// random_get: the kernel's CSPRNG.
#include <sys/random.h>

#include <cerrno>

#include "runtime/support/errno.h"
#include "syscalls.h"

extern "C" cloudabi_errno_t cloudabi_rt_random_get(void* buf, size_t buf_len) {
  char* p = static_cast<char*>(buf);
  while (buf_len > 0) {
    ssize_t n = getrandom(p, buf_len, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return cloudabi::runtime::last_errno();
    }
    p += n;
    buf_len -= static_cast<size_t>(n);
  }
  return 0;
}
