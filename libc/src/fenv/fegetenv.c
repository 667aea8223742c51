#include <fenv.h>

#include "fenv_impl.h"

int fegetenv(fenv_t *envp) {
  fenv_get_x87_env(&envp->__x87);
  envp->__mxcsr = fenv_get_mxcsr();
  return 0;
}
