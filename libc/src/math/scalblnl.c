#include <limits.h>

#include "math_impl.h"

// Exponents beyond int's range over- or underflow just the same as INT_MAX
// and INT_MIN do.
long double scalblnl(long double x, long n) {
  if (n > INT_MAX) n = INT_MAX;
  if (n < INT_MIN) n = INT_MIN;
  return scalbnl(x, (int)n);
}
