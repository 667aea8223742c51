#include "math_impl.h"

// In double, x * 2^n is exact for every float x and |n| <= 400 (and beyond
// that the float result is 0 or infinite anyway), so the conversion back to
// float is the only rounding.
float scalbnf(float x, int n) {
  if (n > 400) n = 400;
  if (n < -400) n = -400;
  return (float)((double)x * asdouble((uint64_t)(0x3ff + n) << 52));
}
