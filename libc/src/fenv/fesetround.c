#include <fenv.h>

#include "fenv_impl.h"

int fesetround(int round) {
  if (round != FE_TONEAREST && round != FE_DOWNWARD && round != FE_UPWARD && round != FE_TOWARDZERO)
    return -1;
  fenv_set_mxcsr((fenv_get_mxcsr() & ~MXCSR_ROUND_MASK) | (uint32_t)round);
  uint16_t cw = fenv_get_x87_control();
  fenv_set_x87_control((uint16_t)((cw & ~X87_ROUND_MASK) | ((unsigned)round >> X87_ROUND_SHIFT)));
  return 0;
}
