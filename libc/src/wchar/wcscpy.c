// The unsafe wide copying functions; wchar.h declares them only under
// _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS, bound to these reserved names.
#include <wchar.h>

wchar_t *__wcpcpy(wchar_t *restrict, const wchar_t *restrict);
wchar_t *__wcscat(wchar_t *restrict, const wchar_t *restrict);
wchar_t *__wcscpy(wchar_t *restrict, const wchar_t *restrict);
wchar_t *__wcsncat(wchar_t *restrict, const wchar_t *restrict, size_t);

wchar_t *__wcpcpy(wchar_t *restrict dst, const wchar_t *restrict src) {
  size_t len = wcslen(src);
  wmemcpy(dst, src, len + 1);
  return dst + len;
}

wchar_t *__wcscpy(wchar_t *restrict dst, const wchar_t *restrict src) {
  __wcpcpy(dst, src);
  return dst;
}

wchar_t *__wcscat(wchar_t *restrict dst, const wchar_t *restrict src) {
  __wcpcpy(dst + wcslen(dst), src);
  return dst;
}

wchar_t *__wcsncat(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  wchar_t *end = dst + wcslen(dst);
  size_t len = wcsnlen(src, n);
  wmemcpy(end, src, len);
  end[len] = L'\0';
  return dst;
}
