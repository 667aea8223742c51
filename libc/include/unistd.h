// unistd.h: standard symbolic constants and types, and descriptor calls.
//
// Extensions:
// - pipe() creates a pair of connected, bidirectional stream sockets.
//
// Features missing:
// - access(), chown(), execl(), execle(), execlp(), execv(), execve(),
//   execvp(), lchown(), link(), pathconf(), readlink(), rmdir(), symlink(),
//   truncate(), unlink(): they need a global file system namespace. Use the
//   *at() variants on a directory descriptor, ftruncate(), and
//   program_exec() from <program.h>.
// - chdir(), fchdir(), getcwd(): there is no working directory.
// - fork(), getpid(), getppid(), getpgid(), getpgrp(), getsid(), setpgid(),
//   setsid(), pid_t: there is no global process namespace. See <program.h>.
// - fexecve(): use program_exec(), which passes argument data.
// - getuid(), geteuid(), getgid(), getegid(), getgroups(), getlogin(),
//   getlogin_r(), setuid(), seteuid(), setgid(), setegid(), setreuid(),
//   setregid(): there are no credentials.
// - isatty(), tcgetpgrp(), tcsetpgrp(), ttyname(), ttyname_r(): there are no
//   terminals.
// - STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO: there are no standard
//   descriptors; programs receive descriptors through their argument data.
// - alarm(), pause(): there are no signal handlers.
// - nice(): there is no scheduling priority.
// - sync(): use fsync() on the descriptors that matter.
// - lockf(): there is no file locking.
// - confstr(), getopt(), optarg, opterr, optind, optopt: there is no command
//   line to parse.
// - gethostid(), gethostname(): programs cannot see the host.
// - crypt(), encrypt(), getpagesize(): use crypt_r()-like interfaces and
//   sysconf(_SC_PAGESIZE).
// - fchown(), fchownat(): there are no file owners.
// - _POSIX_VERSION and the other option macros: this is not a POSIX system.
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#define _SSIZE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef __off_t off_t;
#define _OFF_T_DECLARED
#endif
#ifndef _USECONDS_T_DECLARED
typedef __useconds_t useconds_t;
#define _USECONDS_T_DECLARED
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

// faccessat().
#define F_OK 0x0
#define R_OK 0x4
#define W_OK 0x2
#define X_OK 0x1

// lseek(); the values of CloudABI's whence.
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_SET 3

// sysconf().
#define _SC_NPROCESSORS_CONF 1
#define _SC_NPROCESSORS_ONLN 2
#define _SC_PAGESIZE 3
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_CLK_TCK 4
#define _SC_OPEN_MAX 5
#define _SC_IOV_MAX 6
#define _SC_LINE_MAX 7
#define _SC_THREAD_KEYS_MAX 8
#define _SC_THREAD_STACK_MIN 9
#define _SC_TTY_NAME_MAX 10

extern char **environ;

__BEGIN_DECLS
__noreturn void _exit(int);
int close(int);
int dup(int);
int dup2(int, int);
int faccessat(int, const char *, int, int);
int fdatasync(int);
int fsync(int);
int ftruncate(int, off_t);
int linkat(int, const char *, int, const char *, int);
off_t lseek(int, off_t, int);
int pipe(int *);
ssize_t pread(int, void *, size_t, off_t);
ssize_t pwrite(int, const void *, size_t, off_t);
ssize_t read(int, void *, size_t);
ssize_t readlinkat(int, const char *__restrict, char *__restrict, size_t);
unsigned int sleep(unsigned int);
void swab(const void *__restrict, void *__restrict, ssize_t);
int symlinkat(const char *, int, const char *);
long sysconf(int);
int unlinkat(int, const char *, int);
int usleep(useconds_t);
ssize_t write(int, const void *, size_t);
__END_DECLS

#endif
