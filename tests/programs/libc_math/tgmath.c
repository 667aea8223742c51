// <tgmath.h> picks the float, double or long double function by the
// arguments' types (integers count as double).
#include <tgmath.h>

#include "math_check.h"

#define IS(type, expr) _Generic((expr), type : 1, default : 0)

TEST(type_generic_selection) {
  float f = 2.0f;
  double d = 2.0;
  long double l = 2.0L;
  int i = 2;
  CHECK(IS(float, sqrt(f)) && IS(double, sqrt(d)) && IS(long double, sqrt(l)));
  CHECK(IS(double, sqrt(i)));
  CHECK(IS(float, pow(f, f)) && IS(double, pow(f, d)) && IS(long double, pow(d, l)));
  CHECK(IS(double, pow(f, i)));
  CHECK(IS(float, fma(f, f, f)) && IS(long double, fma(f, d, l)));
  CHECK(IS(float, ldexp(f, 3)) && IS(long double, frexp(l, &i)));
  CHECK(IS(long, lround(f)) && IS(int, ilogb(l)));
  CHECK_F(sqrt(f), 1.41421354f);
  CHECK_D(sqrt(i), 1.4142135623730951);
  CHECK_LD(sqrt(l), 0x1.6a09e667f3bcc908p0L);
  CHECK_D(atan2(1, 1), 0.7853981633974483);
  int q;
  CHECK_F(remquo(7.0f, 2.0f, &q), -1.0f);
}
