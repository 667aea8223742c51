#include <cloudabi_syscalls.h>
#include <errno.h>
#include <unistd.h>

// Waits on a relative monotonic clock subscription.
static cloudabi_errno_t wait_ns(cloudabi_timestamp_t ns) {
  cloudabi_subscription_t sub = {
      .type = CLOUDABI_EVENTTYPE_CLOCK,
      .clock.clock_id = CLOUDABI_CLOCK_MONOTONIC,
      .clock.timeout = ns,
  };
  cloudabi_event_t ev;
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_poll(&sub, &ev, 1, &n);
  return error != 0 ? error : ev.error;
}

unsigned int sleep(unsigned int seconds) {
  wait_ns((cloudabi_timestamp_t)seconds * 1000000000);
  return 0;
}

int usleep(useconds_t useconds) {
  cloudabi_errno_t error = wait_ns((cloudabi_timestamp_t)useconds * 1000);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}
