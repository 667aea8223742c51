#include "x87_rem.h"

// x - n*y with n the integer nearest x/y (ties to even); exact.
double remainder(double x, double y) {
  unsigned sw;
  return (double)x87_fprem1(x, y, &sw);
}
