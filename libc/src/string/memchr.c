#include <stdint.h>
#include <string.h>

#include "word.h"

#ifdef __SSE2__
// 16 bytes per step with SSE2 compares. Blocks are read 16-byte aligned: a
// block holding at least one byte of the object lies on a page the object
// occupies, so reading its other bytes cannot fault.
typedef unsigned char block16 __attribute__((__vector_size__(16), __may_alias__));
typedef char signed16 __attribute__((__vector_size__(16)));

// Bit i is set if byte i of the block equals the pattern's bytes.
static inline uint32_t equal_bits(const block16 *p, block16 pattern) {
  return (uint16_t)__builtin_ia32_pmovmskb128((signed16)(*p == pattern));
}

void *memchr(const void *s, int c, size_t n) {
  if (n == 0) return NULL;
  const unsigned char *start = s;
  block16 pattern = (block16){0} + (unsigned char)c;
  uintptr_t skip = (uintptr_t)start & 15;
  const block16 *p = (const block16 *)(start - skip);
  uint32_t mask = equal_bits(p, pattern) >> skip;  // drop the bytes before s
  if (mask != 0) {
    size_t i = (size_t)__builtin_ctz(mask);
    return i < n ? (void *)(start + i) : NULL;
  }
  if (n <= 16 - skip) return NULL;
  n -= 16 - skip;
  for (++p; n >= 16; ++p, n -= 16) {
    mask = equal_bits(p, pattern);
    if (mask != 0) return (void *)((const unsigned char *)p + __builtin_ctz(mask));
  }
  if (n == 0) return NULL;
  mask = equal_bits(p, pattern) & ((1u << n) - 1);  // only the bytes before the end
  return mask != 0 ? (void *)((const unsigned char *)p + __builtin_ctz(mask)) : NULL;
}
#else
void *memchr(const void *s, int c, size_t n) {
  const unsigned char *p = s;
  unsigned char byte = (unsigned char)c;
  for (; n > 0 && ((uintptr_t)p & (sizeof(uintptr_t) - 1)) != 0; --n, ++p)
    if (*p == byte) return (void *)p;
  // Aligned words never cross a page boundary, so reading whole words
  // cannot fault even where the object ends inside one.
  uintptr_t pattern = (uintptr_t)byte * WORD_ONES;
  for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t), p += sizeof(uintptr_t)) {
    uintptr_t w = *(const word_t *)p;
    if (word_has_zero(w ^ pattern)) break;
  }
  for (; n > 0; --n, ++p)
    if (*p == byte) return (void *)p;
  return NULL;
}
#endif
