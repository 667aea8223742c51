#include <unistd.h>

// Copies n bytes (rounded down to an even number) exchanging adjacent bytes.
void swab(const void *restrict from, void *restrict to, ssize_t n) {
  const unsigned char *f = from;
  unsigned char *t = to;
  for (ssize_t i = 0; i + 1 < n; i += 2) {
    t[i] = f[i + 1];
    t[i + 1] = f[i];
  }
}
