// poll.h: input/output multiplexing.
//
// Features missing:
// - POLLPRI, POLLRDBAND, POLLWRBAND: there is no out-of-band data.
#ifndef _POLL_H_
#define _POLL_H_

#include <_/cdefs.h>

typedef __SIZE_TYPE__ nfds_t;

struct pollfd {
  int fd;
  short events;
  short revents;
};

#define POLLRDNORM 0x1
#define POLLWRNORM 0x2
#define POLLIN POLLRDNORM
#define POLLOUT POLLWRNORM
#define POLLERR 0x1000
#define POLLHUP 0x2000
#define POLLNVAL 0x4000

__BEGIN_DECLS
int poll(struct pollfd *, nfds_t, int);
__END_DECLS

#endif
