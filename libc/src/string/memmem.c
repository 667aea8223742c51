#include <string.h>

#define TWOWAY_NAME memmem_twoway
#define TWOWAY_CHAR unsigned char
#include "twoway.h"

void *memmem(const void *haystack, size_t hlen, const void *needle, size_t nlen) {
  const unsigned char *h = haystack, *n = needle;
  if (nlen == 0) return (void *)h;
  if (hlen < nlen) return NULL;
  if (nlen == 1) return memchr(h, n[0], hlen);
  // Skip to the first occurrence of the needle's first byte.
  const unsigned char *first = memchr(h, n[0], hlen - nlen + 1);
  if (first == NULL) return NULL;
  hlen -= (size_t)(first - h);
  return (void *)memmem_twoway(first, hlen, n, nlen);
}
