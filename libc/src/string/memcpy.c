#include <stdint.h>
#include <string.h>

// Unaligned accesses that may alias anything: x86-64 handles them at full
// speed, and the compiler emits plain (vector) moves for them.
typedef unsigned char block16 __attribute__((__vector_size__(16), __aligned__(1), __may_alias__));
typedef uint64_t __attribute__((__aligned__(1), __may_alias__)) unaligned64;
typedef uint32_t __attribute__((__aligned__(1), __may_alias__)) unaligned32;

// Small and medium sizes copy the head and the tail with two possibly
// overlapping moves, loading both before storing. Larger ones copy 64 bytes
// per iteration to a 16-byte aligned destination and finish with the last
// 32 bytes, loaded up front.
void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (n <= 16) {
    if (n >= 8) {
      uint64_t a = *(const unaligned64 *)s, b = *(const unaligned64 *)(s + n - 8);
      *(unaligned64 *)d = a;
      *(unaligned64 *)(d + n - 8) = b;
    } else if (n >= 4) {
      uint32_t a = *(const unaligned32 *)s, b = *(const unaligned32 *)(s + n - 4);
      *(unaligned32 *)d = a;
      *(unaligned32 *)(d + n - 4) = b;
    } else if (n > 0) {
      unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
      d[0] = a;
      d[n / 2] = b;
      d[n - 1] = c;
    }
    return dst;
  }
  if (n <= 32) {
    block16 a = *(const block16 *)s, b = *(const block16 *)(s + n - 16);
    *(block16 *)d = a;
    *(block16 *)(d + n - 16) = b;
    return dst;
  }
  unsigned char *d_end = d + n;
  block16 tail0 = *(const block16 *)(s + n - 32), tail1 = *(const block16 *)(s + n - 16);
  *(block16 *)d = *(const block16 *)s;
  size_t skip = 16 - ((uintptr_t)d & 15);
  d += skip;
  s += skip;
  n -= skip;
  for (; n > 64; n -= 64, d += 64, s += 64) {
    block16 a = *(const block16 *)s, b = *(const block16 *)(s + 16);
    block16 c = *(const block16 *)(s + 32), e = *(const block16 *)(s + 48);
    *(block16 *)d = a;
    *(block16 *)(d + 16) = b;
    *(block16 *)(d + 32) = c;
    *(block16 *)(d + 48) = e;
  }
  for (; n > 32; n -= 32, d += 32, s += 32) {
    block16 a = *(const block16 *)s, b = *(const block16 *)(s + 16);
    *(block16 *)d = a;
    *(block16 *)(d + 16) = b;
  }
  *(block16 *)(d_end - 32) = tail0;
  *(block16 *)(d_end - 16) = tail1;
  return dst;
}
