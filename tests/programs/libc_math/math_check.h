// Checks shared by the libc_math programs: results compared bit for bit
// (so that -0 and +0 differ) and the exception flags an operation raised.
#ifndef LIBC_MATH_CHECK_H
#define LIBC_MATH_CHECK_H

#include <fenv.h>
#include <math.h>
#include <string.h>

#include "harness.h"

static inline int same_d(double a, double b) {
  return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof(a)) == 0;
}
static inline int same_f(float a, float b) {
  return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof(a)) == 0;
}
static inline int same_ld(long double a, long double b) {
  return (isnan(a) && isnan(b)) || memcmp(&a, &b, 10) == 0;
}

#define CHECK_D(got, want) CHECK(same_d((got), (want)))
#define CHECK_F(got, want) CHECK(same_f((got), (want)))
#define CHECK_LD(got, want) CHECK(same_ld((got), (want)))

// Evaluates `expr` with clear flags and checks that exactly `flags` (of
// invalid, divide-by-zero, overflow, underflow and inexact) were raised.
#define MATH_FLAGS (FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT)
#define CHECK_RAISES(expr, flags)                  \
  do {                                             \
    feclearexcept(FE_ALL_EXCEPT);                  \
    volatile long double r_ = (long double)(expr); \
    (void)r_;                                      \
    CHECK_EQ(fetestexcept(MATH_FLAGS), (flags));   \
  } while (0)

#endif
