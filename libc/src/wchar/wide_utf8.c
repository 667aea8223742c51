#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "locale_impl.h"
#include "wide_impl.h"

char *__wcs_to_utf8(const wchar_t *ws) {
  size_t len = 0;
  char buf[4];
  for (const wchar_t *p = ws; *p != L'\0'; ++p) {
    size_t n = __c32tomb(CHARSET_UTF8, buf, (char32_t)*p);
    if (n == (size_t)-1) return NULL;
    len += n;
  }
  char *s = malloc(len + 1);
  if (s == NULL) return NULL;
  size_t pos = 0;
  for (const wchar_t *p = ws; *p != L'\0'; ++p)
    pos += __c32tomb(CHARSET_UTF8, s + pos, (char32_t)*p);
  s[pos] = '\0';
  return s;
}

size_t __utf8_to_wcs(wchar_t *out, size_t room, const char *s, size_t len) {
  mbstate_t st = {0};
  size_t count = 0;
  while (len > 0) {
    char32_t c;
    size_t r = __mbrtoc32(CHARSET_UTF8, &c, s, len, &st);
    if (r == (size_t)-1 || r == (size_t)-2) {
      errno = EILSEQ;
      return (size_t)-1;
    }
    if (r == 0) r = 1;  // an embedded null character
    if (count < room) out[count] = (wchar_t)c;
    ++count;
    s += r;
    len -= r;
  }
  return count;
}
