#include "ext_impl.h"

double lgamma(double x) {
  int sign;
  return lgamma_r(x, &sign);
}
