#include <cloudabi_syscalls.h>
#include <errno.h>
#include <time.h>

#include "time_impl.h"

// Sleeps cannot be interrupted (there are no signals), so the remaining time
// argument is never written and may be omitted. Returns an error number.
static int sleep_on(clockid_t clock, int flags, const struct timespec *req) {
  cloudabi_timestamp_t timeout;
  if ((flags & ~TIMER_ABSTIME) != 0 || !timespec_to_timestamp(req, &timeout)) return EINVAL;
  cloudabi_subscription_t sub = {
      .type = CLOUDABI_EVENTTYPE_CLOCK,
      .clock.clock_id = clock->id,
      .clock.timeout = timeout,
      .clock.flags = (flags & TIMER_ABSTIME) != 0 ? CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME : 0,
  };
  cloudabi_event_t ev;
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_poll(&sub, &ev, 1, &n);
  if (error == 0) error = ev.error;
  return error;
}

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, ...) {
  return sleep_on(clock, flags, req);
}

int nanosleep(const struct timespec *req, ...) {
  int error = sleep_on(CLOCK_MONOTONIC, 0, req);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}
