// The few Linux x86-64 definitions the hostile program needs: system call
// numbers, flags and structures, written out by hand since the CloudABI target
// has no Linux headers, and a raw `syscall` helper.
#ifndef ESCAPE_LINUX_H
#define ESCAPE_LINUX_H

#include <stddef.h>
#include <stdint.h>

// A raw Linux system call: returns the result, or -errno.
static inline long raw6(long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
  long ret;
  register long r10 __asm__("r10") = a4;
  register long r8 __asm__("r8") = a5;
  register long r9 __asm__("r9") = a6;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define SYS0(nr) raw6((nr), 0, 0, 0, 0, 0, 0)
#define SYS1(nr, a) raw6((nr), (long)(a), 0, 0, 0, 0, 0)
#define SYS2(nr, a, b) raw6((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(nr, a, b, c) raw6((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(nr, a, b, c, d) raw6((nr), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SYS5(nr, a, b, c, d, e) raw6((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define SYS6(nr, a, b, c, d, e, f) \
  raw6((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

// A 32-bit system call through the legacy `int $0x80` gate (pointers must be
// below 4 GiB).
static inline long raw_int80(long nr, long a1, long a2, long a3) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a1), "c"(a2), "d"(a3) : "memory");
  return (long)(int)ret;
}

// System call numbers (x86-64).
enum {
  NR_read = 0,
  NR_write = 1,
  NR_close = 3,
  NR_fstat = 5,
  NR_poll = 7,
  NR_lseek = 8,
  NR_mmap = 9,
  NR_mprotect = 10,
  NR_munmap = 11,
  NR_brk = 12,
  NR_rt_sigprocmask = 14,
  NR_ioctl = 16,
  NR_pread64 = 17,
  NR_pwrite64 = 18,
  NR_dup = 32,
  NR_dup3 = 292,
  NR_getpid = 39,
  NR_socket = 41,
  NR_connect = 42,
  NR_sendto = 44,
  NR_recvfrom = 45,
  NR_sendmsg = 46,
  NR_bind = 49,
  NR_listen = 50,
  NR_clone = 56,
  NR_execve = 59,
  NR_exit = 60,
  NR_wait4 = 61,
  NR_kill = 62,
  NR_uname = 63,
  NR_fcntl = 72,
  NR_truncate = 76,
  NR_ftruncate = 77,
  NR_getrlimit = 97,
  NR_ptrace = 101,
  NR_syslog = 103,
  NR_getppid = 110,
  NR_mknod = 133,
  NR_personality = 135,
  NR_modify_ldt = 154,
  NR_pivot_root = 155,
  NR_prctl = 157,
  NR_setrlimit = 160,
  NR_chroot = 161,
  NR_mount = 165,
  NR_umount2 = 166,
  NR_reboot = 169,
  NR_sethostname = 170,
  NR_iopl = 172,
  NR_init_module = 175,
  NR_setxattr = 188,
  NR_tgkill = 234,
  NR_kexec_load = 246,
  NR_add_key = 248,
  NR_keyctl = 250,
  NR_exit_group = 231,
  NR_clock_gettime = 228,
  NR_inotify_add_watch = 254,
  NR_openat = 257,
  NR_mkdirat = 258,
  NR_mknodat = 259,
  NR_fchownat = 260,
  NR_newfstatat = 262,
  NR_unlinkat = 263,
  NR_linkat = 265,
  NR_symlinkat = 266,
  NR_readlinkat = 267,
  NR_fchmodat = 268,
  NR_faccessat = 269,
  NR_unshare = 272,
  NR_utimensat = 280,
  NR_pipe2 = 293,
  NR_inotify_init1 = 294,
  NR_perf_event_open = 298,
  NR_prlimit64 = 302,
  NR_open_by_handle_at = 304,
  NR_setns = 308,
  NR_process_vm_readv = 310,
  NR_process_vm_writev = 311,
  NR_finit_module = 313,
  NR_renameat2 = 316,
  NR_memfd_create = 319,
  NR_bpf = 321,
  NR_execveat = 322,
  NR_userfaultfd = 323,
  NR_pkey_mprotect = 329,
  NR_statx = 332,
  NR_io_uring_setup = 425,
  NR_open_tree = 428,
  NR_fsopen = 430,
  NR_pidfd_send_signal = 424,
  NR_pidfd_open = 434,
  NR_clone3 = 435,
  NR_openat2 = 437,
  NR_pidfd_getfd = 438,
};
#define X32_SYSCALL_BIT 0x40000000L
// i386 numbers, for `int $0x80`.
enum { NR32_read = 3, NR32_open = 5, NR32_close = 6 };

