#include <cloudabi_syscalls.h>
#include <sys/time.h>

// The time zone argument is obsolete and may be omitted.
int gettimeofday(struct timeval *restrict tv, ...) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_REALTIME, 1000, &t);
  tv->tv_sec = (time_t)(t / 1000000000);
  tv->tv_usec = (suseconds_t)(t % 1000000000 / 1000);
  return 0;
}
