// Unit tests of time.h, sys/time.h, sched.h and setjmp.h.
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <wchar.h>

#include <locale.h>

#include "../libc_support/libc_check.h"

TEST(clocks) {
  struct timespec a, b, res;
  CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
  CHECK_EQ(clock_getres(CLOCK_MONOTONIC, &res), 0);
  CHECK(res.tv_sec == 0 && res.tv_nsec > 0);
  struct timespec nap = {0, 20000000};
  CHECK_EQ(nanosleep(&nap, NULL), 0);
  CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
  long long elapsed = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
  CHECK(elapsed >= 20000000);
  CHECK_EQ(clock_gettime(CLOCK_REALTIME, &a), 0);
  CHECK(a.tv_sec > 1600000000);
  time_t now = time(NULL);
  CHECK(now >= a.tv_sec && now < a.tv_sec + 5);
  struct timeval tv;
  CHECK_EQ(gettimeofday(&tv, NULL), 0);
  CHECK(tv.tv_sec >= a.tv_sec && tv.tv_usec < 1000000);
  CHECK_EQ(timespec_get(&a, TIME_UTC), TIME_UTC);
  CHECK(clock() >= 0);
  CHECK_EQ(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a), 0);
  CHECK_EQ(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a), 0);
  // An absolute sleep until a moment in the past returns at once.
  CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
  CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &a), 0);
  struct timespec badts = {0, 1000000000};
  CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &badts), EINVAL);
  errno = 0;
  CHECK_EQ(nanosleep(&badts), -1);
  CHECK_EQ(errno, EINVAL);
  CHECK_EQ(sched_yield(), 0);
  CHECK(difftime(10, 4) == 6.0);
}

TEST(calendar) {
  struct tm tm;
  time_t t = 0;
  CHECK(gmtime_r(&t, &tm) == &tm);
  CHECK_EQ(tm.tm_year, 70);
  CHECK_EQ(tm.tm_wday, 4);
  t = 951782400;  // 2000-02-29
  gmtime_r(&t, &tm);
  CHECK_EQ(tm.tm_mon, 1);
  CHECK_EQ(tm.tm_mday, 29);
  CHECK_EQ(tm.tm_yday, 59);
  t = -1;
  gmtime_r(&t, &tm);
  CHECK_EQ(tm.tm_year, 69);
  CHECK_EQ(tm.tm_hour, 23);
  CHECK_EQ(tm.tm_mday, 31);
  // Round trips over a wide range, including before 1970 and far ahead.
  for (long long s = -62135596800LL; s < 253402300800LL; s += 86399LL * 377) {
    t = (time_t)s;
    CHECK(gmtime_r(&t, &tm) != NULL);
    CHECK_EQ(timegm(&tm), t);
  }
  // Normalization.
  tm = (struct tm){.tm_year = 100, .tm_mon = 13, .tm_mday = 0, .tm_hour = 25, .tm_sec = -1};
  t = timegm(&tm);
  // 2001-01-00 25:00:-1 is 2001-02-01 00:59:59.
  CHECK_EQ(tm.tm_year, 101);
  CHECK_EQ(tm.tm_mon, 1);
  CHECK_EQ(tm.tm_mday, 1);
  CHECK_EQ(tm.tm_hour, 0);
  CHECK_EQ(tm.tm_min, 59);
  CHECK_EQ(tm.tm_sec, 59);
  CHECK_EQ(mktime(&tm), t);
  CHECK(localtime_r(&t, &tm) != NULL);
  CHECK_EQ(tm.tm_gmtoff, 0);
  CHECK_STREQ(tm.tm_zone, "UTC");
  char buf[32];
  t = 123456789;
  CHECK_STREQ(ctime_r(&t, buf), "Thu Nov 29 21:33:09 1973\n");
  struct timespec ts = {.tv_sec = 86400, .tv_nsec = 42};
  CHECK_EQ(localtime_l(&ts, &tm, LC_C_LOCALE), 0);
  CHECK_EQ(tm.tm_nsec, 42);
  struct timespec back;
  CHECK_EQ(mktime_l(&tm, &back, LC_C_LOCALE), 0);
  CHECK_EQ(back.tv_sec, 86400);
  CHECK_EQ(back.tv_nsec, 42);
  CHECK_EQ(daylight, 0);
  CHECK_EQ(timezone, 0);
  CHECK_STREQ(tzname[0], "UTC");
  tzset();
}

