#include "math_impl.h"

double fabs(double x) { return asdouble(asuint64(x) & ~(UINT64_C(1) << 63)); }
