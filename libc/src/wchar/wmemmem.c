#include <wchar.h>

#define TWOWAY_NAME wmemmem_twoway
#define TWOWAY_CHAR wchar_t
#include "twoway.h"

wchar_t *wmemmem(const wchar_t *haystack, size_t hlen, const wchar_t *needle, size_t nlen) {
  if (nlen == 0) return (wchar_t *)haystack;
  if (hlen < nlen) return NULL;
  const wchar_t *first = wmemchr(haystack, needle[0], hlen - nlen + 1);
  if (first == NULL) return NULL;
  if (nlen == 1) return (wchar_t *)first;
  return (wchar_t *)wmemmem_twoway(first, hlen - (size_t)(first - haystack), needle, nlen);
}

wchar_t *wcsstr(const wchar_t *restrict haystack, const wchar_t *restrict needle) {
  return wmemmem(haystack, wcslen(haystack), needle, wcslen(needle));
}
