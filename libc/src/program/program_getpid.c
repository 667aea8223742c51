#include <program.h>
#include <stdatomic.h>
#include <stdint.h>

#include "libc_start.h"

// The 16-byte AT_PID value as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
const char *program_getpid(void) {
  static char text[37];
  static atomic_int done;
  if (atomic_load_explicit(&done, memory_order_acquire) == 0) {
    static const char hex[] = "0123456789abcdef";
    const uint8_t *id = __at_pid;
    char tmp[37];
    size_t n = 0;
    for (int i = 0; i < 16; ++i) {
      if (i == 4 || i == 6 || i == 8 || i == 10) tmp[n++] = '-';
      uint8_t b = id != NULL ? id[i] : 0;
      tmp[n++] = hex[b >> 4];
      tmp[n++] = hex[b & 0xf];
    }
    tmp[n] = '\0';
    // Every thread computes the same text, so a race is harmless.
    for (size_t i = 0; i <= n; ++i) text[i] = tmp[i];
    atomic_store_explicit(&done, 1, memory_order_release);
  }
  return text;
}

void program_get_raw_argdata(const void **data, size_t *len) {
  *data = __at_argdata;
  *len = __at_argdatalen;
}
