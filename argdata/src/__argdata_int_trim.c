#include "argdata_impl.h"

size_t __argdata_int_trim(const unsigned char *buf, size_t len) {
  size_t i = 0;
  while (i < len) {
    if (buf[i] == 0x00) {
      /* A zero byte is redundant if the number stays non-negative. */
      if (i + 1 < len && (buf[i + 1] & 0x80) != 0) break;
    } else if (buf[i] == 0xff) {
      /* A 0xff byte is redundant if the number stays negative. */
      if (i + 1 == len || (buf[i + 1] & 0x80) == 0) break;
    } else {
      break;
    }
    ++i;
  }
  return i;
}
