#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "libc_start.h"

long sysconf(int name) {
  switch (name) {
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
      return (long)__at_ncpus;
    case _SC_PAGESIZE:
      return (long)__at_pagesz;
    case _SC_CLK_TCK:
      return 1000000000;  // times() counts nanoseconds
    case _SC_OPEN_MAX:
      return -1;  // no fixed limit
    case _SC_IOV_MAX:
      return IOV_MAX;
    case _SC_LINE_MAX:
      return _POSIX2_LINE_MAX;
    case _SC_THREAD_KEYS_MAX:
      return PTHREAD_KEYS_MAX;
    case _SC_THREAD_STACK_MIN:
      return PTHREAD_STACK_MIN;
    case _SC_TTY_NAME_MAX:
      return TTY_NAME_MAX;
    default:
      errno = EINVAL;
      return -1;
  }
}
