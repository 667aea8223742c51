// <fenv.h> over both x86-64 floating-point units: flags raised by SSE
// (float, double) and x87 (long double) arithmetic, rounding modes that
// reach both, and saving and restoring environments.
#include <fenv.h>
#include <float.h>
#include <math.h>

#include "harness.h"

static volatile double vd = 1.0, vzero = 0.0, vthree = 3.0;
static volatile long double vl = 1.0L, vlzero = 0.0L, vlthree = 3.0L;

TEST(flags_from_sse_arithmetic) {
  CHECK_EQ(feclearexcept(FE_ALL_EXCEPT), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
  volatile double r = vd / vzero;
  (void)r;
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
  r = vzero / vzero;
  CHECK_EQ(fetestexcept(FE_INVALID | FE_DIVBYZERO), FE_INVALID | FE_DIVBYZERO);
  r = vd / vthree;
  CHECK(fetestexcept(FE_INEXACT));
  r = DBL_MAX * vthree;
  CHECK(fetestexcept(FE_OVERFLOW));
  r = DBL_MIN / vthree;
  CHECK(fetestexcept(FE_UNDERFLOW));
  CHECK_EQ(feclearexcept(FE_INVALID | FE_INEXACT), 0);
  CHECK_EQ(fetestexcept(FE_INVALID | FE_INEXACT), 0);
  CHECK(fetestexcept(FE_DIVBYZERO));
  CHECK_EQ(feclearexcept(FE_ALL_EXCEPT), 0);
}

TEST(flags_from_x87_arithmetic) {
  feclearexcept(FE_ALL_EXCEPT);
  volatile long double r = vl / vlzero;
  (void)r;
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
  r = vl / vlthree;
  CHECK_EQ(fetestexcept(FE_INEXACT | FE_DIVBYZERO), FE_INEXACT | FE_DIVBYZERO);
  CHECK_EQ(feclearexcept(FE_DIVBYZERO), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
  feclearexcept(FE_ALL_EXCEPT);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
}

TEST(raise_and_exception_flags) {
  feclearexcept(FE_ALL_EXCEPT);
  CHECK_EQ(feraiseexcept(FE_OVERFLOW | FE_INVALID), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INVALID);
  fexcept_t saved;
  CHECK_EQ(fegetexceptflag(&saved, FE_OVERFLOW | FE_UNDERFLOW), 0);
  feclearexcept(FE_ALL_EXCEPT);
  feraiseexcept(FE_UNDERFLOW);
  // Restores overflow (set) and underflow (clear); invalid is not touched.
  CHECK_EQ(fesetexceptflag(&saved, FE_OVERFLOW | FE_UNDERFLOW), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW);
  // A flag raised by the x87 unit is cleared by fesetexceptflag too.
  volatile long double r = vl / vlzero;
  (void)r;
  fexcept_t none;
  fegetexceptflag(&none, 0);
  CHECK_EQ(fesetexceptflag(&none, FE_DIVBYZERO), 0);
  CHECK_EQ(fetestexcept(FE_DIVBYZERO), 0);
  feclearexcept(FE_ALL_EXCEPT);
}

TEST(rounding_modes) {
  CHECK_EQ(fegetround(), FE_TONEAREST);
  const int modes[] = {FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO, FE_TONEAREST};
  const double third_down = 0x1.5555555555555p-2, third_up = 0x1.5555555555556p-2;
  for (int i = 0; i < 4; i++) {
    CHECK_EQ(fesetround(modes[i]), 0);
    CHECK_EQ(fegetround(), modes[i]);
    double q = vd / vthree;
    CHECK(q == ((modes[i] == FE_UPWARD) ? third_up : third_down));
    // The x87 unit follows: 1/3 in long double, rounded the same way.
    long double lq = vl / vlthree;
    long double up = 0x1.5555555555555556p-2L, down = 0x1.5555555555555554p-2L;
    CHECK(lq == ((modes[i] == FE_UPWARD || modes[i] == FE_TONEAREST) ? up : down));
  }
  CHECK(fesetround(12345) != 0);
  CHECK_EQ(fegetround(), FE_TONEAREST);
}

TEST(environments) {
  fenv_t env;
  feclearexcept(FE_ALL_EXCEPT);
  fesetround(FE_UPWARD);
  feraiseexcept(FE_INEXACT);
  CHECK_EQ(fegetenv(&env), 0);
  fesetround(FE_DOWNWARD);
  feclearexcept(FE_ALL_EXCEPT);
  CHECK_EQ(fesetenv(&env), 0);
  CHECK_EQ(fegetround(), FE_UPWARD);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);

  // feholdexcept: saves, clears, continues; feupdateenv merges.
  fenv_t held;
  CHECK_EQ(feholdexcept(&held), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
  CHECK_EQ(fegetround(), FE_UPWARD);
  feraiseexcept(FE_DIVBYZERO);
  CHECK_EQ(feupdateenv(&held), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT | FE_DIVBYZERO);

  CHECK_EQ(fesetenv(FE_DFL_ENV), 0);
  CHECK_EQ(fegetround(), FE_TONEAREST);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
  // Long double arithmetic still works after loading the default x87 state.
  volatile long double r = vl / vlthree;
  CHECK(r > 0.333L && r < 0.334L);
}
