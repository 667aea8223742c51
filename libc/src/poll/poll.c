#include <cloudabi_syscalls.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>

// One read and/or write subscription per descriptor, plus a relative clock
// subscription for the timeout. Each event names its descriptor's index.
int poll(struct pollfd *fds, nfds_t nfds, int timeout) {
  if (nfds > (nfds_t)INT_MAX / 2) {
    errno = EINVAL;
    return -1;
  }
  size_t max = 2 * nfds + 1;
  cloudabi_subscription_t small_subs[17];
  cloudabi_event_t small_events[17];
  cloudabi_subscription_t *subs = small_subs;
  cloudabi_event_t *events = small_events;
  if (max > 17) {
    subs = calloc(max, sizeof(*subs));
    events = calloc(max, sizeof(*events));
    if (subs == NULL || events == NULL) {
      free(subs);
      free(events);
      errno = ENOMEM;
      return -1;
    }
  }
  size_t n = 0;
  for (nfds_t i = 0; i < nfds; ++i) {
    fds[i].revents = 0;
    if (fds[i].fd < 0) continue;
    if (fds[i].events & POLLRDNORM)
      subs[n++] = (cloudabi_subscription_t){
          .userdata = 2 * (uint64_t)i,
          .type = CLOUDABI_EVENTTYPE_FD_READ,
          .fd_readwrite = {.fd = (cloudabi_fd_t)fds[i].fd,
                           .flags = CLOUDABI_SUBSCRIPTION_FD_READWRITE_POLL},
      };
    if (fds[i].events & POLLWRNORM)
      subs[n++] = (cloudabi_subscription_t){
          .userdata = 2 * (uint64_t)i + 1,
          .type = CLOUDABI_EVENTTYPE_FD_WRITE,
          .fd_readwrite = {.fd = (cloudabi_fd_t)fds[i].fd,
                           .flags = CLOUDABI_SUBSCRIPTION_FD_READWRITE_POLL},
      };
  }
  if (timeout >= 0 || n == 0) {
    // Without descriptors and without a timeout poll() waits forever; a
    // very distant timeout does that.
    subs[n++] = (cloudabi_subscription_t){
        .userdata = UINT64_MAX,
        .type = CLOUDABI_EVENTTYPE_CLOCK,
        .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC,
                  .timeout = timeout >= 0 ? (cloudabi_timestamp_t)timeout * 1000000 : UINT64_MAX},
    };
  }
  size_t nevents;
  cloudabi_errno_t error = cloudabi_sys_poll(subs, events, n, &nevents);
  int result = 0;
  if (error != 0) {
    errno = error;
    result = -1;
  } else {
    for (size_t e = 0; e < nevents; ++e) {
      const cloudabi_event_t *ev = &events[e];
      if (ev->userdata == UINT64_MAX) continue;
      struct pollfd *p = &fds[ev->userdata / 2];
      if (ev->error == EBADF)
        p->revents |= POLLNVAL;
      else if (ev->error != 0)
        p->revents |= POLLERR;
      else if (ev->type == CLOUDABI_EVENTTYPE_FD_READ)
        p->revents |= POLLRDNORM;
      else
        p->revents |= POLLWRNORM;
      if (ev->error == 0 && (ev->fd_readwrite.flags & CLOUDABI_EVENT_FD_READWRITE_HANGUP))
        p->revents |= POLLHUP;
    }
    for (nfds_t i = 0; i < nfds; ++i)
      if (fds[i].revents != 0) ++result;
  }
  if (subs != small_subs) {
    free(subs);
    free(events);
  }
  return result;
}
