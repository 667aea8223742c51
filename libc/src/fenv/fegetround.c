#include <fenv.h>

#include "fenv_impl.h"

// fesetround() keeps both units in the same mode; MXCSR is the one read.
int fegetround(void) { return (int)(fenv_get_mxcsr() & MXCSR_ROUND_MASK); }
