#include <stdint.h>
#include <string.h>

#include "word.h"

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