// Errors.
enum {
  LX_EPERM = 1,
  LX_ENOENT = 2,
  LX_ESRCH = 3,
  LX_EINTR = 4,
  LX_EIO = 5,
  LX_ENXIO = 6,
  LX_E2BIG = 7,
  LX_ENOEXEC = 8,
  LX_EBADF = 9,
  LX_ECHILD = 10,
  LX_EAGAIN = 11,
  LX_ENOMEM = 12,
  LX_EACCES = 13,
  LX_EFAULT = 14,
  LX_EBUSY = 16,
  LX_EEXIST = 17,
  LX_EXDEV = 18,
  LX_ENODEV = 19,
  LX_ENOTDIR = 20,
  LX_EISDIR = 21,
  LX_EINVAL = 22,
  LX_ENFILE = 23,
  LX_EMFILE = 24,
  LX_ENOTTY = 25,
  LX_ETXTBSY = 26,
  LX_EFBIG = 27,
  LX_ENOSPC = 28,
  LX_ESPIPE = 29,
  LX_EROFS = 30,
  LX_EMLINK = 31,
  LX_EPIPE = 32,
  LX_ERANGE = 34,
  LX_ENAMETOOLONG = 36,
  LX_ENOSYS = 38,
  LX_ENOTEMPTY = 39,
  LX_ELOOP = 40,
  LX_ENODATA = 61,
  LX_EOVERFLOW = 75,
  LX_ENOTSOCK = 88,
  LX_EPROTONOSUPPORT = 93,
  LX_EOPNOTSUPP = 95,
  LX_EAFNOSUPPORT = 97,
  LX_EADDRINUSE = 98,
  LX_EADDRNOTAVAIL = 99,
  LX_ENETUNREACH = 101,
  LX_ECONNREFUSED = 111,
  LX_EHOSTUNREACH = 113,
  LX_ENOKEY = 126,
  LX_EKEYREJECTED = 129,
};

