#include "x87_rem.h"

// x - n*y with n the integer nearest x/y (ties to even); exact.
long double remainderl(long double x, long double y) {
  unsigned sw;
  return (long double)x87_fprem1(x, y, &sw);
}
