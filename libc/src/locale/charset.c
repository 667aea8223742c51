// The character sets: ASCII (the C locale) and UTF-8.
#include <errno.h>
#include <stdint.h>

#include "locale_impl.h"

static size_t invalid(mbstate_t *ps) {
  *ps = (mbstate_t){0};
  errno = EILSEQ;
  return (size_t)-1;
}

static size_t decode_utf8(char32_t *restrict pc, const unsigned char *restrict s, size_t n,
                          mbstate_t *restrict ps) {
  uint32_t remaining = ps->__bytes & 0xff, total = ps->__bytes >> 8, value = ps->__value;
  size_t i = 0;
  if (remaining == 0) {
    if (n == 0) return (size_t)-2;
    unsigned char c = s[i++];
    if (c < 0x80) {
      if (pc != NULL) *pc = c;
      return c != 0 ? 1 : 0;
    } else if (c >= 0xc2 && c <= 0xdf) {
      total = 2;
      value = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      total = 3;
      value = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      total = 4;
      value = c & 0x07;
    } else {
      return invalid(ps);
    }
    remaining = total - 1;
  }
  while (remaining > 0) {
    if (i == n) {
      ps->__bytes = remaining | total << 8;
      ps->__value = value;
      return (size_t)-2;
    }
    unsigned char c = s[i++];
    if ((c & 0xc0) != 0x80) return invalid(ps);
    if (remaining == total - 1) {
      // The second byte rules out overlong forms, surrogates and values
      // above U+10FFFF.
      if ((total == 3 && value == 0x0 && c < 0xa0) || (total == 3 && value == 0xd && c >= 0xa0) ||
          (total == 4 && value == 0x0 && c < 0x90) || (total == 4 && value == 0x4 && c >= 0x90))
        return invalid(ps);
    }
    value = value << 6 | (c & 0x3f);
    --remaining;
  }
  *ps = (mbstate_t){0};
  if (pc != NULL) *pc = value;
  return value != 0 ? i : 0;
}

size_t __mbrtoc32(int charset, char32_t *restrict pc, const char *restrict s, size_t n,
                  mbstate_t *restrict ps) {
  if (charset == CHARSET_UTF8) return decode_utf8(pc, (const unsigned char *)s, n, ps);
  if (n == 0) return (size_t)-2;
  unsigned char c = (unsigned char)*s;
  if (c >= 0x80) return invalid(ps);
  if (pc != NULL) *pc = c;
  return c != 0 ? 1 : 0;
}

size_t __c32tomb(int charset, char *s, char32_t c) {
  if (c < 0x80) {
    s[0] = (char)c;
    return 1;
  }
  if (charset == CHARSET_UTF8) {
    if (c < 0x800) {
      s[0] = (char)(0xc0 | c >> 6);
      s[1] = (char)(0x80 | (c & 0x3f));
      return 2;
    }
    if (c < 0x10000 && (c < 0xd800 || c > 0xdfff)) {
      s[0] = (char)(0xe0 | c >> 12);
      s[1] = (char)(0x80 | (c >> 6 & 0x3f));
      s[2] = (char)(0x80 | (c & 0x3f));
      return 3;
    }
    if (c >= 0x10000 && c <= 0x10ffff) {
      s[0] = (char)(0xf0 | c >> 18);
      s[1] = (char)(0x80 | (c >> 12 & 0x3f));
      s[2] = (char)(0x80 | (c >> 6 & 0x3f));
      s[3] = (char)(0x80 | (c & 0x3f));
      return 4;
    }
  }
  errno = EILSEQ;
  return (size_t)-1;
}
