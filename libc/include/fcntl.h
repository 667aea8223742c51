// fcntl.h: file control.
//
// Files are opened relative to a directory descriptor with openat(); the
// access mode decides which rights the new descriptor gets (see openat()).
// The values of the O_* flags follow CloudABI's: the low twelve bits are
// descriptor flags, the next twelve open flags.
//
// Extensions:
// - O_BENEATH: always in effect (paths cannot leave the directory).
// - O_NDELAY: another name of O_NONBLOCK.
//
// Features missing:
// - open(), creat(): they need a global file system namespace. Use openat()
//   on a directory descriptor the program was given.
// - F_DUPFD, F_DUPFD_CLOEXEC: the numbering of descriptors carries no meaning.
// - F_GETLK, F_SETLK, F_SETLKW, struct flock: there is no file locking.
// - F_GETOWN, F_SETOWN: there are no signal handlers to notify.
// - O_TTY_INIT: there are no terminals.
// - AT_FDCWD: there is no working directory.
// - AT_EACCESS: there are no credentials to check against.
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _MODE_T_DECLARED
typedef __mode_t mode_t;
#define _MODE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef __off_t off_t;
#define _OFF_T_DECLARED
#endif

#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4

#define FD_CLOEXEC 0x1

// Descriptor flags (CloudABI's fdflags).
#define O_APPEND 0x1
#define O_DSYNC 0x2
#define O_NONBLOCK 0x4
#define O_RSYNC 0x8
#define O_SYNC 0x10

// Open flags (CloudABI's oflags, shifted left by twelve).
#define O_CREAT 0x1000
#define O_DIRECTORY 0x2000
#define O_EXCL 0x4000
#define O_TRUNC 0x8000

// Handled by openat() itself.
#define O_NOFOLLOW 0x1000000
#define O_EXEC 0x2000000
#define O_RDONLY 0x4000000
#define O_SEARCH 0x8000000
#define O_WRONLY 0x10000000
#define O_RDWR (O_RDONLY | O_WRONLY)
#define O_ACCMODE (O_EXEC | O_RDONLY | O_SEARCH | O_WRONLY)

// Accepted for compatibility; they have no effect.
#define O_BENEATH 0
#define O_CLOEXEC 0
#define O_NDELAY O_NONBLOCK
#define O_NOCTTY 0

#define AT_EACCESS 0
#define AT_SYMLINK_NOFOLLOW 0x1
#define AT_SYMLINK_FOLLOW 0x2
#define AT_REMOVEDIR 0x4

// CloudABI's advice values.
#define POSIX_FADV_DONTNEED 1
#define POSIX_FADV_NOREUSE 2
#define POSIX_FADV_NORMAL 3
#define POSIX_FADV_RANDOM 4
#define POSIX_FADV_SEQUENTIAL 5
#define POSIX_FADV_WILLNEED 6

__BEGIN_DECLS
int fcntl(int, int, ...);
int openat(int, const char *, int, ...);
int posix_fadvise(int, off_t, off_t, int);
int posix_fallocate(int, off_t, off_t);
__END_DECLS

#endif
