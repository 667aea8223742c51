#include <fenv.h>

#include "fenv_impl.h"

// Saves the environment, then clears the flags and masks every exception
// (non-stop mode) in both units.
int feholdexcept(fenv_t *envp) {
  fegetenv(envp);
  fenv_set_mxcsr((envp->__mxcsr & ~(uint32_t)FE_ALL_EXCEPT) | ((uint32_t)FE_ALL_EXCEPT << 7));
  struct __x87_state s = envp->__x87;
  s.__status &= ~(uint32_t)FE_ALL_EXCEPT;
  s.__control |= FE_ALL_EXCEPT;
  fenv_set_x87_env(&s);
  return 0;
}
