#include "ldround_impl.h"

long double ceill(long double x) { return ld_round_integral(x, LD_CEIL); }
