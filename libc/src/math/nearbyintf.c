#include "math_impl.h"

// rintf without the inexact exception: the flag's state is put back.
float nearbyintf(float x) {
  int inexact = fetestexcept(FE_INEXACT);
  x = rintf(x);
  if (!inexact) feclearexcept(FE_INEXACT);
  return x;
}
