#include "math_impl.h"

// rint without the inexact exception: the flag's state is put back.
double nearbyint(double x) {
  int inexact = fetestexcept(FE_INEXACT);
  x = rint(x);
  if (!inexact) feclearexcept(FE_INEXACT);
  return x;
}
