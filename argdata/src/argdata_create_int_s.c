#include <string.h>

#include "argdata_impl.h"

argdata_t *argdata_create_int_s(intmax_t value) {
  unsigned char be[sizeof(uintmax_t)];
  uintmax_t bits = (uintmax_t)value;
  for (size_t i = sizeof(be); i-- > 0;) {
    be[i] = (unsigned char)(bits & 0xff);
    bits >>= 8;
  }
  size_t skip = __argdata_int_trim(be, sizeof(be));

  unsigned char *out;
  argdata_t *ad = __argdata_alloc_encoded(1 + sizeof(be) - skip, &out);
  if (ad == NULL) return NULL;
  out[0] = ADT_INT;
  memcpy(out + 1, be + skip, sizeof(be) - skip);
  return ad;
}
