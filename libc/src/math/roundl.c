#include "ldround_impl.h"

long double roundl(long double x) { return ld_round_integral(x, LD_ROUND); }
