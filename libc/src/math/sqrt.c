#include "math_impl.h"

// SSE2's square root is correctly rounded in the current rounding mode and
// raises exactly the IEEE exceptions (invalid for x < 0).
double sqrt(double x) {
  __asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
  return x;
}
