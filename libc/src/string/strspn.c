#include <string.h>

#include "byteset.h"

size_t strspn(const char *s, const char *accept) {
  byteset_t set;
  byteset_init(&set, accept);
  // The terminator is in the set, but never part of the span.
  size_t n = 0;
  while (s[n] != '\0' && byteset_has(&set, (unsigned char)s[n])) ++n;
  return n;
}
