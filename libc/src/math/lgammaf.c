#include "ext_impl.h"

float lgammaf(float x) {
  int sign;
  return lgammaf_r(x, &sign);
}
