#include "x87_rem.h"

// remainderl(), and the low three bits of the quotient with its sign.
long double remquol(long double x, long double y, int *quo) {
  unsigned sw;
  long double r = x87_fprem1(x, y, &sw);
  // The condition codes mean nothing when there was no division.
  *quo = isnan(r) || isinf(y) ? 0 : x87_quotient(sw, signbit(x) != signbit(y));
  return (long double)r;
}
