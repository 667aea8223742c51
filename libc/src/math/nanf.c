#include "math_impl.h"
#include "nan_payload.h"

// See nan.c.
float nanf(const char *tag) {
  return asfloat(0x7fc00000 | (uint32_t)(nan_payload(tag) & ((UINT32_C(1) << 22) - 1)));
}
