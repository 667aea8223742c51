#include <wchar.h>

size_t wcsspn(const wchar_t *s, const wchar_t *accept) {
  size_t n = 0;
  while (s[n] != L'\0' && wcschr(accept, s[n]) != NULL) ++n;
  return n;
}

size_t wcscspn(const wchar_t *s, const wchar_t *reject) {
  size_t n = 0;
  while (s[n] != L'\0' && wcschr(reject, s[n]) == NULL) ++n;
  return n;
}

wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept) {
  s += wcscspn(s, accept);
  return *s != L'\0' ? (wchar_t *)s : NULL;
}

wchar_t *wcstok(wchar_t *restrict s, const wchar_t *restrict delim, wchar_t **restrict state) {
  if (s == NULL) s = *state;
  if (s == NULL) return NULL;
  s += wcsspn(s, delim);
  if (*s == L'\0') {
    *state = NULL;
    return NULL;
  }
  wchar_t *end = s + wcscspn(s, delim);
  if (*end == L'\0') {
    *state = NULL;
  } else {
    *end = L'\0';
    *state = end + 1;
  }
  return s;
}
