// fma, fmaf and fmal: exactly one rounding, in every rounding mode, with the
// right exceptions. tests/libc's differential test checks millions more.
#include <float.h>
#include <math.h>

#include "math_check.h"

TEST(fma_single_rounding) {
  // (1 + 2^-52)(1 - 2^-52) = 1 - 2^-104: a separate product would round to 1.
  CHECK_D(fma(1 + 0x1p-52, 1 - 0x1p-52, -1.0), -0x1p-104);
  CHECK_F(fmaf(1 + 0x1p-23f, 1 - 0x1p-23f, -1.0f), -0x1p-46f);
  CHECK_LD(fmal(1 + 0x1p-63L, 1 - 0x1p-63L, -1.0L), -0x1p-126L);
  // fmaf is not fma in double rounded again: (1 + 2^-23)(1 - 2^-24) +
  // 2^-47(1 + 2^-23) = 1 + 2^-24 + 2^-70 rounds up to 1 + 2^-23, but in
  // double it first becomes the tie 1 + 2^-24, which rounds to even, 1.
  CHECK_F(fmaf(0x1.000002p0f, 0x1.fffffep-1f, 0x1.000002p-47f), 0x1.000002p0f);
  CHECK_D(fma(0x1p-1022, 0x1p-52, 0.0), 0x1p-1074);
  CHECK_D(fma(0x1p-1022, -0x1p-53, 0.0), -0.0);   // tie to even: -0
  CHECK_D(fma(DBL_MAX, 2.0, -DBL_MAX), DBL_MAX);  // no intermediate overflow
  CHECK_D(fma(2.0, 3.0, 4.0), 10.0);
}

TEST(fma_special_values) {
  CHECK(isnan(fma(INFINITY, 0.0, 1.0)));
  CHECK_RAISES(fma(INFINITY, 0.0, 1.0), FE_INVALID);
  CHECK(isnan(fma(INFINITY, 1.0, -INFINITY)));
  CHECK_D(fma(1e300, 1e300, -INFINITY), -INFINITY);
  CHECK_D(fma(2.0, 3.0, INFINITY), INFINITY);
  CHECK_D(fma(-0.0, 1.0, 0.0), 0.0);
  CHECK_D(fma(1.0, -1.0, 1.0), 0.0);
  CHECK_D(fma(1e-300, -1e-300, 0.0), -0.0);  // the product's sign survives
  CHECK_D(fma(DBL_MAX, DBL_MAX, 0.0), INFINITY);
  CHECK_RAISES(fma(DBL_MAX, 2.0, 0.0), FE_OVERFLOW | FE_INEXACT);
  CHECK_RAISES(fma(0x1.0000000000001p-537, 0x1p-537, 0x1p-1074), FE_UNDERFLOW | FE_INEXACT);
  CHECK_RAISES(fma(0x1p-1000, 0x1p-60, 0x1p-1070), 0);  // tiny but exact
  CHECK_RAISES(fma(3.0, 3.0, 1.0), 0);
  CHECK_RAISES(fma(1 + 0x1p-52, 1 + 0x1p-52, 0.0), FE_INEXACT);
}

TEST(fma_rounding_modes) {
  double x = 1 + 0x1p-52, y = 1 + 0x1p-52;  // product 1 + 2^-51 + 2^-104
  CHECK_EQ(fesetround(FE_UPWARD), 0);
  CHECK_D(fma(x, y, 0.0), 0x1.0000000000003p0);
  CHECK_D(fma(x, y, -1.0), 0x1.0000000000001p-51);  // 2^-51 + 2^-104 rounded up
  CHECK_D(fma(1.0, -1.0, 1.0), 0.0);
  CHECK_EQ(fesetround(FE_DOWNWARD), 0);
  CHECK_D(fma(x, y, 0.0), 1 + 0x1p-51);
  CHECK_D(fma(1.0, -1.0, 1.0), -0.0);  // exact zero sum rounds to -0 here
  CHECK_D(fma(DBL_MAX, 2.0, 0.0), DBL_MAX);
  CHECK_LD(fmal(LDBL_MAX, 2.0L, 0.0L), LDBL_MAX);
  CHECK_EQ(fesetround(FE_TOWARDZERO), 0);
  CHECK_D(fma(-x, y, 0.0), -(1 + 0x1p-51));
  CHECK_F(fmaf(FLT_MAX, -2.0f, 0.0f), -FLT_MAX);
  CHECK_EQ(fesetround(FE_TONEAREST), 0);
  CHECK_D(fma(x, y, 0.0), 1 + 0x1p-51);
}
