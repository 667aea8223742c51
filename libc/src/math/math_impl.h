// Internal helpers of libm: access to the bits of the three binary
// floating-point formats and ways to raise exceptions on purpose.
//
// Formats (x86-64): float is IEEE binary32, double binary64, long double the
// x87 80-bit extended format: a 64-bit significand with an explicit integer
// bit, then 15 exponent bits (bias 16383) and the sign.
#ifndef LIBC_MATH_IMPL_H
#define LIBC_MATH_IMPL_H

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>

static inline uint64_t asuint64(double x) {
  uint64_t u;
  __builtin_memcpy(&u, &x, sizeof(u));
  return u;
}

static inline double asdouble(uint64_t u) {
  double x;
  __builtin_memcpy(&x, &u, sizeof(x));
  return x;
}

static inline uint32_t asuint(float x) {
  uint32_t u;
  __builtin_memcpy(&u, &x, sizeof(u));
  return u;
}

static inline float asfloat(uint32_t u) {
  float x;
  __builtin_memcpy(&x, &u, sizeof(x));
  return x;
}

// The x87 extended format. `m` holds the significand including its integer
// bit (bit 63); `se` the sign (bit 15) and the biased exponent.
union ldshape {
  long double f;
  struct {
    uint64_t m;
    uint16_t se;
  } i;
};

static inline union ldshape ldbits(long double x) {
  union ldshape u = {.f = 0};
  u.f = x;
  return u;
}

static inline long double ldmake(int sign, int biased_exp, uint64_t m) {
  union ldshape u = {.f = 0};
  u.i.m = m;
  u.i.se = (uint16_t)((sign ? 0x8000 : 0) | biased_exp);
  return u.f;
}

// Signaling NaNs: the quiet bit (the highest fraction bit) is clear.
static inline int issignaling_d(double x) {
  uint64_t u = asuint64(x);
  return (u & UINT64_C(0x7ff0000000000000)) == UINT64_C(0x7ff0000000000000) &&
         (u & ((UINT64_C(1) << 51) - 1)) != 0 && !(u & (UINT64_C(1) << 51));
}

static inline int issignaling_f(float x) {
  uint32_t u = asuint(x);
  return (u & 0x7f800000) == 0x7f800000 && (u & 0x3fffff) != 0 && !(u & 0x400000);
}

static inline int issignaling_ld(long double x) {
  union ldshape u = ldbits(x);
  return (u.i.se & 0x7fff) == 0x7fff && !(u.i.m & (UINT64_C(1) << 62)) &&
         (u.i.m & ((UINT64_C(1) << 62) - 1)) != 0;
}

// Evaluates x for its side effect on the exception flags only.
static inline void force_eval(double x) {
  volatile double y = x;
  (void)y;
}

static inline void force_evalf(float x) {
  volatile float y = x;
  (void)y;
}

static inline void force_evall(long double x) {
  volatile long double y = x;
  (void)y;
}

// The current rounding mode of the SSE unit (float and double arithmetic)
// and of the x87 unit (long double), as FE_* values.
static inline int math_round_sse(void) {
  uint32_t v;
  __asm__ volatile("stmxcsr %0" : "=m"(v));
  return (int)(v & 0x6000);
}

static inline int math_round_x87(void) {
  uint16_t v;
  __asm__ volatile("fnstcw %0" : "=m"(v));
  return (int)((v & 0x0c00u) << 3);
}

#endif
