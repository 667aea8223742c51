// time.h: time types and functions.
//
// The C locale's time zone is UTC: localtime_r() equals gmtime_r(), mktime()
// equals timegm(), tzset() does nothing, and daylight, timezone and tzname
// are constants.
//
// Extensions:
// - timegm(): mktime() in UTC.
// - localtime_l(), mktime_l(): conversions with nanoseconds in the time zone
//   of a locale (which is UTC for every supported locale).
// - struct tm has tm_gmtoff, tm_zone and tm_nsec.
// - nanosleep() and clock_nanosleep()'s remaining-time argument may be
//   omitted: sleeps are never interrupted.
//
// Features missing:
// - asctime(), ctime(), gmtime(), localtime(): they return static buffers and
//   are not thread-safe. Use the *_r() variants.
// - clock_getcpuclockid(): there is no global process namespace.
// - clock_settime(): setting the clock needs privileges programs do not have.
// - timer_create() and the other timer_*() functions, struct itimerspec:
//   there are no signal handlers to notify.
#ifndef _TIME_H_
#define _TIME_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef _TIME_T_DECLARED
typedef __time_t time_t;
#define _TIME_T_DECLARED
#endif
#ifndef _CLOCK_T_DECLARED
typedef __clock_t clock_t;
#define _CLOCK_T_DECLARED
#endif
#ifndef _CLOCKID_T_DECLARED
typedef __clockid_t clockid_t;
#define _CLOCKID_T_DECLARED
#endif
#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _STRUCT_TIMESPEC_DECLARED
#define _STRUCT_TIMESPEC_DECLARED
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
#endif

struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  int tm_gmtoff;
  const char *tm_zone;
  long tm_nsec;
};

// Clocks are objects; clockid_t points at one.
extern const struct __clockid _CLOCK_MONOTONIC;
extern const struct __clockid _CLOCK_PROCESS_CPUTIME_ID;
extern const struct __clockid _CLOCK_REALTIME;
extern const struct __clockid _CLOCK_THREAD_CPUTIME_ID;
#define CLOCK_MONOTONIC (&_CLOCK_MONOTONIC)
#define CLOCK_PROCESS_CPUTIME_ID (&_CLOCK_PROCESS_CPUTIME_ID)
#define CLOCK_REALTIME (&_CLOCK_REALTIME)
#define CLOCK_THREAD_CPUTIME_ID (&_CLOCK_THREAD_CPUTIME_ID)

#define CLOCKS_PER_SEC 1000000
#define TIMER_ABSTIME 0x1
#define TIME_UTC 1

extern const int daylight;
extern const long timezone;
extern const char *const tzname[2];

__BEGIN_DECLS
char *asctime_r(const struct tm *__restrict, char *__restrict);
clock_t clock(void);
int clock_getres(clockid_t, struct timespec *);
int clock_gettime(clockid_t, struct timespec *);
int clock_nanosleep(clockid_t, int, const struct timespec *, ...);
char *ctime_r(const time_t *, char *);
double difftime(time_t, time_t) __pure2;
struct tm *gmtime_r(const time_t *__restrict, struct tm *__restrict);
int localtime_l(const struct timespec *__restrict, struct tm *__restrict, locale_t);
struct tm *localtime_r(const time_t *__restrict, struct tm *__restrict);
time_t mktime(struct tm *);
int mktime_l(const struct tm *__restrict, struct timespec *__restrict, locale_t);
int nanosleep(const struct timespec *, ...);
size_t strftime(char *__restrict, size_t, const char *__restrict, const struct tm *__restrict)
    __strftimelike(3);
size_t strftime_l(char *__restrict, size_t, const char *__restrict, const struct tm *__restrict,
                  locale_t) __strftimelike(3);
char *strptime(const char *__restrict, const char *__restrict, struct tm *__restrict);
char *strptime_l(const char *__restrict, const char *__restrict, struct tm *__restrict, locale_t);
time_t time(time_t *);
time_t timegm(struct tm *);
int timespec_get(struct timespec *, int);
void tzset(void);
__END_DECLS

#endif
