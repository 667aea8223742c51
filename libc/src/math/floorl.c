#include "ldround_impl.h"

long double floorl(long double x) { return ld_round_integral(x, LD_FLOOR); }
