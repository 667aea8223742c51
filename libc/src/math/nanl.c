#include "math_impl.h"
#include "nan_payload.h"

// See nan.c. The x87 quiet NaN has the integer bit and the quiet bit set.
long double nanl(const char *tag) {
  uint64_t m = UINT64_C(0xc000000000000000) | (nan_payload(tag) & ((UINT64_C(1) << 62) - 1));
  return ldmake(0, 0x7fff, m);
}
