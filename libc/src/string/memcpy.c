#include <stdint.h>
#include <string.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  // Word-sized copies when both pointers share their alignment.
  if ((((uintptr_t)d ^ (uintptr_t)s) & (sizeof(uintptr_t) - 1)) == 0) {
    for (; n > 0 && ((uintptr_t)d & (sizeof(uintptr_t) - 1)) != 0; --n) *d++ = *s++;
    for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t)) {
      uintptr_t w;
      __builtin_memcpy(&w, s, sizeof(w));
      __builtin_memcpy(d, &w, sizeof(w));
      d += sizeof(w);
      s += sizeof(w);
    }
  }
  for (; n > 0; --n) *d++ = *s++;
  return dst;
}
