#include <errno.h>

#include "argdata_impl.h"

int argdata_get_int_u(const argdata_t *ad, uintmax_t *value, uintmax_t max) {
  const unsigned char *p;
  size_t len;
  if (!__argdata_payload(ad, ADT_INT, &p, &len)) return EINVAL;

  /* Negative numbers are out of range. Up to eight bytes are accepted, or
   * nine if the first is the zero byte that keeps the top bit clear. */
  if (len > 0 && (p[0] & 0x80) != 0) return ERANGE;
  if (len == sizeof(uintmax_t) + 1 && p[0] == 0x00) {
    ++p;
    --len;
  }
  if (len > sizeof(uintmax_t)) return ERANGE;

  uintmax_t v = 0;
  for (size_t i = 0; i < len; ++i) v = v << 8 | p[i];
  if (v > max) return ERANGE;
  *value = v;
  return 0;
}
