#include "ldround_impl.h"

long double truncl(long double x) { return ld_round_integral(x, LD_TRUNC); }