TEST(strftime_formats) {
  struct tm tm;
  time_t t = 1234567890;  // 2009-02-13 23:31:30 UTC, a Friday
  gmtime_r(&t, &tm);
  char buf[128];
  CHECK_EQ(strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %Z %z", &tm), 60);
  CHECK_STREQ(buf, "2009-02-13 23:31:30 Fri Friday Feb February 044 PM UTC +0000");
  strftime(buf, sizeof(buf), "%c|%D|%e|%F|%T|%r|%R|%u|%w|%U|%W|%V|%G|%g|%C|%y|%I|%s|%%", &tm);
  CHECK_STREQ(buf,
              "Fri Feb 13 23:31:30 2009|02/13/09|13|2009-02-13|23:31:30|11:31:30 PM|"
              "23:31|5|5|06|06|07|2009|09|20|09|11|1234567890|%");
  strftime(buf, sizeof(buf), "%_5d|%-d|%05Y|%^a|%x|%X", &tm);
  CHECK_STREQ(buf, "   13|13|02009|FRI|02/13/09|23:31:30");
  CHECK_EQ(strftime(buf, 5, "%Y-%m", &tm), 0);  // too small
  t = 1104537600;                               // 2005-01-01, ISO week 53 of 2004
  gmtime_r(&t, &tm);
  strftime(buf, sizeof(buf), "%G-W%V-%u", &tm);
  CHECK_STREQ(buf, "2004-W53-6");
}

static jmp_buf env;
static int depth;

static void dive(int n) {
  char pad[256];
  memset(pad, n, sizeof(pad));
  if (n == 0) longjmp(env, 42);
  dive(n - 1);
  depth += pad[0];
}

TEST(setjmp_longjmp) {
  volatile int visits = 0;
  int r = setjmp(env);
  ++visits;
  if (r == 0) {
    dive(50);
    CHECK(0);  // not reached
  }
  CHECK_EQ(r, 42);
  CHECK_EQ(visits, 2);
  // longjmp with 0 makes setjmp return 1.
  if ((r = setjmp(env)) == 0) longjmp(env, 0);
  CHECK_EQ(r, 1);
  sigjmp_buf senv;
  if ((r = sigsetjmp(senv, 1)) == 0) siglongjmp(senv, 7);
  CHECK_EQ(r, 7);
}

TEST(strptime_and_wcsptime) {
  struct tm tm = {0};
  const char *s = "2024-02-29T13:05:09 rest";
  char *end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
  CHECK(end == s + 19);
  CHECK_EQ(tm.tm_year, 124);
  CHECK_EQ(tm.tm_mon, 1);
  CHECK_EQ(tm.tm_mday, 29);
  CHECK_EQ(tm.tm_hour, 13);
  CHECK_EQ(tm.tm_min, 5);
  CHECK_EQ(tm.tm_sec, 9);
  CHECK_EQ(tm.tm_wday, 4);  // a Thursday, derived from the date
  CHECK_EQ(tm.tm_yday, 59);
  // Names in full or abbreviated, any case; %I with %p; %C with %y.
  CHECK(strptime("tuesday 7 pm", "%A %I %p", &tm) != NULL);
  CHECK_EQ(tm.tm_wday, 2);
  CHECK_EQ(tm.tm_hour, 19);
  CHECK(strptime("12 AM DEC", "%I %p %b", &tm) != NULL);
  CHECK_EQ(tm.tm_hour, 0);
  CHECK_EQ(tm.tm_mon, 11);
  CHECK(strptime("19 84", "%C %y", &tm) != NULL);
  CHECK_EQ(tm.tm_year, 84);
  CHECK(strptime("68", "%y", &tm) != NULL);
  CHECK_EQ(tm.tm_year, 168);
  CHECK(strptime("69", "%y", &tm) != NULL);
  CHECK_EQ(tm.tm_year, 69);
  // Mismatches and out-of-range fields fail.
  CHECK(strptime("2024/01/01", "%Y-%m-%d", &tm) == NULL);
  CHECK(strptime("13", "%m", &tm) == NULL);
  CHECK(strptime("x", "%H", &tm) == NULL);
  CHECK(strptime("Foo", "%a", &tm) == NULL);
  CHECK(strptime("1", "%Q", &tm) == NULL);
  wchar_t *wend;
  const wchar_t *w = L"\u00e9t\u00e9 1999-07-04";
  wend = wcsptime(w, L"\u00e9t\u00e9 %F", &tm);
  CHECK(wend == w + 14);
  CHECK_EQ(tm.tm_year, 99);
  CHECK_EQ(tm.tm_mon, 6);
  CHECK_EQ(tm.tm_mday, 4);
  CHECK(wcsptime(L"ete 1999-07-04", L"\u00e9t\u00e9 %F", &tm) == NULL);
  CHECK(strptime_l("10:20", "%R", &tm, LC_C_LOCALE) != NULL);
  CHECK_EQ(tm.tm_min, 20);
  CHECK(wcsptime_l(L"10:21", L"%R", &tm, LC_C_LOCALE) != NULL);
  CHECK_EQ(tm.tm_min, 21);
}
