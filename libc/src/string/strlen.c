#include <stdint.h>
#include <string.h>

#include "word.h"

size_t strlen(const char *s) {
  const char *p = s;
  for (; ((uintptr_t)p & (sizeof(uintptr_t) - 1)) != 0; ++p)
    if (*p == '\0') return (size_t)(p - s);
  // Aligned reads stay within the page holding the terminator.
  while (!word_has_zero(*(const word_t *)p)) p += sizeof(uintptr_t);
  while (*p != '\0') ++p;
  return (size_t)(p - s);
}
