#include "x87_rem.h"

// remainder(), and the low three bits of the quotient with its sign.
double remquo(double x, double y, int *quo) {
  unsigned sw;
  long double r = x87_fprem1(x, y, &sw);
  // The condition codes mean nothing when there was no division.
  *quo = isnan(r) || isinf(y) ? 0 : x87_quotient(sw, signbit(x) != signbit(y));
  return (double)r;
}
