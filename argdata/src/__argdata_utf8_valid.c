#include "argdata_impl.h"

bool __argdata_utf8_valid(const unsigned char *buf, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = buf[i];
    if (c < 0x80) {
      ++i;
      continue;
    }

    /* Number of continuation bytes and the permitted range of the first
     * one, which excludes overlong forms, surrogates and > U+10FFFF. */
    size_t extra;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      extra = 1;
    } else if (c == 0xe0) {
      extra = 2;
      lo = 0xa0;
    } else if (c == 0xed) {
      extra = 2;
      hi = 0x9f;
    } else if (c >= 0xe1 && c <= 0xef) {
      extra = 2;
    } else if (c == 0xf0) {
      extra = 3;
      lo = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) {
      extra = 3;
    } else if (c == 0xf4) {
      extra = 3;
      hi = 0x8f;
    } else {
      return false;
    }

    if (len - i - 1 < extra) return false;
    if (buf[i + 1] < lo || buf[i + 1] > hi) return false;
    for (size_t k = 2; k <= extra; ++k) {
      if ((buf[i + k] & 0xc0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}
