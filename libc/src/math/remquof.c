#include "x87_rem.h"

// remainderf(), and the low three bits of the quotient with its sign.
float remquof(float x, float y, int *quo) {
  unsigned sw;
  long double r = x87_fprem1(x, y, &sw);
  // The condition codes mean nothing when there was no division.
  *quo = isnan(r) || isinf(y) ? 0 : x87_quotient(sw, signbit(x) != signbit(y));
  return (float)r;
}
