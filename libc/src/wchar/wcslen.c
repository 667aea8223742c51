#include <wchar.h>

size_t wcslen(const wchar_t *s) {
  const wchar_t *p = s;
  while (*p != L'\0') ++p;
  return (size_t)(p - s);
}

size_t wcsnlen(const wchar_t *s, size_t maxlen) {
  size_t n = 0;
  while (n < maxlen && s[n] != L'\0') ++n;
  return n;
}
