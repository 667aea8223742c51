// The parser behind strptime() and wcsptime(), for the C locale. Include
// with STRPTIME_NAME (the function to define) and STRPTIME_CHAR (char or
// wchar_t) defined.
//
// Numbers may be preceded by white space and have at most as many digits as
// the conversion's field (4 for %Y, 3 for %j, 2 otherwise), fewer if another
// digit would exceed the field's maximum. %y is a year of
// 1969-2068 unless %C gives the century; %I takes %p into account wherever
// it appears. When the year, month and day of the month are known, tm_wday
// and tm_yday are filled in if no conversion set them.
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "civil.h"

#ifndef STRPTIME_COMMON
#define STRPTIME_COMMON
static const char *const strptime_days[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};
static const char *const strptime_months[12] = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};

struct strptime_state {
  int century, year2;  // -1 if absent
  int pm;              // -1 if absent, else 0 or 1
  bool have_year, have_mon, have_mday, have_wday, have_yday, have_hour12;
};

static inline bool strptime_space(unsigned long c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline unsigned long strptime_lower(unsigned long c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

#endif

#define STRPTIME_CAT2(a, b) a##b
#define STRPTIME_CAT(a, b) STRPTIME_CAT2(a, b)
#define STRPTIME_HELPER(x) STRPTIME_CAT(STRPTIME_NAME, x)

// Matches a name, in full or its first three letters, case-insensitively;
// returns its index (advancing *s) or -1.
static int STRPTIME_HELPER(_name)(const STRPTIME_CHAR **s, const char *const *names, int n) {
  for (int i = 0; i < n; ++i) {
    const char *name = names[i];
    size_t k = 0;
    while (name[k] != '\0' &&
           strptime_lower((unsigned long)(*s)[k]) == strptime_lower((unsigned char)name[k]))
      ++k;
    if (name[k] == '\0' || k >= 3) {
      *s += name[k] == '\0' ? k : 3;
      return i;
    }
  }
  return -1;
}

// Reads a number of at most `digits` digits in [min, max], after optional
// white space; false if there is none or it is out of range. A digit that
// would take the number beyond max is left for what follows ("%d%H" reads
// "45" as 4 and 5), as glibc does.
static bool STRPTIME_HELPER(_number)(const STRPTIME_CHAR **s, int digits, int min, int max,
                                     int *out) {
  const STRPTIME_CHAR *p = *s;
  while (strptime_space((unsigned long)*p)) ++p;
  int value = 0, n = 0;
  for (; n < digits && *p >= '0' && *p <= '9' && (n == 0 || value * 10 <= max); ++n, ++p)
    value = value * 10 + (int)(*p - '0');
  if (n == 0 || value < min || value > max) return false;
  *s = p;
  *out = value;
  return true;
}

static const STRPTIME_CHAR *STRPTIME_HELPER(_parse)(const STRPTIME_CHAR *s, const char *fmt,
                                                    struct tm *tm, struct strptime_state *st);

static const STRPTIME_CHAR *STRPTIME_HELPER(_convert)(const STRPTIME_CHAR *s, unsigned long c,
                                                      struct tm *tm, struct strptime_state *st) {
  int v;
  switch (c) {
    case '%':
      while (strptime_space((unsigned long)*s)) ++s;
      return *s == '%' ? s + 1 : NULL;
    case 'n':
    case 't':
      while (strptime_space((unsigned long)*s)) ++s;
      return s;
    case 'a':
    case 'A':
      while (strptime_space((unsigned long)*s)) ++s;
      if ((v = STRPTIME_HELPER(_name)(&s, strptime_days, 7)) < 0) return NULL;
      tm->tm_wday = v;
      st->have_wday = true;
      return s;
    case 'b':
    case 'B':
    case 'h':
      while (strptime_space((unsigned long)*s)) ++s;
      if ((v = STRPTIME_HELPER(_name)(&s, strptime_months, 12)) < 0) return NULL;
      tm->tm_mon = v;
      st->have_mon = true;
      return s;
    case 'c':
      return STRPTIME_HELPER(_parse)(s, "%a %b %e %H:%M:%S %Y", tm, st);
    case 'C':
      if (!STRPTIME_HELPER(_number)(&s, 2, 0, 99, &v)) return NULL;
      st->century = v;
      st->have_year = true;
      return s;
    case 'd':
    case 'e':
      if (!STRPTIME_HELPER(_number)(&s, 2, 1, 31, &v)) return NULL;
      tm->tm_mday = v;
      st->have_mday = true;
      return s;
    case 'D':
    case 'x':
      return STRPTIME_HELPER(_parse)(s, "%m/%d/%y", tm, st);
    case 'F':
      return STRPTIME_HELPER(_parse)(s, "%Y-%m-%d", tm, st);
    case 'H':
      if (!STRPTIME_HELPER(_number)(&s, 2, 0, 23, &v)) return NULL;
      tm->tm_hour = v;
      st->have_hour12 = false;
      return s;
    case 'I':
      if (!STRPTIME_HELPER(_number)(&s, 2, 1, 12, &v)) return NULL;
      tm->tm_hour = v % 12;
      st->have_hour12 = true;
      return s;
    case 'j':
      if (!STRPTIME_HELPER(_number)(&s, 3, 1, 366, &v)) return NULL;
      tm->tm_yday = v - 1;
      st->have_yday = true;
      return s;
    case 'm':
      if (!STRPTIME_HELPER(_number)(&s, 2, 1, 12, &v)) return NULL;
      tm->tm_mon = v - 1;
      st->have_mon = true;
      return s;
    case 'M':
      if (!STRPTIME_HELPER(_number)(&s, 2, 0, 59, &v)) return NULL;
      tm->tm_min = v;
      return s;
    case 'p':
      while (strptime_space((unsigned long)*s)) ++s;
      if (strptime_lower((unsigned long)s[1]) != 'm') return NULL;
      if (strptime_lower((unsigned long)s[0]) == 'a')
        st->pm = 0;
      else if (strptime_lower((unsigned long)s[0]) == 'p')
        st->pm = 1;
      else
        return NULL;
      return s + 2;
    case 'r':
      return STRPTIME_HELPER(_parse)(s, "%I:%M:%S %p", tm, st);
    case 'R':
      return STRPTIME_HELPER(_parse)(s, "%H:%M", tm, st);
    case 'S':
      if (!STRPTIME_HELPER(_number)(&s, 2, 0, 60, &v)) return NULL;
      tm->tm_sec = v;
      return s;
    case 'T':
    case 'X':
      return STRPTIME_HELPER(_parse)(s, "%H:%M:%S", tm, st);
    case 'U':
    case 'W':
      // Week numbers are checked but do not determine the date.
      return STRPTIME_HELPER(_number)(&s, 2, 0, 53, &v) ? s : NULL;
    case 'w':
      if (!STRPTIME_HELPER(_number)(&s, 1, 0, 6, &v)) return NULL;
      tm->tm_wday = v;
      st->have_wday = true;
      return s;
    case 'y':
      if (!STRPTIME_HELPER(_number)(&s, 2, 0, 99, &v)) return NULL;
      st->year2 = v;
      st->have_year = true;
      return s;
    case 'Y':
      if (!STRPTIME_HELPER(_number)(&s, 4, 0, 9999, &v)) return NULL;
      tm->tm_year = v - 1900;
      st->century = st->year2 = -1;
      st->have_year = true;
      return s;
    default:
      return NULL;
  }
}

// Walks a narrow format: nested conversions (%c, %D, ...) use these.
static const STRPTIME_CHAR *STRPTIME_HELPER(_parse)(const STRPTIME_CHAR *s, const char *fmt,
                                                    struct tm *tm, struct strptime_state *st) {
  for (; *fmt != '\0' && s != NULL; ++fmt) {
    if (strptime_space((unsigned char)*fmt)) {
      while (strptime_space((unsigned long)*s)) ++s;
    } else if (*fmt != '%') {
      if ((unsigned long)*s != (unsigned char)*fmt) return NULL;
      ++s;
    } else {
      ++fmt;
      if (*fmt == 'E' || *fmt == 'O') ++fmt;
      if (*fmt == '\0') return NULL;
      s = STRPTIME_HELPER(_convert)(s, (unsigned char)*fmt, tm, st);
    }
  }
  return s;
}

// Walks the caller's format, then completes the fields that depend on
// several conversions.
static STRPTIME_CHAR *STRPTIME_NAME(const STRPTIME_CHAR *s, const STRPTIME_CHAR *fmt,
                                    struct tm *tm) {
  struct strptime_state st = {.century = -1, .year2 = -1, .pm = -1};
  for (; *fmt != '\0' && s != NULL; ++fmt) {
    if (strptime_space((unsigned long)*fmt)) {
      while (strptime_space((unsigned long)*s)) ++s;
    } else if (*fmt != '%') {
      if (*s != *fmt) return NULL;
      ++s;
    } else {
      ++fmt;
      if (*fmt == 'E' || *fmt == 'O') ++fmt;
      if (*fmt == '\0' || (unsigned long)*fmt > 0x7f) return NULL;
      s = STRPTIME_HELPER(_convert)(s, (unsigned long)*fmt, tm, &st);
    }
  }
  if (s == NULL) return NULL;
  if (st.year2 >= 0)
    tm->tm_year = (st.century >= 0 ? st.century * 100
                   : st.year2 < 69 ? 2000
                                   : 1900) +
                  st.year2 - 1900;
  else if (st.century >= 0)
    tm->tm_year = st.century * 100 - 1900;
  if (st.have_hour12 && st.pm == 1) tm->tm_hour += 12;
  if (st.have_year && st.have_mon && st.have_mday) {
    long year = (long)tm->tm_year + 1900;
    long days = days_from_civil(year, tm->tm_mon + 1, tm->tm_mday);
    if (!st.have_wday) tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);  // 1970-01-01: Thursday
    if (!st.have_yday) tm->tm_yday = (int)(days - days_from_civil(year, 1, 1));
  }
  return (STRPTIME_CHAR *)s;
}
