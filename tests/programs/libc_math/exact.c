// The exact functions of <math.h>: C Annex F special cases (signed zeros,
// infinities, NaNs), ties, boundaries of the formats and the exceptions
// raised. Random inputs are compared with glibc by tests/libc's
// libc_math_diff_test; this program pins down the cases that matter most.
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>

#include "math_check.h"

static volatile double zero = 0.0;  // keeps the compiler from folding

TEST(classification_macros) {
  double inf = INFINITY, nan_ = NAN, sub = DBL_MIN / 4;
  CHECK_EQ(fpclassify(0.0), FP_ZERO);
  CHECK_EQ(fpclassify(sub), FP_SUBNORMAL);
  CHECK_EQ(fpclassify(1.0f), FP_NORMAL);
  CHECK_EQ(fpclassify(inf), FP_INFINITE);
  CHECK_EQ(fpclassify(nan_), FP_NAN);
  CHECK_EQ(fpclassify(LDBL_MIN / 2), FP_SUBNORMAL);
  CHECK(isnan(nan_) && !isnan(inf) && isinf(-inf) && !isinf(DBL_MAX));
  CHECK(isfinite(DBL_MAX) && !isfinite(inf) && !isfinite(nan_));
  CHECK(isnormal(DBL_MIN) && !isnormal(sub) && !isnormal(0.0L));
  CHECK(signbit(-0.0) && !signbit(0.0f) && signbit(-0.0L) && signbit(-nan_));
  CHECK_EQ(FP_INFINITE, 1);
  CHECK_EQ(FP_ZERO, 5);
  CHECK_EQ(math_errhandling, MATH_ERREXCEPT);
  CHECK(HUGE_VAL == inf && HUGE_VALF == INFINITY && HUGE_VALL == INFINITY);
  // The comparison macros are quiet: no invalid for NaN operands.
  feclearexcept(FE_ALL_EXCEPT);
  CHECK(!isless(nan_, 1.0) && !isgreater(nan_, 1.0) && !islessequal(1.0, nan_));
  CHECK(!isgreaterequal(nan_, nan_) && !islessgreater(nan_, 0.0) && isunordered(nan_, 0.0));
  CHECK(isless(1.0, 2.0) && islessgreater(1.0, 2.0) && !isunordered(1.0, 2.0));
  CHECK_EQ(fetestexcept(FE_INVALID), 0);
}

TEST(fabs_copysign) {
  CHECK_D(fabs(-0.0), 0.0);
  CHECK_D(fabs(-INFINITY), INFINITY);
  CHECK_F(fabsf(-3.5f), 3.5f);
  CHECK_LD(fabsl(-LDBL_MAX), LDBL_MAX);
  CHECK_D(copysign(2.0, -0.0), -2.0);
  CHECK_F(copysignf(-0.0f, 1.0f), 0.0f);
  CHECK_LD(copysignl(INFINITY, -1.0L), -(long double)INFINITY);
  CHECK(signbit(copysign(NAN, -1.0)));
}

TEST(floor_ceil_trunc_round) {
  CHECK_D(floor(-0.5), -1.0);
  CHECK_D(floor(-0.0), -0.0);
  CHECK_D(floor(0.5), 0.0);
  CHECK_D(floor(-1.5), -2.0);
  CHECK_D(ceil(-0.5), -0.0);
  CHECK_D(ceil(0.2), 1.0);
  CHECK_D(trunc(-0.7), -0.0);
  CHECK_D(trunc(-1.7), -1.0);
  CHECK_D(round(0.5), 1.0);
  CHECK_D(round(-0.5), -1.0);
  CHECK_D(round(2.5), 3.0);
  CHECK_D(round(-0.49999999999999994), -0.0);
  CHECK_D(round(0x1.fffffffffffffp51), 0x1p52);  // carry into the exponent
  CHECK_D(floor(0x1p52 + 1), 0x1p52 + 1);
  CHECK_D(floor(-INFINITY), -INFINITY);
  CHECK(isnan(ceil(NAN)));
  CHECK_F(floorf(-0.25f), -1.0f);
  CHECK_F(ceilf(-0.25f), -0.0f);
  CHECK_F(roundf(-2.5f), -3.0f);
  CHECK_F(truncf(8388607.5f), 8388607.0f);
  CHECK_LD(floorl(-0.5L), -1.0L);
  CHECK_LD(ceill(-0.5L), -0.0L);
  CHECK_LD(roundl(0.5L), 1.0L);
  CHECK_LD(roundl(0x1.fffffffffffffffep62L), 0x1p63L);
  CHECK_LD(truncl(-0x1.8p1L), -3.0L);
  CHECK_LD(floorl(-0x1.fffffffffffffffep62L), -0x1p63L);
  // These never raise inexact (C2x F.10.6).
  CHECK_RAISES(floor(1.5), 0);
  CHECK_RAISES(roundl(2.5L), 0);
  CHECK_RAISES(truncf(1.25f), 0);
}

