#include <inttypes.h>
#include <stdlib.h>

div_t div(int num, int den) { return (div_t){.quot = num / den, .rem = num % den}; }
ldiv_t ldiv(long num, long den) { return (ldiv_t){.quot = num / den, .rem = num % den}; }
lldiv_t lldiv(long long num, long long den) {
  return (lldiv_t){.quot = num / den, .rem = num % den};
}
imaxdiv_t imaxdiv(intmax_t num, intmax_t den) {
  return (imaxdiv_t){.quot = num / den, .rem = num % den};
}
