#include <fenv.h>

#include "fenv_impl.h"

int fegetexceptflag(fexcept_t *flagp, int excepts) {
  flagp->__exceptions =
      (uint8_t)((fenv_get_mxcsr() | fenv_get_x87_status()) & (uint32_t)excepts & FE_ALL_EXCEPT);
  return 0;
}
