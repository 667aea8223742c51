#include <wchar.h>

// Wide characters compare as the (signed) values of wchar_t.
int wcscmp(const wchar_t *a, const wchar_t *b) {
  for (; *a == *b; ++a, ++b)
    if (*a == L'\0') return 0;
  return *a < *b ? -1 : 1;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n > 0; --n, ++a, ++b) {
    if (*a != *b) return *a < *b ? -1 : 1;
    if (*a == L'\0') return 0;
  }
  return 0;
}

int wcscoll(const wchar_t *a, const wchar_t *b) { return wcscmp(a, b); }

int wcscoll_l(const wchar_t *a, const wchar_t *b, locale_t locale) {
  (void)locale;  // Collation is by code point.
  return wcscmp(a, b);
}

size_t wcsxfrm(wchar_t *restrict dst, const wchar_t *restrict src, size_t size) {
  size_t len = wcslen(src);
  if (len < size) wmemcpy(dst, src, len + 1);
  return len;
}

size_t wcsxfrm_l(wchar_t *restrict dst, const wchar_t *restrict src, size_t size, locale_t locale) {
  (void)locale;
  return wcsxfrm(dst, src, size);
}
