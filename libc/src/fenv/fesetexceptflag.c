#include <fenv.h>

#include "fenv_impl.h"

// Sets the flags in `excepts` to their state in *flagp: the set ones end up
// in MXCSR, and none of them remains in the x87 status word.
int fesetexceptflag(const fexcept_t *flagp, int excepts) {
  excepts &= FE_ALL_EXCEPT;
  uint32_t mxcsr = fenv_get_mxcsr() & ~(uint32_t)excepts;
  fenv_set_mxcsr(mxcsr | (flagp->__exceptions & (uint32_t)excepts));
  if ((fenv_get_x87_status() & excepts) != 0) fenv_clear_x87_flags(excepts);
  return 0;
}
