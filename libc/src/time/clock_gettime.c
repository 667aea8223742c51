#include <cloudabi_syscalls.h>
#include <errno.h>
#include <time.h>

#include "time_impl.h"

const struct __clockid _CLOCK_MONOTONIC = {CLOUDABI_CLOCK_MONOTONIC};
const struct __clockid _CLOCK_PROCESS_CPUTIME_ID = {CLOUDABI_CLOCK_PROCESS_CPUTIME_ID};
const struct __clockid _CLOCK_REALTIME = {CLOUDABI_CLOCK_REALTIME};
const struct __clockid _CLOCK_THREAD_CPUTIME_ID = {CLOUDABI_CLOCK_THREAD_CPUTIME_ID};

int clock_gettime(clockid_t clock, struct timespec *ts) {
  cloudabi_timestamp_t t;
  cloudabi_errno_t error = cloudabi_sys_clock_time_get(clock->id, 1, &t);
  if (error != 0) {
    errno = error;
    return -1;
  }
  *ts = timestamp_to_timespec(t);
  return 0;
}

int clock_getres(clockid_t clock, struct timespec *ts) {
  cloudabi_timestamp_t t;
  cloudabi_errno_t error = cloudabi_sys_clock_res_get(clock->id, &t);
  if (error != 0) {
    errno = error;
    return -1;
  }
  if (ts != NULL) *ts = timestamp_to_timespec(t);
  return 0;
}

time_t time(time_t *out) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_REALTIME, 1000000000, &t);
  time_t now = (time_t)(t / 1000000000);
  if (out != NULL) *out = now;
  return now;
}

int timespec_get(struct timespec *ts, int base) {
  if (base != TIME_UTC) return 0;
  return clock_gettime(CLOCK_REALTIME, ts) == 0 ? base : 0;
}

clock_t clock(void) {
  cloudabi_timestamp_t t;
  if (cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 1000, &t) != 0)
    return (clock_t)-1;
  return (clock_t)(t / (1000000000 / CLOCKS_PER_SEC));
}

double difftime(time_t end, time_t start) { return (double)end - (double)start; }
