// sys/types.h: data types.
//
// Features missing:
// - pid_t, id_t, uid_t, gid_t: there are no process, user or group
//   identifiers in a capability-based system.
// - timer_t, fsblkcnt_t, fsfilcnt_t: there are no timers or statvfs().
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <_/types.h>

typedef __blkcnt_t blkcnt_t;
typedef __blksize_t blksize_t;
typedef __clock_t clock_t;
typedef __clockid_t clockid_t;
typedef __dev_t dev_t;
typedef __ino_t ino_t;
typedef __mode_t mode_t;
typedef __nlink_t nlink_t;
typedef __suseconds_t suseconds_t;
#ifndef _TIME_T_DECLARED
typedef __time_t time_t;
#define _TIME_T_DECLARED
#endif
typedef __useconds_t useconds_t;
#ifndef _OFF_T_DECLARED
typedef __off_t off_t;
#define _OFF_T_DECLARED
#endif
#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#define _SSIZE_T_DECLARED
#endif
#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif

#endif
