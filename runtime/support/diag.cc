#include "runtime/support/diag.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace cloudabi::runtime {

namespace {
int g_fd = 2;
}

void set_diagnostics_fd(int fd) { g_fd = fd; }
int diagnostics_fd() { return g_fd; }

void vdiag(const char* format, va_list args) {
  int saved = errno;
  char line[1024];
  int prefix = snprintf(line, sizeof(line), "cloudabi-run: ");
  int n = vsnprintf(line + prefix, sizeof(line) - prefix - 1, format, args);
  size_t len = prefix + (n < 0 ? 0 : static_cast<size_t>(n));
  if (len > sizeof(line) - 2) len = sizeof(line) - 2;
  line[len++] = '\n';
  for (size_t done = 0; done < len;) {
    ssize_t w = write(g_fd, line + done, len - done);
    if (w <= 0 && errno != EINTR) break;
    if (w > 0) done += static_cast<size_t>(w);
  }
  errno = saved;
}

void diag(const char* format, ...) {
  va_list args;
  va_start(args, format);
  vdiag(format, args);
  va_end(args);
}

}  // namespace cloudabi::runtime
