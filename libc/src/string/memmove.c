#include <stdint.h>
#include <string.h>

typedef unsigned char block16 __attribute__((__vector_size__(16), __aligned__(1), __may_alias__));

// Overlapping copies go 16 bytes at a time in the direction that reads every
// source byte before it is overwritten (memcpy's overlapping tail moves
// would not be safe here).
void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if ((uintptr_t)d - (uintptr_t)s >= n && (uintptr_t)s - (uintptr_t)d >= n)
    return memcpy(dst, src, n);  // no overlap at all
  if (d < s) {
    for (; n >= 16; n -= 16, d += 16, s += 16) {
      block16 a = *(const block16 *)s;
      *(block16 *)d = a;
    }
    for (; n > 0; --n) *d++ = *s++;
  } else {
    for (; n >= 16; n -= 16) {
      block16 a = *(const block16 *)(s + n - 16);
      *(block16 *)(d + n - 16) = a;
    }
    while (n-- > 0) d[n] = s[n];
  }
  return dst;
}
