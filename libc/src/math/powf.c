#include "ext_impl.h"

// pow() of the (exact) double arguments, rounded to float. pow is within
// 0.5 + 2^-10 double ulp, so this is within 1 float ulp; the two roundings
// disagree with one only next to a float tie.
float powf(float x, float y) { return (float)pow(x, y); }
