// Internals of the time functions.
#ifndef LIBC_TIME_IMPL_H
#define LIBC_TIME_IMPL_H

#include <cloudabi_types.h>
#include <stdbool.h>
#include <time.h>

struct __clockid {
  cloudabi_clockid_t id;
};

// Converts a timespec to a CloudABI timestamp; false if negative or
// malformed. Values beyond the timestamp range saturate.
static inline bool timespec_to_timestamp(const struct timespec *ts, cloudabi_timestamp_t *out) {
  if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) return false;
  if ((cloudabi_timestamp_t)ts->tv_sec >
      (UINT64_MAX - (cloudabi_timestamp_t)ts->tv_nsec) / 1000000000)
    *out = UINT64_MAX;
  else
    *out = (cloudabi_timestamp_t)ts->tv_sec * 1000000000 + (cloudabi_timestamp_t)ts->tv_nsec;
  return true;
}

static inline struct timespec timestamp_to_timespec(cloudabi_timestamp_t t) {
  return (struct timespec){.tv_sec = (time_t)(t / 1000000000), .tv_nsec = (long)(t % 1000000000)};
}

#endif
