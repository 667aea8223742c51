#include <stdint.h>
#include <string.h>

#include "word.h"

#ifdef __SSE2__
// SSE2 compares, 64 bytes per iteration for long strings. Blocks are read
// aligned to their size, so a block never crosses a page boundary: the bytes
// read before the string or after its terminator lie on a page the string
// occupies, and cannot fault.
typedef unsigned char block16 __attribute__((__vector_size__(16), __may_alias__));
typedef char signed16 __attribute__((__vector_size__(16)));

// Bit i is set if byte i of the 16-byte block is zero.
static inline uint32_t zero_bits(block16 b) {
  const block16 zero = {0};
  return (uint16_t)__builtin_ia32_pmovmskb128((signed16)(b == zero));
}

// The same for 32 bytes.
static inline uint32_t zero_bits32(const block16 *p) {
  return zero_bits(p[0]) | zero_bits(p[1]) << 16;
}

size_t strlen(const char *s) {
  uintptr_t skip = (uintptr_t)s & 31;
  const block16 *p = (const block16 *)(s - skip);
  uint32_t mask = zero_bits32(p) >> skip;  // drop the bytes before s
  if (mask != 0) return (size_t)__builtin_ctz(mask);
  p += 2;
  if (((uintptr_t)p & 63) != 0) {  // one more 32-byte block to 64-byte alignment
    mask = zero_bits32(p);
    if (mask != 0) return (size_t)((const char *)p - s) + (size_t)__builtin_ctz(mask);
    p += 2;
  }
  for (;; p += 4) {
    // The bytewise minimum of the four blocks has a zero byte iff one of them
    // has.
    block16 low = __builtin_elementwise_min(p[0], p[1]);
    block16 high = __builtin_elementwise_min(p[2], p[3]);
    if (zero_bits(__builtin_elementwise_min(low, high)) != 0) break;
  }
  uint64_t bits = zero_bits32(p) | (uint64_t)zero_bits32(p + 2) << 32;
  return (size_t)((const char *)p - s) + (size_t)__builtin_ctzll(bits);
}
#else
size_t strlen(const char *s) {
  const char *p = s;
  for (; ((uintptr_t)p & (sizeof(uintptr_t) - 1)) != 0; ++p)
    if (*p == '\0') return (size_t)(p - s);
  // Aligned reads stay within the page holding the terminator.
  while (!word_has_zero(*(const word_t *)p)) p += sizeof(uintptr_t);
  while (*p != '\0') ++p;
  return (size_t)(p - s);
}
#endif
