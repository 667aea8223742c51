#include <fenv.h>

#include "fenv_impl.h"

int feclearexcept(int excepts) {
  excepts &= FE_ALL_EXCEPT;
  fenv_set_mxcsr(fenv_get_mxcsr() & ~(uint32_t)excepts);
  // Flags raised by long double arithmetic live in the x87 status word.
  if ((fenv_get_x87_status() & excepts) != 0) fenv_clear_x87_flags(excepts);
  return 0;
}