// Flags.
#define LX_AT_FDCWD (-100)
#define LX_AT_SYMLINK_NOFOLLOW 0x100
#define LX_AT_REMOVEDIR 0x200
#define LX_AT_EMPTY_PATH 0x1000
#define LX_O_RDONLY 0
#define LX_O_WRONLY 1
#define LX_O_RDWR 2
#define LX_O_ACCMODE 3
#define LX_O_CREAT 0100
#define LX_O_TRUNC 01000
#define LX_O_NONBLOCK 04000
#define LX_O_ASYNC 020000
#define LX_O_DIRECTORY 0200000
#define LX_O_CLOEXEC 02000000
#define LX_O_PATH 010000000
#define LX_PROT_READ 1
#define LX_PROT_WRITE 2
#define LX_PROT_EXEC 4
#define LX_MAP_PRIVATE 2
#define LX_MAP_ANONYMOUS 0x20
#define LX_MAP_32BIT 0x40
#define LX_MAP_NORESERVE 0x4000
#define LX_SIGCHLD 17
#define LX_SIGUSR1 10
#define LX_SIGKILL 9
#define LX_SIGXFSZ 25
#define LX_CLONE_NEWNS 0x00020000
#define LX_CLONE_NEWUSER 0x10000000
#define LX_AF_UNIX 1
#define LX_AF_INET 2
#define LX_AF_NETLINK 16
#define LX_AF_PACKET 17
#define LX_SOCK_STREAM 1
#define LX_SOCK_DGRAM 2
#define LX_SOCK_RAW 3
#define LX_F_GETFD 1
#define LX_F_SETFD 2
#define LX_F_GETFL 3
#define LX_F_SETFL 4
#define LX_F_SETOWN 8
#define LX_F_ADD_SEALS 1033
#define LX_F_SEAL_SEAL 1
#define LX_F_SEAL_SHRINK 2
#define LX_F_SEAL_GROW 4
#define LX_F_SEAL_WRITE 8
#define LX_MFD_ALLOW_SEALING 2
#define LX_MFD_NOEXEC_SEAL 8
#define LX_POLLNVAL 0x20
#define LX_S_IFMT 0170000
#define LX_S_IFIFO 0010000
#define LX_S_IFCHR 0020000
#define LX_S_IFDIR 0040000
#define LX_S_IFREG 0100000
#define LX_S_IFLNK 0120000
#define LX_S_IFSOCK 0140000
#define LX_PTRACE_TRACEME 0
#define LX_PTRACE_SEIZE 0x4206
#define LX_READ_IMPLIES_EXEC 0x0400000
#define LX_TIOCSTI 0x5412
#define LX_RLIMIT_CPU 0
#define LX_RLIMIT_CORE 4
#define LX_RLIMIT_NOFILE 7
#define LX_RLIM_INFINITY (~0UL)
#define LX_KEY_SPEC_PROCESS_KEYRING (-2)
#define LX_KEY_SPEC_SESSION_KEYRING (-3)
#define LX_KEYCTL_GET_KEYRING_ID 0
#define LX_OPEN_TREE_CLONE 1
#define LX_CLOCK_PROCESS_CPUTIME_ID 2

struct lx_open_how {
  uint64_t flags;
  uint64_t mode;
  uint64_t resolve;
};

struct lx_stat {
  uint64_t st_dev;
  uint64_t st_ino;
  uint64_t st_nlink;
  uint32_t st_mode;
  uint32_t st_uid;
  uint32_t st_gid;
  uint32_t pad0;
  uint64_t st_rdev;
  int64_t st_size;
  int64_t st_blksize;
  int64_t st_blocks;
  uint64_t st_atime_sec, st_atime_nsec;
  uint64_t st_mtime_sec, st_mtime_nsec;
  uint64_t st_ctime_sec, st_ctime_nsec;
  int64_t reserved[3];
};

struct lx_timespec {
  int64_t sec;
  int64_t nsec;
};

struct lx_pollfd {
  int32_t fd;
  int16_t events;
  int16_t revents;
};

struct lx_iovec {
  void *base;
  size_t len;
};

struct lx_msghdr {
  void *name;
  uint32_t namelen;
  struct lx_iovec *iov;
  size_t iovlen;
  void *control;
  size_t controllen;
  int flags;
};

struct lx_sockaddr_in {
  uint16_t family;
  uint16_t port;  // network byte order
  uint32_t addr;  // network byte order
  uint8_t zero[8];
};

struct lx_sockaddr_un {
  uint16_t family;
  char path[108];
};

struct lx_rlimit {
  uint64_t cur;
  uint64_t max;
};

struct lx_clone_args {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
      set_tid_size, cgroup;
};

struct lx_perf_event_attr {
  uint32_t type;
  uint32_t size;
  uint64_t config;
  uint64_t sample_period;
  uint64_t sample_type;
  uint64_t read_format;
  uint64_t flags;  // bit 5 exclude_kernel, bit 6 exclude_hv
  uint32_t wakeup_events;
  uint32_t bp_type;
  uint64_t config1;
};

#endif
