#include <stdint.h>
#include <string.h>

void *memset(void *s, int c, size_t n) {
  unsigned char *p = s;
  unsigned char byte = (unsigned char)c;
  for (; n > 0 && ((uintptr_t)p & (sizeof(uintptr_t) - 1)) != 0; --n) *p++ = byte;
  if (n >= sizeof(uintptr_t)) {
    uintptr_t word = (uintptr_t)byte * (UINTPTR_MAX / 0xff);
    for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t), p += sizeof(uintptr_t))
      __builtin_memcpy(p, &word, sizeof(word));
  }
  for (; n > 0; --n) *p++ = byte;
  return s;
}