TEST(rint_family) {
  CHECK_D(rint(2.5), 2.0);
  CHECK_D(rint(3.5), 4.0);
  CHECK_D(rint(-0.3), -0.0);
  CHECK_F(rintf(-2.5f), -2.0f);
  CHECK_LD(rintl(0.5L), 0.0L);
  CHECK_RAISES(rint(1.25), FE_INEXACT);
  CHECK_RAISES(rint(2.0), 0);
  CHECK_RAISES(nearbyint(1.25), 0);
  CHECK_RAISES(nearbyintf(1.25f), 0);
  CHECK_RAISES(nearbyintl(1.25L), 0);
  CHECK_EQ(lrint(2.5), 2);
  CHECK_EQ(llrintf(-3.5f), -4);
  CHECK_EQ(lrintl(1e18L + 0.5L), 1000000000000000000);
  CHECK_EQ(lround(2.5), 3);
  CHECK_EQ(llroundl(-2.5L), -3);
  CHECK_EQ(lroundf(-0.5f), -1);
  CHECK_RAISES(lrint(1e300), FE_INVALID);
  CHECK_RAISES(lround(NAN), FE_INVALID);
  CHECK_RAISES(lround(2.5), 0);
  // Each rounding mode.
  CHECK_EQ(fesetround(FE_UPWARD), 0);
  CHECK_D(rint(1.1), 2.0);
  CHECK_LD(nearbyintl(-1.9L), -1.0L);
  CHECK_EQ(lrint(-1.5), -1);
  CHECK_D(rint(-0.5), -0.0);
  CHECK_EQ(fesetround(FE_DOWNWARD), 0);
  CHECK_F(rintf(1.9f), 1.0f);
  CHECK_EQ(llrintl(-1.1L), -2);
  CHECK_D(rint(0.5), 0.0);
  CHECK_EQ(fesetround(FE_TOWARDZERO), 0);
  CHECK_D(rint(-1.9), -1.0);
  CHECK_EQ(lrintf(1.9f), 1);
  CHECK_EQ(fesetround(FE_TONEAREST), 0);
}

TEST(modf_frexp_ldexp) {
  double ip;
  CHECK_D(modf(-3.25, &ip), -0.25);
  CHECK_D(ip, -3.0);
  CHECK_D(modf(-INFINITY, &ip), -0.0);
  CHECK_D(ip, -INFINITY);
  CHECK_D(modf(-4.0, &ip), -0.0);
  float fp;
  CHECK_F(modff(1.5f, &fp), 0.5f);
  long double lp;
  CHECK_LD(modfl(-0.75L, &lp), -0.75L);
  CHECK_LD(lp, -0.0L);
  int e;
  CHECK_D(frexp(8.0, &e), 0.5);
  CHECK_EQ(e, 4);
  CHECK_D(frexp(-DBL_MIN / 4, &e), -0.5);
  CHECK_EQ(e, -1023);
  CHECK_D(frexp(-0.0, &e), -0.0);
  CHECK_EQ(e, 0);
  CHECK_F(frexpf(0x1p-149f, &e), 0.5f);
  CHECK_EQ(e, -148);
  CHECK_LD(frexpl(0x1p-16445L, &e), 0.5L);
  CHECK_EQ(e, -16444);
  CHECK_D(ldexp(1.0, 1024), INFINITY);
  CHECK_D(ldexp(1.0, -1074), 0x1p-1074);
  CHECK_D(ldexp(0x1.8p-1022, -52), 0x1p-1073);  // 1.5 * 2^-1074 ties to even
  CHECK_D(ldexp(0x1.0000000000001p0, -1074), 0x1p-1074);
  CHECK_D(scalbn(DBL_MAX, -2098), 0x1p-1074);
  CHECK_D(scalbn(0x1p-1074, 2097), 0x1p1023);
  CHECK_D(scalbln(1.0, LONG_MAX), INFINITY);
  CHECK_D(scalbln(-1.0, LONG_MIN), -0.0);
  CHECK_F(scalbnf(1.0f, -149), 0x1p-149f);
  CHECK_F(ldexpf(0x1.8p-149f, 0), 0x1p-148f);
  CHECK_F(scalbnf(0x1.8p0f, -150), 0x1p-149f);  // ties to even up
  CHECK_LD(scalbnl(1.0L, -16445), 0x1p-16445L);
  CHECK_LD(scalbnl(0x1p-16445L, 32767), 0x1p16322L);
  CHECK_LD(ldexpl(1.0L, 16384), (long double)INFINITY);
  CHECK_RAISES(ldexp(1.0, 1024), FE_OVERFLOW | FE_INEXACT);
  CHECK_RAISES(ldexp(1.0, -1080), FE_UNDERFLOW | FE_INEXACT);
  CHECK_RAISES(ldexp(1.0, -1074), 0);
}

