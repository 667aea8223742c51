#include "math_impl.h"

// The x87 square root is correctly rounded to the precision and rounding
// mode set in the x87 control word (64 bits by default).
long double sqrtl(long double x) {
  __asm__("fsqrt" : "+t"(x));
  return x;
}
