#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/select.h>

#undef FD_CLR
#undef FD_COPY
#undef FD_ISSET
#undef FD_SET
#undef FD_ZERO

void FD_CLR(int fd, fd_set *set) { set->__bits[__FD_WORD(fd)] &= ~__FD_MASK(fd); }
void FD_COPY(const fd_set *from, fd_set *to) { *to = *from; }
int FD_ISSET(int fd, const fd_set *set) {
  return (set->__bits[__FD_WORD(fd)] & __FD_MASK(fd)) != 0;
}
void FD_SET(int fd, fd_set *set) { set->__bits[__FD_WORD(fd)] |= __FD_MASK(fd); }
void FD_ZERO(fd_set *set) { *set = (fd_set){{0}}; }

// select() and pselect() are poll() on the descriptors in the sets. Errors
// on a descriptor mark it in every set it was watched in.
static int select_ms(int nfds, fd_set *r, fd_set *w, fd_set *e, int timeout) {
  if (nfds < 0 || nfds > FD_SETSIZE) {
    errno = EINVAL;
    return -1;
  }
  struct pollfd small[64];
  struct pollfd *p = small;
  if (nfds > 64 && (p = calloc((size_t)nfds, sizeof(*p))) == NULL) return -1;
  int n = 0;
  for (int fd = 0; fd < nfds; ++fd) {
    short events = 0;
    if (r != NULL && FD_ISSET(fd, r)) events |= POLLIN;
    if (w != NULL && FD_ISSET(fd, w)) events |= POLLOUT;
    if (events == 0 && !(e != NULL && FD_ISSET(fd, e))) continue;
    p[n++] = (struct pollfd){.fd = fd, .events = events};
  }
  int result = poll(p, (nfds_t)n, timeout);
  if (result >= 0) {
    fd_set rr = {{0}}, ww = {{0}}, ee = {{0}};
    result = 0;
    for (int i = 0; i < n; ++i) {
      if (p[i].revents & POLLNVAL) {
        if (p != small) free(p);
        errno = EBADF;
        return -1;
      }
      if ((p[i].revents & (POLLIN | POLLHUP | POLLERR)) && (p[i].events & POLLIN)) {
        FD_SET(p[i].fd, &rr);
        ++result;
      }
      if ((p[i].revents & (POLLOUT | POLLERR)) && (p[i].events & POLLOUT)) {
        FD_SET(p[i].fd, &ww);
        ++result;
      }
      if ((p[i].revents & POLLERR) && e != NULL && FD_ISSET(p[i].fd, e)) {
        FD_SET(p[i].fd, &ee);
        ++result;
      }
    }
    if (r != NULL) *r = rr;
    if (w != NULL) *w = ww;
    if (e != NULL) *e = ee;
  }
  if (p != small) free(p);
  return result;
}

int select(int nfds, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
           struct timeval *restrict timeout) {
  int ms = -1;
  if (timeout != NULL) {
    if (timeout->tv_sec < 0 || timeout->tv_usec < 0 || timeout->tv_usec >= 1000000) {
      errno = EINVAL;
      return -1;
    }
    long long t = (long long)timeout->tv_sec * 1000 + (timeout->tv_usec + 999) / 1000;
    ms = t > 0x7fffffff ? 0x7fffffff : (int)t;
  }
  return select_ms(nfds, r, w, e, ms);
}

int pselect(int nfds, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
            const struct timespec *restrict timeout, ...) {
  int ms = -1;
  if (timeout != NULL) {
    if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000) {
      errno = EINVAL;
      return -1;
    }
    long long t = (long long)timeout->tv_sec * 1000 + (timeout->tv_nsec + 999999) / 1000000;
    ms = t > 0x7fffffff ? 0x7fffffff : (int)t;
  }
  return select_ms(nfds, r, w, e, ms);
}
