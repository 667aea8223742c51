// The payload of nan("n-char-sequence"): the sequence read as an unsigned
// integer (decimal, or octal/hex with the usual prefixes, as strtoull does).
// Anything else, including the empty string, gives payload 0.
#ifndef LIBC_MATH_NAN_PAYLOAD_H
#define LIBC_MATH_NAN_PAYLOAD_H

#include <stdint.h>
#include <stdlib.h>

static inline uint64_t nan_payload(const char *tag) {
  if (tag == NULL || *tag == '\0') return 0;
  char *end;
  unsigned long long v = strtoull(tag, &end, 0);
  return *end == '\0' ? v : 0;
}

#endif
