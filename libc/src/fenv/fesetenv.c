#include <fenv.h>

#include "fenv_impl.h"

int fesetenv(const fenv_t *envp) {
  // Only the control and status words matter; the register tags and the
  // last-instruction pointers are taken from the current state, so that a
  // saved environment cannot mark live x87 registers empty or vice versa.
  struct __x87_state s;
  fenv_get_x87_env(&s);
  s.__control = envp->__x87.__control;
  s.__status = envp->__x87.__status;
  fenv_set_x87_env(&s);
  fenv_set_mxcsr(envp->__mxcsr);
  return 0;
}
