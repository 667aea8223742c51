#include "math_impl.h"

// rintl without the inexact exception: the flag's state is put back.
long double nearbyintl(long double x) {
  int inexact = fetestexcept(FE_INEXACT);
  x = rintl(x);
  if (!inexact) feclearexcept(FE_INEXACT);
  return x;
}
