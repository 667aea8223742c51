#include <string.h>

#include "argdata_impl.h"

argdata_t *argdata_create_int_u(uintmax_t value) {
  /* One extra leading zero byte keeps values with the top bit set positive. */
  unsigned char be[1 + sizeof(uintmax_t)];
  be[0] = 0;
  for (size_t i = sizeof(be); i-- > 1;) {
    be[i] = (unsigned char)(value & 0xff);
    value >>= 8;
  }
  size_t skip = __argdata_int_trim(be, sizeof(be));

  unsigned char *out;
  argdata_t *ad = __argdata_alloc_encoded(1 + sizeof(be) - skip, &out);
  if (ad == NULL) return NULL;
  out[0] = ADT_INT;
  memcpy(out + 1, be + skip, sizeof(be) - skip);
  return ad;
}
