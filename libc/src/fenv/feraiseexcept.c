#include <fenv.h>

#include "fenv_impl.h"

// Sets the flags in MXCSR. All traps are masked in this environment (no
// signal handlers exist in CloudABI), so raising is exactly setting the
// flags; neither inexact nor anything else is raised as a side effect.
int feraiseexcept(int excepts) {
  fenv_set_mxcsr(fenv_get_mxcsr() | (uint32_t)(excepts & FE_ALL_EXCEPT));
  return 0;
}
