#include "ext_impl.h"

long double lgammal(long double x) {
  int sign;
  return lgammal_r(x, &sign);
}
