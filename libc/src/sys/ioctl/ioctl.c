#include <cloudabi_syscalls.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/ioctl.h>

// FIONREAD polls the descriptor for reading with a zero timeout: a read
// event carries the number of bytes available; none means nothing is.
int ioctl(int fd, unsigned long request, ...) {
  if (request != FIONREAD) {
    errno = EINVAL;
    return -1;
  }
  va_list ap;
  va_start(ap, request);
  int *result = va_arg(ap, int *);
  va_end(ap);
  cloudabi_subscription_t subs[2] = {
      {.userdata = 0,
       .type = CLOUDABI_EVENTTYPE_FD_READ,
       .fd_readwrite = {.fd = (cloudabi_fd_t)fd, .flags = CLOUDABI_SUBSCRIPTION_FD_READWRITE_POLL}},
      {.userdata = 1,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC, .timeout = 0}},
  };
  cloudabi_event_t events[2];
  size_t nevents;
  cloudabi_errno_t error = cloudabi_sys_poll(subs, events, 2, &nevents);
  if (error != 0) {
    errno = error;
    return -1;
  }
  uint64_t available = 0;
  for (size_t i = 0; i < nevents; ++i) {
    if (events[i].userdata != 0) continue;
    if (events[i].error != 0) {
      errno = events[i].error;
      return -1;
    }
    available = events[i].fd_readwrite.nbytes;
  }
  *result = available > INT_MAX ? INT_MAX : (int)available;
  return 0;
}
