#include <stdlib.h>
#include <wchar.h>

size_t wcslcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t size) {
  size_t len = wcslen(src);
  if (size > 0) {
    size_t n = len < size - 1 ? len : size - 1;
    wmemcpy(dst, src, n);
    dst[n] = L'\0';
  }
  return len;
}

size_t wcslcat(wchar_t *restrict dst, const wchar_t *restrict src, size_t size) {
  size_t used = wcsnlen(dst, size);
  if (used == size) return size + wcslen(src);
  return used + wcslcpy(dst + used, src, size - used);
}

wchar_t *wcpncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  size_t len = wcsnlen(src, n);
  wmemcpy(dst, src, len);
  wmemset(dst + len, L'\0', n - len);
  return dst + len;
}

wchar_t *wcsncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  wcpncpy(dst, src, n);
  return dst;
}

wchar_t *wcsndup(const wchar_t *s, size_t n) {
  size_t len = wcsnlen(s, n);
  wchar_t *copy = reallocarray(NULL, len + 1, sizeof(wchar_t));
  if (copy != NULL) {
    wmemcpy(copy, s, len);
    copy[len] = L'\0';
  }
  return copy;
}

wchar_t *wcsdup(const wchar_t *s) { return wcsndup(s, (size_t)-1); }
