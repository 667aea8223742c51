#include "math_impl.h"
#include "nan_payload.h"

// A quiet NaN (quiet bit set) carrying as much of the payload as fits.
double nan(const char *tag) {
  uint64_t quiet = UINT64_C(0x7ff8000000000000);
  return asdouble(quiet | (nan_payload(tag) & ((UINT64_C(1) << 51) - 1)));
}
