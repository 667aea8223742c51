#include "x87_rem.h"

// Exact; see x87_rem.h. fprem itself gives NaN and invalid for an infinite
// x or a zero y, and returns x unchanged for an infinite y.
long double fmodl(long double x, long double y) {
  unsigned sw;
  return (long double)x87_fprem(x, y, &sw);
}
