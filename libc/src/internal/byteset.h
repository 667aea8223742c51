// A set of bytes, for the strspn() family.
#ifndef LIBC_BYTESET_H
#define LIBC_BYTESET_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct {
  uint64_t bits[4];
} byteset_t;

// The set of the bytes of s, plus the terminating null byte.
static inline void byteset_init(byteset_t *set, const char *s) {
  set->bits[0] = 1;
  set->bits[1] = set->bits[2] = set->bits[3] = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; ++p)
    set->bits[*p >> 6] |= (uint64_t)1 << (*p & 63);
}

static inline bool byteset_has(const byteset_t *set, unsigned char c) {
  return (set->bits[c >> 6] >> (c & 63)) & 1;
}

#endif
