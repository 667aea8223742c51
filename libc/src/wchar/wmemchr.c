#include <string.h>
#include <wchar.h>

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n) {
  for (; n > 0; --n, ++s)
    if (*s == c) return (wchar_t *)s;
  return NULL;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n > 0; --n, ++a, ++b)
    if (*a != *b) return *a < *b ? -1 : 1;
  return 0;
}

wchar_t *wmemcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  return memcpy(dst, src, n * sizeof(wchar_t));
}

wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n) {
  return memmove(dst, src, n * sizeof(wchar_t));
}

wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n) {
  for (size_t i = 0; i < n; ++i) s[i] = c;
  return s;
}
