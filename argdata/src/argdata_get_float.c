#include <errno.h>
#include <string.h>

#include "argdata_impl.h"

int argdata_get_float(const argdata_t *ad, double *value) {
  const unsigned char *p;
  size_t len;
  if (!__argdata_payload(ad, ADT_FLOAT, &p, &len) || len != 8) return EINVAL;
  uint64_t bits = 0;
  for (size_t i = 0; i < 8; ++i) bits = bits << 8 | p[i];
  _Static_assert(sizeof(*value) == sizeof(bits), "double must be 64 bits");
  memcpy(value, &bits, sizeof(bits));
  return 0;
}
