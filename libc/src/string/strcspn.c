#include <string.h>

#include "byteset.h"

size_t strcspn(const char *s, const char *reject) {
  byteset_t set;
  byteset_init(&set, reject);
  size_t n = 0;
  while (!byteset_has(&set, (unsigned char)s[n])) ++n;
  return n;
}
