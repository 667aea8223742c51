#include <fenv.h>

#include "fenv_impl.h"

int fetestexcept(int excepts) {
  return (int)((fenv_get_mxcsr() | fenv_get_x87_status()) & (uint32_t)excepts & FE_ALL_EXCEPT);
}
