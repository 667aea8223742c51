#include <uchar.h>

#include "locale_impl.h"

// Characters outside the Basic Multilingual Plane come out as a surrogate
// pair: the high half with the bytes consumed, the low half on the next call,
// which returns (size_t)-3 and consumes nothing.
size_t mbrtoc16_l(char16_t *restrict pc, const char *restrict s, size_t n, mbstate_t *restrict ps,
                  locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  if (s == NULL) {
    s = "";
    n = 1;
    pc = NULL;
  }
  if (ps->__pending != 0) {
    if (pc != NULL) *pc = (char16_t)ps->__pending;
    ps->__pending = 0;
    return (size_t)-3;
  }
  char32_t c;
  size_t r = __mbrtoc32(__locale_charset(locale), &c, s, n, ps);
  if (r > 4) return r;
  if (c >= 0x10000) {
    c -= 0x10000;
    ps->__pending = 0xdc00 | (c & 0x3ff);
    c = 0xd800 | c >> 10;
  }
  if (pc != NULL) *pc = (char16_t)c;
  return r;
}

size_t mbrtoc16(char16_t *restrict pc, const char *restrict s, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbrtoc16_l(pc, s, n, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
