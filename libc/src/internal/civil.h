#ifndef LIBC_INTERNAL_CIVIL_H
#define LIBC_INTERNAL_CIVIL_H

#include <stdint.h>

// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (month
// 1..12). Counting from March makes the leap day the last day of a year, so
// the month lengths follow one formula.
static inline int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

#endif
