// Calendar conversions in UTC, the time zone of every supported locale.
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <time.h>

#include "civil.h"
#include "time_impl.h"

const int daylight = 0;
const long timezone = 0;
const char *const tzname[2] = {"UTC", "UTC"};

void tzset(void) {}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm) {
  int64_t days = *t / 86400, secs = *t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  // The inverse of days_from_civil.
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
    errno = EOVERFLOW;
    return NULL;
  }
  tm->tm_year = (int)(y - 1900);
  tm->tm_mon = (int)(m - 1);
  tm->tm_mday = (int)d;
  tm->tm_hour = (int)(secs / 3600);
  tm->tm_min = (int)(secs / 60 % 60);
  tm->tm_sec = (int)(secs % 60);
  int64_t wday = (days + 4) % 7;  // 1970-01-01 was a Thursday
  tm->tm_wday = (int)(wday < 0 ? wday + 7 : wday);
  tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
  tm->tm_isdst = 0;
  tm->tm_gmtoff = 0;
  tm->tm_zone = "UTC";
  tm->tm_nsec = 0;
  return tm;
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm) {
  return gmtime_r(t, tm);
}

// Normalizes out-of-range fields (as mktime() must) and converts.
time_t timegm(struct tm *tm) {
  int64_t mon = tm->tm_mon, year = (int64_t)tm->tm_year + 1900;
  year += mon / 12;
  mon %= 12;
  if (mon < 0) {
    mon += 12;
    --year;
  }
  int64_t days = days_from_civil(year, mon + 1, 1) + (int64_t)tm->tm_mday - 1;
  int64_t secs =
      days * 86400 + (int64_t)tm->tm_hour * 3600 + (int64_t)tm->tm_min * 60 + (int64_t)tm->tm_sec;
  time_t t = (time_t)secs;
  struct tm normalized;
  if (gmtime_r(&t, &normalized) == NULL) return (time_t)-1;
  normalized.tm_nsec = tm->tm_nsec;
  *tm = normalized;
  return t;
}

time_t mktime(struct tm *tm) { return timegm(tm); }

int localtime_l(const struct timespec *restrict ts, struct tm *restrict tm, locale_t locale) {
  (void)locale;  // Every supported locale uses UTC.
  if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) return EINVAL;
  if (gmtime_r(&ts->tv_sec, tm) == NULL) return EOVERFLOW;
  tm->tm_nsec = ts->tv_nsec;
  return 0;
}

int mktime_l(const struct tm *restrict tm, struct timespec *restrict ts, locale_t locale) {
  (void)locale;
  struct tm copy = *tm;
  long nsec = copy.tm_nsec;
  // Fold nanoseconds outside a second into the seconds.
  copy.tm_sec += (int)(nsec / 1000000000);
  nsec %= 1000000000;
  if (nsec < 0) {
    nsec += 1000000000;
    --copy.tm_sec;
  }
  time_t t = timegm(&copy);
  if (t == (time_t)-1 && copy.tm_year == 69) return EOVERFLOW;
  ts->tv_sec = t;
  ts->tv_nsec = nsec;
  return 0;
}

char *asctime_r(const struct tm *restrict tm, char *restrict buf) {
  static const char days[] = "SunMonTueWedThuFriSat";
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (tm->tm_wday < 0 || tm->tm_wday > 6 || tm->tm_mon < 0 || tm->tm_mon > 11 ||
      tm->tm_year > 9999 - 1900 || tm->tm_year < -1900) {
    errno = EOVERFLOW;
    return NULL;
  }
  // "Sun Sep 16 01:03:52 1973\n": 26 bytes with the terminator.
  char *p = buf;
  for (int i = 0; i < 3; ++i) *p++ = days[tm->tm_wday * 3 + i];
  *p++ = ' ';
  for (int i = 0; i < 3; ++i) *p++ = months[tm->tm_mon * 3 + i];
  int fields[4] = {tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec};
  const char sep[4] = {' ', ' ', ':', ':'};
  for (int i = 0; i < 4; ++i) {
    *p++ = sep[i];
    int v = fields[i] < 0 ? 0 : fields[i] % 100;
    *p++ = i == 0 && v < 10 ? ' ' : (char)('0' + v / 10);
    *p++ = (char)('0' + v % 10);
  }
  *p++ = ' ';
  int y = tm->tm_year + 1900;
  for (int div = 1000; div > 0; div /= 10) *p++ = (char)('0' + y / div % 10);
  *p++ = '\n';
  *p = '\0';
  return buf;
}

char *ctime_r(const time_t *t, char *buf) {
  struct tm tm;
  if (localtime_r(t, &tm) == NULL) return NULL;
  return asctime_r(&tm, buf);
}
