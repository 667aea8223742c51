#include <wchar.h>

wchar_t *wcschr(const wchar_t *s, wchar_t c) {
  for (;; ++s) {
    if (*s == c) return (wchar_t *)s;
    if (*s == L'\0') return NULL;
  }
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c) {
  const wchar_t *last = NULL;
  for (;; ++s) {
    if (*s == c) last = s;
    if (*s == L'\0') return (wchar_t *)last;
  }
}
