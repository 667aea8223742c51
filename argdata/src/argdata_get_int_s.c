#include <errno.h>

#include "argdata_impl.h"

int argdata_get_int_s(const argdata_t *ad, intmax_t *value, intmax_t min, intmax_t max) {
  const unsigned char *p;
  size_t len;
  if (!__argdata_payload(ad, ADT_INT, &p, &len)) return EINVAL;

  /* Up to eight bytes (non-minimal forms included) are accepted. */
  if (len > sizeof(uintmax_t)) return ERANGE;

  bool negative = len > 0 && (p[0] & 0x80) != 0;
  uintmax_t bits = negative ? UINTMAX_MAX : 0;
  for (size_t i = 0; i < len; ++i) bits = bits << 8 | p[i];
  /* Two's complement to signed without implementation-defined conversion. */
  intmax_t v = negative ? -(intmax_t)~bits - 1 : (intmax_t)bits;

  if (v < min || v > max) return ERANGE;
  *value = v;
  return 0;
}
