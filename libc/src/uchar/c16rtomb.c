#include <errno.h>
#include <uchar.h>

#include "locale_impl.h"

// A high surrogate is remembered in the state and produces no bytes; the low
// surrogate that follows completes the character.
size_t c16rtomb_l(char *restrict s, char16_t c, mbstate_t *restrict ps, locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  char buf[4];
  if (s == NULL) {
    s = buf;
    c = u'\0';
  }
  char32_t full = c;
  if (ps->__pending != 0) {
    uint32_t high = ps->__pending;
    ps->__pending = 0;
    if (c < 0xdc00 || c > 0xdfff) {
      errno = EILSEQ;
      return (size_t)-1;
    }
    full = 0x10000 + ((high - 0xd800) << 10) + (c - 0xdc00);
  } else if (c >= 0xd800 && c <= 0xdbff) {
    ps->__pending = c;
    return 0;
  } else if (c >= 0xdc00 && c <= 0xdfff) {
    errno = EILSEQ;
    return (size_t)-1;
  }
  return __c32tomb(__locale_charset(locale), s, full);
}

size_t c16rtomb(char *restrict s, char16_t c, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return c16rtomb_l(s, c, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
