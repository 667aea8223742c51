#include <string.h>

#include "argdata_impl.h"

_Static_assert(sizeof(double) == sizeof(uint64_t), "double must be IEEE 754 binary64");

argdata_t *argdata_create_float(double value) {
  unsigned char *out;
  argdata_t *ad = __argdata_alloc_encoded(9, &out);
  if (ad == NULL) return NULL;
  uint64_t bits;
  memcpy(&bits, &value, sizeof(bits));
  out[0] = ADT_FLOAT;
  for (size_t i = 0; i < 8; ++i) out[1 + i] = (unsigned char)(bits >> (56 - 8 * i));
  return ad;
}
