// Log lines go to stderr: "2019-01-01T12:00:00.123456789Z WARNING  message".
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "stdio_impl.h"

// The level is in the low three bits of a priority; a facility may be or-ed
// in by portable code (all facilities are zero here).
#define LEVEL(priority) ((priority)&7)

static atomic_int mask = LOG_UPTO(LOG_DEBUG);

void openlog(const char *ident, int option, int facility) {
  (void)ident;
  (void)option;
  (void)facility;
}

void closelog(void) {}

int setlogmask(int newmask) {
  return newmask != 0 ? atomic_exchange(&mask, newmask) : atomic_load(&mask);
}

void vsyslog_l(int priority, locale_t locale, const char *fmt, va_list ap) {
  if ((atomic_load(&mask) & LOG_MASK(LEVEL(priority))) == 0) return;
  static const char *const levels[] = {"EMERGENCY", "ALERT",  "CRITICAL", "ERROR",
                                       "WARNING",   "NOTICE", "INFO",     "DEBUG"};
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  struct tm tm;
  gmtime_r(&ts.tv_sec, &tm);
  flockfile(stderr);
  fprintf(stderr, "%04d-%02d-%02dT%02d:%02d:%02d.%09ldZ %-9s ", tm.tm_year + 1900, tm.tm_mon + 1,
          tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec, levels[LEVEL(priority)]);
  vfprintf_l(stderr, locale, fmt, ap);
  size_t len = strlen(fmt);
  if (len == 0 || fmt[len - 1] != '\n') fputc('\n', stderr);
  fflush(stderr);
  funlockfile(stderr);
}

void vsyslog(int priority, const char *fmt, va_list ap) {
  vsyslog_l(priority, LC_C_LOCALE, fmt, ap);
}

void syslog(int priority, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog_l(priority, LC_C_LOCALE, fmt, ap);
  va_end(ap);
}

void syslog_l(int priority, locale_t locale, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog_l(priority, locale, fmt, ap);
  va_end(ap);
}
