#include <wchar.h>

// Case folding of ASCII letters; other characters compare as they are.
static wchar_t fold(wchar_t c) { return c >= L'A' && c <= L'Z' ? c + (L'a' - L'A') : c; }

int wcsncasecmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n > 0; --n, ++a, ++b) {
    wchar_t c1 = fold(*a), c2 = fold(*b);
    if (c1 != c2) return c1 < c2 ? -1 : 1;
    if (c1 == L'\0') return 0;
  }
  return 0;
}

int wcscasecmp(const wchar_t *a, const wchar_t *b) { return wcsncasecmp(a, b, (size_t)-1); }

int wcscasecmp_l(const wchar_t *a, const wchar_t *b, locale_t locale) {
  (void)locale;
  return wcsncasecmp(a, b, (size_t)-1);
}

int wcsncasecmp_l(const wchar_t *a, const wchar_t *b, size_t n, locale_t locale) {
  (void)locale;
  return wcsncasecmp(a, b, n);
}
