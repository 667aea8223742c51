// sys/stat.h: file status.
//
// Extensions:
// - mkdirat()'s mode argument may be omitted: there are no permissions.
// - S_TYPEISPROC(), S_TYPEISSHM(): process descriptors and shared memory.
//
// Features missing:
// - stat(), lstat(), chmod(), mkdir(), mkfifo(): they need a global file
//   system namespace. Use fstatat(), fstat() and mkdirat().
// - mkfifoat(): only anonymous pipes exist (see pipe()).
// - fchmod(), fchmodat(), umask(), st_uid, st_gid: files have no owners or
//   permissions; access is governed by the rights of descriptors.
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef __blkcnt_t blkcnt_t;
typedef __blksize_t blksize_t;
typedef __dev_t dev_t;
typedef __ino_t ino_t;
typedef __nlink_t nlink_t;
#ifndef _MODE_T_DECLARED
typedef __mode_t mode_t;
#define _MODE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef __off_t off_t;
#define _OFF_T_DECLARED
#endif
#ifndef _TIME_T_DECLARED
typedef __time_t time_t;
#define _TIME_T_DECLARED
#endif
#ifndef _STRUCT_TIMESPEC_DECLARED
#define _STRUCT_TIMESPEC_DECLARED
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
#endif

struct stat {
  dev_t st_dev;
  ino_t st_ino;
  mode_t st_mode;
  nlink_t st_nlink;
  off_t st_size;
  struct timespec st_atim;
  struct timespec st_mtim;
  struct timespec st_ctim;
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

// File types. Process descriptors and shared memory get types of their own.
#define S_IFMT 0xf000
#define S_IFIFO 0x1000
#define S_IFCHR 0x2000
#define S_IFDIR 0x4000
#define __S_IFPROC 0x5000
#define S_IFBLK 0x6000
#define __S_IFSHM 0x7000
#define S_IFREG 0x8000
#define S_IFLNK 0xa000
#define S_IFSOCK 0xc000

#define S_ISBLK(m) (((m)&S_IFMT) == S_IFBLK)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define S_ISLNK(m) (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)

// Permission bits, for code that passes them along; they have no effect.
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000

// For futimens() and utimensat().
#define UTIME_NOW (-1)
#define UTIME_OMIT (-2)

__BEGIN_DECLS
int fstat(int, struct stat *);
int fstatat(int, const char *__restrict, struct stat *__restrict, int);
int futimens(int, const struct timespec *);
int mkdirat(int, const char *, ...);
int S_TYPEISMQ(const struct stat *);
int S_TYPEISPROC(const struct stat *);
int S_TYPEISSEM(const struct stat *);
int S_TYPEISSHM(const struct stat *);
int utimensat(int, const char *, const struct timespec *, int);
__END_DECLS

#define S_TYPEISMQ(buf) ((void)(buf), 0)
#define S_TYPEISPROC(buf) (((buf)->st_mode & S_IFMT) == __S_IFPROC)
#define S_TYPEISSEM(buf) ((void)(buf), 0)
#define S_TYPEISSHM(buf) (((buf)->st_mode & S_IFMT) == __S_IFSHM)

#endif