TEST(ilogb_logb) {
  CHECK_EQ(ilogb(1.0), 0);
  CHECK_EQ(ilogb(0x1p-1074), -1074);
  CHECK_EQ(ilogbf(0x1p-149f), -149);
  CHECK_EQ(ilogbl(0x1p-16445L), -16445);
  CHECK_EQ(ilogbl(LDBL_MAX), 16383);
  CHECK_EQ(ilogb(0.0), FP_ILOGB0);
  CHECK_EQ(FP_ILOGB0, -INT_MAX);
  CHECK_EQ(ilogb(NAN), FP_ILOGBNAN);
  CHECK_EQ(FP_ILOGBNAN, INT_MAX);
  CHECK_EQ(ilogb(INFINITY), INT_MAX);
  CHECK_RAISES(ilogb(0.0), FE_INVALID);
  CHECK_RAISES(ilogbl(INFINITY), FE_INVALID);
  CHECK_RAISES(ilogb(3.0), 0);
  CHECK_D(logb(0.75), -1.0);
  CHECK_D(logb(-INFINITY), INFINITY);
  CHECK_D(logb(-0.0), -INFINITY);
  CHECK_RAISES(logb(0.0), FE_DIVBYZERO);
  CHECK_F(logbf(0x1p-149f), -149.0f);
  CHECK_LD(logbl(0x1p-16440L), -16440.0L);
}

TEST(nextafter_nexttoward) {
  CHECK_D(nextafter(0.0, -1.0), -0x1p-1074);
  CHECK_D(nextafter(-0x1p-1074, 1.0), -0.0);
  CHECK_D(nextafter(0.0, -0.0), -0.0);
  CHECK_D(nextafter(1.0, 2.0), 0x1.0000000000001p0);
  CHECK_D(nextafter(1.0, 0.0), 0x1.fffffffffffffp-1);
  CHECK_D(nextafter(DBL_MAX, INFINITY), INFINITY);
  CHECK_D(nextafter(INFINITY, 0.0), DBL_MAX);
  CHECK(isnan(nextafter(NAN, 1.0)));
  CHECK_RAISES(nextafter(DBL_MAX, INFINITY), FE_OVERFLOW | FE_INEXACT);
  CHECK_RAISES(nextafter(DBL_MIN, 0.0), FE_UNDERFLOW | FE_INEXACT);
  CHECK_RAISES(nextafter(1.0, 2.0), 0);
  CHECK_F(nextafterf(1.0f, 0.0f), 0x1.fffffep-1f);
  CHECK_LD(nextafterl(1.0L, 2.0L), 0x1.0000000000000002p0L);
  CHECK_LD(nextafterl(LDBL_MIN, 0.0L), 0x1.fffffffffffffffcp-16383L);
  CHECK_LD(nextafterl(0x1.fffffffffffffffcp-16383L, 1.0L), LDBL_MIN);
  CHECK_LD(nextafterl(0x1.fffffffffffffffep0L, 4.0L), 2.0L);
  CHECK_LD(nextafterl(2.0L, 0.0L), 0x1.fffffffffffffffep0L);
  CHECK_D(nexttoward(1.0, 1.0L + 0x1p-60L), 0x1.0000000000001p0);
  CHECK_D(nexttoward(1.0, 1.0L), 1.0);
  CHECK_F(nexttowardf(0.0f, -0x1p-200L), -0x1p-149f);
  CHECK_LD(nexttowardl(-0.0L, 1.0L), 0x1p-16445L);
}

