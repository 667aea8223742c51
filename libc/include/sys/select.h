// sys/select.h: synchronous input/output multiplexing, on top of poll().
//
// Extensions:
// - FD_COPY(): copies a descriptor set.
// - pselect()'s signal mask argument may be omitted: there are no signals.
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _TIME_T_DECLARED
typedef __time_t time_t;
#define _TIME_T_DECLARED
#endif
#ifndef _SUSECONDS_T_DECLARED
typedef __suseconds_t suseconds_t;
#define _SUSECONDS_T_DECLARED
#endif
#ifndef _STRUCT_TIMESPEC_DECLARED
#define _STRUCT_TIMESPEC_DECLARED
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
#endif
#ifndef _STRUCT_TIMEVAL_DECLARED
#define _STRUCT_TIMEVAL_DECLARED
struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};
#endif

#define FD_SETSIZE 1024

typedef struct {
  unsigned long __bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

__BEGIN_DECLS
void FD_CLR(int, fd_set *);
void FD_COPY(const fd_set *, fd_set *);
int FD_ISSET(int, const fd_set *);
void FD_SET(int, fd_set *);
void FD_ZERO(fd_set *);
int pselect(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict,
            const struct timespec *__restrict, ...);
int select(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict,
           struct timeval *__restrict);
__END_DECLS

#define __FD_WORD(fd) ((unsigned)(fd) / (8 * sizeof(unsigned long)))
#define __FD_MASK(fd) (1UL << ((unsigned)(fd) % (8 * sizeof(unsigned long))))
#define FD_CLR(fd, set) ((void)((set)->__bits[__FD_WORD(fd)] &= ~__FD_MASK(fd)))
#define FD_COPY(from, to) ((void)(*(to) = *(from)))
#define FD_ISSET(fd, set) (((set)->__bits[__FD_WORD(fd)] & __FD_MASK(fd)) != 0)
#define FD_SET(fd, set) ((void)((set)->__bits[__FD_WORD(fd)] |= __FD_MASK(fd)))
#define FD_ZERO(set) ((void)(*(set) = (fd_set){{0}}))

#endif