TEST(fmin_fmax_fdim) {
  CHECK_D(fmax(NAN, 1.0), 1.0);
  CHECK_D(fmin(2.0, NAN), 2.0);
  CHECK(isnan(fmax(NAN, NAN)));
  CHECK_D(fmax(-0.0, 0.0), 0.0);
  CHECK_D(fmin(0.0, -0.0), -0.0);
  CHECK_F(fmaxf(-INFINITY, -1.0f), -1.0f);
  CHECK_LD(fminl(-LDBL_MAX, 0.0L), -LDBL_MAX);
  CHECK_D(fdim(1.0, 3.0), 0.0);
  CHECK_D(fdim(3.0, 1.0), 2.0);
  CHECK_D(fdim(DBL_MAX, -DBL_MAX), INFINITY);
  CHECK(isnan(fdimf(NAN, 1.0f)));
  CHECK_LD(fdiml(-1.0L, -1.0L), 0.0L);
}

TEST(fmod_remainder_remquo) {
  CHECK_D(fmod(5.5, 2.0), 1.5);
  CHECK_D(fmod(-5.5, 2.0), -1.5);
  CHECK_D(fmod(-4.0, 2.0), -0.0);
  CHECK_D(fmod(1.0, INFINITY), 1.0);
  CHECK_D(fmod(0x1p1023, 0x1p-1074), 0.0);
  CHECK_D(fmod(DBL_MAX, 3.0), 2.0);  // 2^1024 - 2^971 = 2 (mod 3)
  CHECK(isnan(fmod(INFINITY, 1.0)));
  CHECK(isnan(fmod(1.0, 0.0)));
  CHECK_RAISES(fmod(1.0, zero), FE_INVALID);
  CHECK_RAISES(fmod(5.5, 2.0), 0);
  CHECK_D(remainder(5.0, 2.0), 1.0);   // 5/2 = 2.5 rounds to 2
  CHECK_D(remainder(7.0, 2.0), -1.0);  // 3.5 rounds to 4
  CHECK_D(remainder(-1.0, 2.0), -1.0);
  CHECK_D(remainder(-2.0, 2.0), -0.0);
  CHECK_F(fmodf(7.0f, -3.0f), 1.0f);
  CHECK_LD(fmodl(LDBL_MAX, 3.0L), fmodl(LDBL_MAX, 3.0L));
  CHECK_LD(fmodl(0x1p16383L, 3.0L), 2.0L);  // 2^odd = 2 (mod 3)
  int q;
  CHECK_D(remquo(29.0, 3.0, &q), -1.0);
  CHECK_EQ(q & 7, 10 & 7);
  CHECK_D(remquo(-29.0, 3.0, &q), 1.0);
  CHECK(q < 0 && (-q & 7) == (10 & 7));
  CHECK_F(remquof(7.0f, 2.0f, &q), -1.0f);
  CHECK_EQ(q, 4);
  CHECK_LD(remquol(1e4000L, 1.0L, &q), 0.0L);
  CHECK_D(remquo(1.0, INFINITY, &q), 1.0);
  CHECK_EQ(q, 0);
}

TEST(nan_functions) {
  CHECK(isnan(nan("")) && !signbit(nan("")));
  CHECK(isnan(nanf("7")) && isnan(nanl("0x10")));
  double n = nan("0x5");
  uint64_t u;
  memcpy(&u, &n, 8);
  CHECK_EQ(u, 0x7ff8000000000005);
  CHECK(isnan(NAN) && isinf(INFINITY));
}

TEST(sqrt_exact) {
  CHECK_D(sqrt(4.0), 2.0);
  CHECK_D(sqrt(-0.0), -0.0);
  CHECK_D(sqrt(INFINITY), INFINITY);
  CHECK(isnan(sqrt(-1.0)));
  CHECK_RAISES(sqrt(-1.0), FE_INVALID);
  CHECK_RAISES(sqrt(2.0), FE_INEXACT);
  CHECK_F(sqrtf(0x1p-148f), 0x1p-74f);
  CHECK_LD(sqrtl(0x1p-16444L), 0x1p-8222L);
  CHECK_LD(sqrtl(2.0L), 0x1.6a09e667f3bcc908p0L);  // 0xb504f333f9de6484|0101...: down
}
