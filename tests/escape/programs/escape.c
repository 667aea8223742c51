// A hostile CloudABI program: it tries to escape the sandbox in one of many
// ways, mostly with raw Linux system calls (the guest shares the runtime's
// process, so nothing stops it from issuing them but the kernel).
//
// Its argument data says which attempt to make:
//   {case: "open_absolute", log: fd, tmp: dir fd, ro: read-only dir fd, ...}
// and it reports exactly one line on `log`:
//   RESULT <case> ok [detail]            the attempt worked
//   RESULT <case> denied <ERRNO> <step>  the kernel (or runtime) refused it
// unless the sandbox kills it (SIGSYS), which the host sees as the signal.
// Linux errors are printed by their Linux names, CloudABI errors (from
// cloudabi_sys_* calls) as "cloudabi:<number>".
#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <program.h>
#include <stddef.h>
#include <stdint.h>

#include "linux.h"

// ---------------------------------------------------------------- basics

static const argdata_t *g_args;
static const char *g_case = "?";
static int g_log = -1;

static size_t slen(const char *s) {
  size_t n = 0;
  while (s[n] != '\0') ++n;
  return n;
}

static int seq(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) ++a, ++b;
  return *a == *b;
}

static int meq(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return 0;
  return 1;
}

static void mcopy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (size_t i = 0; i < n; ++i) d[i] = s[i];
}

static void mzero(void *dst, size_t n) {
  volatile unsigned char *d = dst;
  for (size_t i = 0; i < n; ++i) d[i] = 0;
}

// A string builder over a fixed buffer.
struct buf {
  char s[1024];
  size_t n;
};
static void bput(struct buf *b, const char *s) {
  while (*s != '\0' && b->n + 1 < sizeof(b->s)) b->s[b->n++] = *s++;
  b->s[b->n] = '\0';
}
static void bnum(struct buf *b, long v) {
  char d[24];
  int n = 0;
  unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
  do d[n++] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0) bput(b, "-");
  char one[2] = {0, 0};
  while (n > 0) {
    one[0] = d[--n];
    bput(b, one);
  }
}

static void write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    long w = SYS3(NR_write, fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

static _Noreturn void finish(void) {
  SYS1(NR_exit_group, 0);
  for (;;) {
  }
}

static const char *errno_name(long e) {
  static const struct {
    long e;
    const char *name;
  } names[] = {
      {LX_EPERM, "EPERM"},
      {LX_ENOENT, "ENOENT"},
      {LX_ESRCH, "ESRCH"},
      {LX_EINTR, "EINTR"},
      {LX_EIO, "EIO"},
      {LX_ENXIO, "ENXIO"},
      {LX_E2BIG, "E2BIG"},
      {LX_ENOEXEC, "ENOEXEC"},
      {LX_EBADF, "EBADF"},
      {LX_ECHILD, "ECHILD"},
      {LX_EAGAIN, "EAGAIN"},
      {LX_ENOMEM, "ENOMEM"},
      {LX_EACCES, "EACCES"},
      {LX_EFAULT, "EFAULT"},
      {LX_EBUSY, "EBUSY"},
      {LX_EEXIST, "EEXIST"},
      {LX_EXDEV, "EXDEV"},
      {LX_ENODEV, "ENODEV"},
      {LX_ENOTDIR, "ENOTDIR"},
      {LX_EISDIR, "EISDIR"},
      {LX_EINVAL, "EINVAL"},
      {LX_ENFILE, "ENFILE"},
      {LX_EMFILE, "EMFILE"},
      {LX_ENOTTY, "ENOTTY"},
      {LX_ETXTBSY, "ETXTBSY"},
      {LX_EFBIG, "EFBIG"},
      {LX_ENOSPC, "ENOSPC"},
      {LX_ESPIPE, "ESPIPE"},
      {LX_EROFS, "EROFS"},
      {LX_EMLINK, "EMLINK"},
      {LX_EPIPE, "EPIPE"},
      {LX_ERANGE, "ERANGE"},
      {LX_ENAMETOOLONG, "ENAMETOOLONG"},
      {LX_ENOSYS, "ENOSYS"},
      {LX_ENOTEMPTY, "ENOTEMPTY"},
      {LX_ELOOP, "ELOOP"},
      {LX_ENODATA, "ENODATA"},
      {LX_EOVERFLOW, "EOVERFLOW"},
      {LX_ENOTSOCK, "ENOTSOCK"},
      {LX_EPROTONOSUPPORT, "EPROTONOSUPPORT"},
      {LX_EOPNOTSUPP, "EOPNOTSUPP"},
      {LX_EAFNOSUPPORT, "EAFNOSUPPORT"},
      {LX_EADDRINUSE, "EADDRINUSE"},
      {LX_EADDRNOTAVAIL, "EADDRNOTAVAIL"},
      {LX_ENETUNREACH, "ENETUNREACH"},
      {LX_ECONNREFUSED, "ECONNREFUSED"},
      {LX_EHOSTUNREACH, "EHOSTUNREACH"},
      {LX_ENOKEY, "ENOKEY"},
      {LX_EKEYREJECTED, "EKEYREJECTED"},
  };
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); ++i)
    if (names[i].e == e) return names[i].name;
  return NULL;
}

static void result_line(const char *outcome, const char *detail) {
  struct buf b = {.n = 0};
  bput(&b, "RESULT ");
  bput(&b, g_case);
  bput(&b, " ");
  bput(&b, outcome);
  if (detail != NULL && *detail != '\0') {
    bput(&b, " ");
    bput(&b, detail);
  }
  bput(&b, "\n");
  write_all(g_log, b.s, b.n);
}

static _Noreturn void ok(const char *detail) {
  result_line("ok", detail);
  finish();
}

// A Linux error (positive errno) at `step`.
static _Noreturn void denied(long err, const char *step) {
  struct buf b = {.n = 0};
  const char *name = errno_name(err);
  if (name != NULL) {
    bput(&b, name);
  } else {
    bput(&b, "E");
    bnum(&b, err);
  }
  bput(&b, " ");
  bput(&b, step);
  result_line("denied", b.s);
  finish();
}

static _Noreturn void denied_cloudabi(cloudabi_errno_t err, const char *step) {
  struct buf b = {.n = 0};
  bput(&b, "cloudabi:");
  bnum(&b, err);
  bput(&b, " ");
  bput(&b, step);
  result_line("denied", b.s);
  finish();
}

// Runs a raw system call; a failure ends the attempt as "denied".
#define TRY(step, call)                          \
  ({                                             \
    long r_ = (call);                            \
    if (r_ < 0 && r_ > -4096) denied(-r_, step); \
    r_;                                          \
  })

// ---------------------------------------------------------------- arguments

static const argdata_t *arg(const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(g_args, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && seq(s, key)) return v;
  }
  return NULL;
}

static int arg_fd(const char *key) {
  const argdata_t *v = arg(key);
  int fd = -1;
  if (v == NULL || argdata_get_fd(v, &fd) != 0) return -1;
  return fd;
}

static const char *arg_str(const char *key) {
  const argdata_t *v = arg(key);
  const char *s = NULL;
  if (v == NULL || argdata_get_str_c(v, &s) != 0) return "";
  return s;
}

static long arg_int(const char *key) {
  const argdata_t *v = arg(key);
  intmax_t i = -1;
  if (v == NULL || argdata_get_int_s(v, &i, INTMAX_MIN, INTMAX_MAX) != 0) return -1;
  return (long)i;
}

static const void *arg_bin(const char *key, size_t *len) {
  const argdata_t *v = arg(key);
  const void *p = NULL;
  *len = 0;
  if (v == NULL || argdata_get_binary(v, &p, len) != 0) return NULL;
  return p;
}

// Commonly used arguments.
static int tmp_fd(void) { return arg_fd("tmp"); }
static int ro_fd(void) { return arg_fd("ro"); }
// A file outside the sandbox, and what it contains.
static const char *secret_path(void) { return arg_str("secret_path"); }
static const char *secret(void) { return arg_str("secret"); }

// Climbs from a directory descriptor to the file system's root and back down
// to an absolute path: "../../../../../../../../../../<path>".
static const char *dotdot(const char *abs) {
  static struct buf b;
  b.n = 0;
  for (int i = 0; i < 12; ++i) bput(&b, i == 0 ? ".." : "/..");
  bput(&b, abs);
  return b.s;
}

static const char *cat(const char *a, const char *b) {
  static struct buf out[4];
  static int next;
  struct buf *o = &out[next++ % 4];
  o->n = 0;
  bput(o, a);
  bput(o, b);
  return o->s;
}

static long openat2(int dir, const char *path, uint64_t flags, uint64_t mode) {
  struct lx_open_how how = {.flags = flags | LX_O_CLOEXEC, .mode = mode, .resolve = 0};
  return SYS4(NR_openat2, dir, path, &how, sizeof(how));
}

// Reads from `fd` and checks that it starts with `want`: proof that the
// attempt really reached the file.
static void read_expect(long fd, const char *want, const char *step) {
  char got[256];
  size_t n = slen(want);
  if (n > sizeof(got)) n = sizeof(got);
  long r = TRY(step, SYS3(NR_read, fd, got, n));
  if ((size_t)r != n || !meq(got, want, n)) denied(LX_EIO, "content-mismatch");
}

static void read_secret(long fd) { read_expect(fd, secret(), "read"); }

static const char kPwned[] = "PWNED";

static struct lx_sockaddr_in loopback(long port) {
  struct lx_sockaddr_in a;
  mzero(&a, sizeof(a));
  a.family = LX_AF_INET;
  a.port = (uint16_t)(((port & 0xff) << 8) | ((port >> 8) & 0xff));
  a.addr = 0x0100007f;  // 127.0.0.1
  return a;
}

static struct lx_sockaddr_un unix_addr(const char *path, int abstract, uint32_t *len) {
  struct lx_sockaddr_un a;
  mzero(&a, sizeof(a));
  a.family = LX_AF_UNIX;
  size_t n = slen(path);
  if (n > sizeof(a.path) - 2) n = sizeof(a.path) - 2;
  mcopy(a.path + (abstract ? 1 : 0), path, n);
  *len = (uint32_t)(2 + n + (abstract ? 1 : 0));
  return a;
}

// ---------------------------------------------------------------- file system

static void c_open_absolute(void) {
  // openat(AT_FDCWD, "/abs/path"): the classic.
  long fd = TRY("openat", SYS4(NR_openat, LX_AT_FDCWD, secret_path(), LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_open_absolute_openat2(void) {
  long fd = TRY("openat2", openat2(LX_AT_FDCWD, secret_path(), LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_open_etc_hostname(void) {
  long fd = TRY("openat2", openat2(LX_AT_FDCWD, "/etc/hostname", LX_O_RDONLY, 0));
  read_expect(fd, arg_str("hostname"), "read");
  ok(NULL);
}

static void c_open_dotdot(void) {
  long fd = TRY("openat2", openat2(tmp_fd(), dotdot(secret_path()), LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_open_dotdot_openat(void) {
  long fd = TRY("openat", SYS4(NR_openat, tmp_fd(), dotdot(secret_path()), LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_write_dotdot(void) {
  long fd = TRY("openat2", openat2(tmp_fd(), dotdot(secret_path()), LX_O_WRONLY, 0));
  TRY("write", SYS3(NR_write, fd, kPwned, 5));
  ok(NULL);
}

static void c_symlink_absolute(void) {
  TRY("symlinkat", SYS3(NR_symlinkat, secret_path(), tmp_fd(), "abs-link"));
  long fd = TRY("openat2", openat2(tmp_fd(), "abs-link", LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_symlink_relative(void) {
  TRY("symlinkat", SYS3(NR_symlinkat, dotdot(secret_path()), tmp_fd(), "rel-link"));
  long fd = TRY("openat2", openat2(tmp_fd(), "rel-link", LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_proc_self_fd_reopen(void) {
  // A file granted read-only, reopened for writing through its magic link.
  struct buf p = {.n = 0};
  bput(&p, "/proc/self/fd/");
  bnum(&p, arg_fd("file_ro"));
  long fd = TRY("openat2", openat2(LX_AT_FDCWD, p.s, LX_O_WRONLY, 0));
  TRY("write", SYS3(NR_write, fd, kPwned, 5));
  ok(NULL);
}

static void c_proc_self_root(void) {
  long fd =
      TRY("openat2", openat2(LX_AT_FDCWD, cat("/proc/self/root", secret_path()), LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

static const char g_immutable[16] = "IMMUTABLE";

static void write_own_memory(long fd) {
  // Writes over a read-only global through the file, then checks it.
  TRY("pwrite64", SYS4(NR_pwrite64, fd, kPwned, 5, (long)(uintptr_t)g_immutable));
  const volatile char *now = g_immutable;
  for (int i = 0; i < 5; ++i)
    if (now[i] != kPwned[i]) denied(LX_EIO, "no-effect");
  ok(NULL);
}

static void c_proc_self_mem(void) {
  write_own_memory(TRY("openat2", openat2(LX_AT_FDCWD, "/proc/self/mem", LX_O_RDWR, 0)));
}

static void c_proc_mem_dotdot(void) {
  // /proc of the outer world, reached by climbing out of the granted directory.
  write_own_memory(TRY("openat2", openat2(tmp_fd(), dotdot("/proc/self/mem"), LX_O_RDWR, 0)));
}

static void c_ro_write(void) {
  long fd = TRY("openat2", openat2(ro_fd(), "file", LX_O_WRONLY, 0));
  TRY("write", SYS3(NR_write, fd, kPwned, 5));
  ok(NULL);
}

static void c_ro_otrunc(void) {
  // O_RDONLY | O_TRUNC still truncates on Linux.
  TRY("openat2", openat2(ro_fd(), "file", LX_O_RDONLY | LX_O_TRUNC, 0));
  ok(NULL);
}

static void c_ro_truncate_path(void) {
  TRY("truncate", SYS2(NR_truncate, cat(arg_str("ro_path"), "/file"), 0));
  ok(NULL);
}

static void c_ro_create(void) {
  TRY("openat2", openat2(ro_fd(), "created", LX_O_WRONLY | LX_O_CREAT, 0644));
  ok(NULL);
}

static void c_ro_unlink(void) {
  TRY("unlinkat", SYS3(NR_unlinkat, ro_fd(), "file", 0));
  ok(NULL);
}

static void c_ro_rmdir(void) {
  TRY("unlinkat", SYS3(NR_unlinkat, ro_fd(), "subdir", LX_AT_REMOVEDIR));
  ok(NULL);
}

static void c_ro_rename(void) {
  TRY("renameat2", SYS5(NR_renameat2, ro_fd(), "file", ro_fd(), "renamed", 0));
  ok(NULL);
}

static void c_ro_mkdir(void) {
  TRY("mkdirat", SYS3(NR_mkdirat, ro_fd(), "newdir", 0755));
  ok(NULL);
}

static void c_ro_symlink(void) {
  TRY("symlinkat", SYS3(NR_symlinkat, "file", ro_fd(), "newlink"));
  ok(NULL);
}

static void c_ro_hardlink_to_tmp(void) {
  // Link the read-only file into the writable directory, then write to it.
  TRY("linkat", SYS5(NR_linkat, ro_fd(), "file", tmp_fd(), "stolen", 0));
  long fd = TRY("openat2", openat2(tmp_fd(), "stolen", LX_O_WRONLY, 0));
  TRY("write", SYS3(NR_write, fd, kPwned, 5));
  ok(NULL);
}

static void c_ro_rename_to_tmp(void) {
  TRY("renameat2", SYS5(NR_renameat2, ro_fd(), "file", tmp_fd(), "moved", 0));
  long fd = TRY("openat2", openat2(tmp_fd(), "moved", LX_O_WRONLY, 0));
  TRY("write", SYS3(NR_write, fd, kPwned, 5));
  ok(NULL);
}

static void c_ro_chmod(void) {
  TRY("fchmodat", SYS3(NR_fchmodat, ro_fd(), "file", 0666));
  ok(NULL);
}

static void c_ro_chown(void) {
  TRY("fchownat", SYS5(NR_fchownat, ro_fd(), "file", 1, 1, 0));
  ok(NULL);
}

static void c_ro_setxattr(void) {
  TRY("setxattr", SYS5(NR_setxattr, cat(arg_str("ro_path"), "/file"), "user.escape", "1", 1, 0));
  ok(NULL);
}

static void set_times_epoch(int dir, const char *path) {
  struct lx_timespec times[2] = {{1, 0}, {1, 0}};
  TRY("utimensat", SYS4(NR_utimensat, dir, path, times, 0));
}

static void c_ro_utime(void) {
  set_times_epoch(ro_fd(), "file");
  ok(NULL);
}

static void c_stat_absolute(void) {
  struct lx_stat st;
  TRY("newfstatat", SYS4(NR_newfstatat, LX_AT_FDCWD, secret_path(), &st, 0));
  if (st.st_size != (int64_t)slen(secret())) denied(LX_EIO, "size-mismatch");
  ok(NULL);
}

static void c_stat_dotdot(void) {
  struct lx_stat st;
  TRY("newfstatat", SYS4(NR_newfstatat, tmp_fd(), dotdot(secret_path()), &st, 0));
  if (st.st_size != (int64_t)slen(secret())) denied(LX_EIO, "size-mismatch");
  ok(NULL);
}

static void c_statx_dotdot(void) {
  unsigned char stx[256];
  TRY("statx", SYS5(NR_statx, tmp_fd(), dotdot(secret_path()), 0, 0x7ff, stx));
  uint64_t size;
  mcopy(&size, stx + 40, 8);  // stx_size
  if (size != slen(secret())) denied(LX_EIO, "size-mismatch");
  ok(NULL);
}

static void c_utime_dotdot(void) {
  set_times_epoch(tmp_fd(), dotdot(secret_path()));
  ok(NULL);
}

static void c_readlink_dotdot(void) {
  char target[256];
  const char *want = arg_str("link_target");
  long n = TRY("readlinkat",
               SYS4(NR_readlinkat, tmp_fd(), dotdot(arg_str("link_path")), target, sizeof(target)));
  if ((size_t)n != slen(want) || !meq(target, want, (size_t)n)) denied(LX_EIO, "mismatch");
  ok(NULL);
}

static void c_access_dotdot(void) {
  TRY("faccessat", SYS3(NR_faccessat, tmp_fd(), dotdot(secret_path()), 4));
  ok(NULL);
}

static void c_mknod_device(void) {
  // /dev/null's device numbers (1, 3), inside the writable directory.
  TRY("mknodat", SYS4(NR_mknodat, tmp_fd(), "null", LX_S_IFCHR | 0666, (1 << 8) | 3));
  ok(NULL);
}

static void c_open_by_handle(void) {
  // "Shocker": open a file outside by its handle, with any descriptor on the
  // same file system as the mount reference.
  size_t len;
  const void *handle = arg_bin("handle", &len);
  long fd = TRY("open_by_handle_at", SYS3(NR_open_by_handle_at, tmp_fd(), handle, LX_O_RDONLY));
  read_secret(fd);
  ok(NULL);
}

static void c_inotify_host(void) {
  long fd = TRY("inotify_init1", SYS1(NR_inotify_init1, 0));
  TRY("inotify_add_watch", SYS3(NR_inotify_add_watch, fd, arg_str("host_dir"), 0xfff));
  ok(NULL);
}

// ---------------------------------------------------------------- executing

static void c_execve_sh(void) {
  // On success the shell reports for us.
  struct buf cmd = {.n = 0};
  bput(&cmd, "echo RESULT execve_sh ok >&");
  bnum(&cmd, g_log);
  char *argv[] = {"sh", "-c", cmd.s, NULL};
  char *envp[] = {NULL};
  TRY("execve", SYS3(NR_execve, "/bin/sh", argv, envp));
  denied(LX_EIO, "returned");
}

static void exec_shell_at(long dir, const char *path, long flags, const char *name) {
  struct buf cmd = {.n = 0};
  bput(&cmd, "echo RESULT ");
  bput(&cmd, name);
  bput(&cmd, " ok >&");
  bnum(&cmd, g_log);
  char *argv[] = {"sh", "-c", cmd.s, NULL};
  char *envp[] = {NULL};
  TRY("execveat", SYS5(NR_execveat, dir, path, argv, envp, flags));
  denied(LX_EIO, "returned");
}

static void c_execveat_path(void) { exec_shell_at(LX_AT_FDCWD, "/bin/sh", 0, g_case); }

static void c_execveat_granted_fd(void) {
  // A host executable the program may read, but not execute.
  exec_shell_at(arg_fd("sh"), "", LX_AT_EMPTY_PATH, g_case);
}

static void c_execveat_memfd(void) {
  // Copy a host executable the program may read (a static one, so that no
  // interpreter has to be found by path) into anonymous memory, and execute
  // that with the log as its standard error. The executable (the runtime's
  // own helper) then says what it is on the log. "memfd_flags" asks for
  // an executable memfd explicitly (MFD_EXEC) rather than by default.
  long flags = arg_int("memfd_flags");
  long mfd = TRY("memfd_create", SYS2(NR_memfd_create, "payload", flags < 0 ? 0 : flags));
  int exe = arg_fd("static_exe");
  static char chunk[65536];
  for (long off = 0;;) {
    long n = TRY("pread64", SYS4(NR_pread64, exe, chunk, sizeof(chunk), off));
    if (n == 0) break;
    TRY("write", SYS3(NR_write, mfd, chunk, n));
    off += n;
  }
  TRY("dup3", SYS3(NR_dup3, g_log, 2, 0));
  char *argv[] = {"payload", NULL};
  char *envp[] = {NULL};
  TRY("execveat", SYS5(NR_execveat, mfd, "", argv, envp, LX_AT_EMPTY_PATH));
  denied(LX_EIO, "returned");
}

// ---------------------------------------------------------------- mounts, roots

static void c_chroot(void) {
  TRY("chroot", SYS1(NR_chroot, arg_str("host_dir")));
  ok(NULL);
}

static void c_mount(void) {
  const char *target = cat(arg_str("host_dir"), "/mnt");
  TRY("mount", SYS5(NR_mount, "escape", target, "tmpfs", 0, "size=16k"));
  SYS2(NR_umount2, target, 0);
  ok(NULL);
}

static void c_umount(void) {
  TRY("umount2", SYS2(NR_umount2, cat(arg_str("host_dir"), "/mounted"), 2 /* MNT_DETACH */));
  ok(NULL);
}

static void c_pivot_root(void) {
  // Deliberately nonexistent directories: unconfined, the kernel gets past
  // its permission check and fails the lookup instead of moving the root.
  TRY("pivot_root", SYS2(NR_pivot_root, cat(arg_str("host_dir"), "/no-new-root"),
                         cat(arg_str("host_dir"), "/no-old-root")));
  ok(NULL);
}

static void c_fsopen(void) {
  TRY("fsopen", SYS2(NR_fsopen, "tmpfs", 1 /* FSOPEN_CLOEXEC */));
  ok(NULL);
}

static void c_open_tree(void) {
  TRY("open_tree",
      SYS3(NR_open_tree, LX_AT_FDCWD, arg_str("host_dir"), LX_OPEN_TREE_CLONE | LX_O_CLOEXEC));
  ok(NULL);
}

// ---------------------------------------------------------------- network

static void tcp_connect_with(long s) {
  struct lx_sockaddr_in a = loopback(arg_int("tcp_port"));
  TRY("connect", SYS3(NR_connect, s, &a, sizeof(a)));
  TRY("write", SYS3(NR_write, s, kPwned, 5));
  ok(NULL);
}

static void tcp_bind_with(long s) {
  struct lx_sockaddr_in a = loopback(0);
  TRY("bind", SYS3(NR_bind, s, &a, sizeof(a)));
  TRY("listen", SYS2(NR_listen, s, 1));
  ok(NULL);
}

static void udp_sendto_with(long s) {
  struct lx_sockaddr_in a = loopback(arg_int("udp_port"));
  TRY("sendto", SYS6(NR_sendto, s, kPwned, 5, 0, &a, sizeof(a)));
  ok(NULL);
}

static void unix_connect_with(long s, int abstract) {
  uint32_t len;
  struct lx_sockaddr_un a =
      unix_addr(arg_str(abstract ? "abstract_name" : "unix_path"), abstract, &len);
  TRY("connect", SYS3(NR_connect, s, &a, len));
  TRY("write", SYS3(NR_write, s, kPwned, 5));
  ok(NULL);
}

static void c_tcp_connect(void) {
  tcp_connect_with(TRY("socket", SYS3(NR_socket, LX_AF_INET, LX_SOCK_STREAM, 0)));
}
static void c_tcp_bind(void) {
  tcp_bind_with(TRY("socket", SYS3(NR_socket, LX_AF_INET, LX_SOCK_STREAM, 0)));
}
static void c_udp_send(void) {
  udp_sendto_with(TRY("socket", SYS3(NR_socket, LX_AF_INET, LX_SOCK_DGRAM, 0)));
}
static void c_unix_connect_path(void) {
  unix_connect_with(TRY("socket", SYS3(NR_socket, LX_AF_UNIX, LX_SOCK_STREAM, 0)), 0);
}
static void c_unix_connect_abstract(void) {
  unix_connect_with(TRY("socket", SYS3(NR_socket, LX_AF_UNIX, LX_SOCK_STREAM, 0)), 1);
}
static void c_socket_netlink(void) {
  TRY("socket", SYS3(NR_socket, LX_AF_NETLINK, LX_SOCK_RAW, 0));
  ok(NULL);
}
static void c_socket_packet(void) {
  TRY("socket", SYS3(NR_socket, LX_AF_PACKET, LX_SOCK_RAW, 0x0300 /* htons(ETH_P_ALL) */));
  ok(NULL);
}

// Sockets created outside (in the host's network namespace) and granted.
static void c_injected_tcp_connect(void) { tcp_connect_with(arg_fd("tcp_sock")); }
static void c_injected_tcp_bind(void) { tcp_bind_with(arg_fd("tcp_sock")); }
static void c_injected_unix_connect_path(void) { unix_connect_with(arg_fd("unix_sock"), 0); }
static void c_injected_unix_connect_abstract(void) { unix_connect_with(arg_fd("unix_sock"), 1); }
static void c_injected_udp_sendto(void) { udp_sendto_with(arg_fd("udp_sock")); }

static void c_injected_udp_sendmsg(void) {
  struct lx_sockaddr_in a = loopback(arg_int("udp_port"));
  struct lx_iovec iov = {(void *)kPwned, 5};
  struct lx_msghdr m = {&a, sizeof(a), &iov, 1, NULL, 0, 0};
  TRY("sendmsg", SYS3(NR_sendmsg, arg_fd("udp_sock"), &m, 0));
  ok(NULL);
}

// A granted socket connected to a host UDP socket (udp_peer_port): a raw
// sendmsg() that names another host port (udp_port). In the sandbox the
// descriptor is the program's end of the runtime's relay, and the kernel
// ignores the name there: the datagram can only reach the connected peer.
static void c_connected_udp_sendmsg(void) {
  struct lx_sockaddr_in a = loopback(arg_int("udp_port"));
  struct lx_iovec iov = {(void *)kPwned, 5};
  struct lx_msghdr m = {&a, sizeof(a), &iov, 1, NULL, 0, 0};
  TRY("sendmsg", SYS3(NR_sendmsg, arg_fd("udp_conn_sock"), &m, 0));
  ok(NULL);
}

// What a connected socket is for, with raw calls: send to its peer without
// an address, and receive what the peer sent (queued before the run).
static void c_connected_udp_echo(void) {
  long s = arg_fd("udp_conn_sock");
  TRY("send", SYS6(NR_sendto, s, "HELLO", 5, 0, NULL, 0));
  static char buf[32];
  long n = TRY("recv", SYS6(NR_recvfrom, s, buf, sizeof(buf) - 1, 0, NULL, NULL));
  buf[n] = '\0';
  ok(buf);
}

// A connected UDP socket the program receives through sock_recv cannot be
// relayed from inside the sandbox: the runtime shuts it down for writing.
static void c_received_connected_udp_sendmsg(void) {
  char byte;
  cloudabi_fd_t got = 0;
  cloudabi_iovec_t data = {&byte, 1};
  cloudabi_recv_in_t in = {&data, 1, &got, 1, 0};
  cloudabi_recv_out_t out;
  cloudabi_errno_t e = cloudabi_sys_sock_recv((cloudabi_fd_t)arg_fd("carrier"), &in, &out);
  if (e != 0) denied_cloudabi(e, "sock_recv");
  if (out.ro_fdslen != 1) denied_cloudabi(CLOUDABI_EBADF, "sock_recv (no descriptor)");
  struct lx_sockaddr_in a = loopback(arg_int("udp_port"));
  struct lx_iovec iov = {(void *)kPwned, 5};
  struct lx_msghdr m = {&a, sizeof(a), &iov, 1, NULL, 0, 0};
  TRY("sendmsg", SYS3(NR_sendmsg, got, &m, 0));
  ok(NULL);
}

// ---------------------------------------------------------------- processes

static void c_kill_victim(void) {
  TRY("kill", SYS2(NR_kill, arg_int("victim"), LX_SIGUSR1));
  ok(NULL);
}

static void c_tgkill_victim(void) {
  long pid = arg_int("victim");
  TRY("tgkill", SYS3(NR_tgkill, pid, pid, LX_SIGUSR1));
  ok(NULL);
}

static void c_kill_parent(void) {
  // Signal 0: the permission check only (unconfined, the parent is the test).
  TRY("kill", SYS2(NR_kill, SYS0(NR_getppid), 0));
  ok(NULL);
}

static void c_kill_init(void) {
  TRY("kill", SYS2(NR_kill, 1, 0));
  ok(NULL);
}

static void c_kill_all(void) {
  // kill(-1, sig): every process this one may signal. The host passes
  // SIGKILL for the confined run and 0 (check only) for the unconfined one.
  TRY("kill", SYS2(NR_kill, -1, arg_int("sig")));
  ok(NULL);
}

static void c_fsetown_sigio(void) {
  // Signals by another route: I/O readiness signals to a chosen owner.
  long p[2];
  int fds[2];
  TRY("pipe2", SYS2(NR_pipe2, fds, 0));
  p[0] = fds[0];
  p[1] = fds[1];
  TRY("F_SETOWN", SYS3(NR_fcntl, p[0], LX_F_SETOWN, arg_int("victim")));
  TRY("F_SETFL", SYS3(NR_fcntl, p[0], LX_F_SETFL, LX_O_ASYNC | LX_O_NONBLOCK));
  TRY("write", SYS3(NR_write, p[1], "x", 1));
  ok(NULL);
}

static void c_pidfd_signal_init(void) {
  // A process descriptor for pid 1, then a signal through it (signal 0:
  // the permission check only).
  long pidfd = TRY("pidfd_open", SYS2(NR_pidfd_open, 1, 0));
  TRY("pidfd_send_signal", SYS4(NR_pidfd_send_signal, pidfd, 0, 0, 0));
  ok(NULL);
}

static void c_pidfd_signal_victim(void) {
  long pidfd = TRY("pidfd_open", SYS2(NR_pidfd_open, arg_int("victim"), 0));
  TRY("pidfd_send_signal", SYS4(NR_pidfd_send_signal, pidfd, LX_SIGUSR1, 0, 0));
  ok(NULL);
}

static void c_pidfd_getfd_parent(void) {
  // Steal a descriptor of the parent (unconfined: the test, which holds the
  // secret file open as `host_fd`).
  long pidfd = TRY("pidfd_open", SYS2(NR_pidfd_open, SYS0(NR_getppid), 0));
  long fd = TRY("pidfd_getfd", SYS3(NR_pidfd_getfd, pidfd, arg_int("host_fd"), 0));
  TRY("lseek", SYS3(NR_lseek, fd, 0, 0));
  read_secret(fd);
  ok(NULL);
}

static void c_ptrace_traceme(void) {
  TRY("ptrace", SYS4(NR_ptrace, LX_PTRACE_TRACEME, 0, 0, 0));
  ok(NULL);
}

static void c_ptrace_seize_parent(void) {
  // Seize does not stop the tracee; our exit detaches.
  TRY("ptrace", SYS4(NR_ptrace, LX_PTRACE_SEIZE, SYS0(NR_getppid), 0, 0));
  ok(NULL);
}

static void c_process_vm_readv(void) {
  char got[64];
  size_t n = slen(secret());
  struct lx_iovec local = {got, n};
  struct lx_iovec remote = {(void *)(uintptr_t)arg_int("host_secret_addr"), n};
  TRY("process_vm_readv", SYS6(NR_process_vm_readv, SYS0(NR_getppid), &local, 1, &remote, 1, 0));
  if (!meq(got, secret(), n)) denied(LX_EIO, "mismatch");
  ok(NULL);
}

static void c_process_vm_writev(void) {
  struct lx_iovec local = {(void *)kPwned, 5};
  struct lx_iovec remote = {(void *)(uintptr_t)arg_int("host_target_addr"), 5};
  TRY("process_vm_writev", SYS6(NR_process_vm_writev, SYS0(NR_getppid), &local, 1, &remote, 1, 0));
  ok(NULL);
}

static void wait_child(long pid) {
  int status = 0;
  TRY("wait4", SYS4(NR_wait4, pid, &status, 0, 0));
}

static void c_clone_newuser(void) {
  long pid = TRY("clone", SYS5(NR_clone, LX_CLONE_NEWUSER | LX_SIGCHLD, 0, 0, 0, 0));
  if (pid == 0) SYS1(NR_exit_group, 0);
  wait_child(pid);
  ok(NULL);
}

static void c_clone3_newuser(void) {
  struct lx_clone_args a;
  mzero(&a, sizeof(a));
  a.flags = LX_CLONE_NEWUSER;
  a.exit_signal = LX_SIGCHLD;
  long pid = TRY("clone3", SYS2(NR_clone3, &a, sizeof(a)));
  if (pid == 0) SYS1(NR_exit_group, 0);
  wait_child(pid);
  ok(NULL);
}

static void c_unshare_newuser(void) {
  TRY("unshare", SYS1(NR_unshare, LX_CLONE_NEWUSER));
  ok(NULL);
}

static void c_unshare_newns(void) {
  TRY("unshare", SYS1(NR_unshare, LX_CLONE_NEWNS));
  ok(NULL);
}

static void c_setns(void) {
  // Unconfined /proc/self/ns/uts opens; confined the call is made on a
  // granted directory instead (setns is what is being tried).
  long fd = openat2(LX_AT_FDCWD, "/proc/self/ns/uts", LX_O_RDONLY, 0);
  if (fd < 0) fd = tmp_fd();
  TRY("setns", SYS2(NR_setns, fd, 0));
  ok(NULL);
}

static void c_io_uring_setup(void) {
  unsigned char params[120];
  mzero(params, sizeof(params));
  TRY("io_uring_setup", SYS2(NR_io_uring_setup, 4, params));
  ok(NULL);
}

static void c_bpf_map_create(void) {
  uint32_t attr[32];
  mzero(attr, sizeof(attr));
  attr[0] = 2;  // BPF_MAP_TYPE_ARRAY
  attr[1] = 4;  // key size
  attr[2] = 4;  // value size
  attr[3] = 1;  // entries
  TRY("bpf", SYS3(NR_bpf, 0 /* BPF_MAP_CREATE */, attr, sizeof(attr)));
  ok(NULL);
}

static void c_perf_event_open(void) {
  struct lx_perf_event_attr a;
  mzero(&a, sizeof(a));
  a.type = 1;  // PERF_TYPE_SOFTWARE, config 0 = CPU clock
  a.size = 64;
  a.flags = (1u << 5) | (1u << 6);  // exclude kernel and hypervisor
  TRY("perf_event_open", SYS5(NR_perf_event_open, &a, 0, -1, -1, 0));
  ok(NULL);
}

static void c_add_key(void) {
  TRY("add_key", SYS5(NR_add_key, "user", "cloudabi-escape", "x", 1, LX_KEY_SPEC_PROCESS_KEYRING));
  ok(NULL);
}

static void c_keyctl(void) {
  TRY("keyctl", SYS3(NR_keyctl, LX_KEYCTL_GET_KEYRING_ID, LX_KEY_SPEC_SESSION_KEYRING, 0));
  ok(NULL);
}

static void c_userfaultfd(void) {
  TRY("userfaultfd", SYS1(NR_userfaultfd, LX_O_CLOEXEC | 1 /* UFFD_USER_MODE_ONLY */));
  ok(NULL);
}

static void c_init_module(void) {
  // Not an ELF module: unconfined, the kernel rejects the image itself.
  static const char image[64] = "not a kernel module";
  TRY("init_module", SYS3(NR_init_module, image, sizeof(image), ""));
  ok(NULL);
}

static void c_finit_module(void) {
  TRY("finit_module", SYS3(NR_finit_module, arg_fd("file_ro"), "", 0));
  ok(NULL);
}

static void c_kexec_load(void) {
  // Invalid flags: unconfined, the kernel refuses them after its checks
  // (never loads or unloads anything).
  TRY("kexec_load", SYS4(NR_kexec_load, 0, 0, 0, 0x7f000000L));
  ok(NULL);
}

static void c_reboot(void) {
  // A wrong second magic number: unconfined, EINVAL after the check.
  TRY("reboot", SYS4(NR_reboot, 0xfee1deadL, 0, 0, 0));
  ok(NULL);
}

static void c_syslog(void) {
  static char log[4096];
  TRY("syslog", SYS3(NR_syslog, 3 /* SYSLOG_ACTION_READ_ALL */, log, sizeof(log)));
  ok(NULL);
}

static void c_sethostname(void) {
  // Sets the name it already has, so unconfined nothing changes.
  char uts[6 * 65];
  TRY("uname", SYS1(NR_uname, uts));
  const char *name = uts + 65;
  TRY("sethostname", SYS2(NR_sethostname, name, slen(name)));
  ok(NULL);
}

static void c_iopl(void) {
  TRY("iopl", SYS1(NR_iopl, 3));
  ok(NULL);
}

static void c_modify_ldt(void) {
  static char ldt[64];
  TRY("modify_ldt", SYS3(NR_modify_ldt, 0, ldt, sizeof(ldt)));
  ok(NULL);
}

static void c_personality(void) {
  // READ_IMPLIES_EXEC would make every readable mapping executable,
  // bypassing a W^X check on PROT_EXEC.
  TRY("personality", SYS1(NR_personality, LX_READ_IMPLIES_EXEC));
  ok(NULL);
}

static void c_tiocsti(void) {
  // Push input into a terminal the program was given.
  char c = 'x';
  TRY("ioctl", SYS3(NR_ioctl, arg_fd("tty"), LX_TIOCSTI, &c));
  ok(NULL);
}

static void c_prctl_set_mm(void) {
  // PR_SET_MM_EXE_FILE and friends; PR_SET_MM_START_BRK with the current
  // value is harmless.
  TRY("prctl",
      SYS5(NR_prctl, 35 /* PR_SET_MM */, 6 /* PR_SET_MM_START_BRK */, SYS1(NR_brk, 0), 0, 0));
  ok(NULL);
}

static void *low_memory(void) {
  long p = TRY("mmap", SYS6(NR_mmap, 0, 4096, LX_PROT_READ | LX_PROT_WRITE,
                            LX_MAP_PRIVATE | LX_MAP_ANONYMOUS | LX_MAP_32BIT, -1, 0));
  return (void *)p;
}

static void c_int80_open(void) {
  // The 32-bit system call table, where numbers mean other calls.
  char *path = low_memory();
  mcopy(path, secret_path(), slen(secret_path()) + 1);
  long fd = raw_int80(NR32_open, (long)(uintptr_t)path, 0, 0);
  if (fd < 0) denied(-fd, "int80-open");
  char *got = path + 1024;
  long n = raw_int80(NR32_read, fd, (long)(uintptr_t)got, (long)slen(secret()));
  if (n < 0) denied(-n, "int80-read");
  if (!meq(got, secret(), slen(secret()))) denied(LX_EIO, "mismatch");
  ok(NULL);
}

static void c_x32_open(void) {
  long fd = TRY("x32-openat",
                SYS4(X32_SYSCALL_BIT | NR_openat, LX_AT_FDCWD, secret_path(), LX_O_RDONLY, 0));
  read_secret(fd);
  ok(NULL);
}

// ---------------------------------------------------------------- memory

static void c_mmap_rwx(void) {
  TRY("mmap", SYS6(NR_mmap, 0, 4096, LX_PROT_READ | LX_PROT_WRITE | LX_PROT_EXEC,
                   LX_MAP_PRIVATE | LX_MAP_ANONYMOUS, -1, 0));
  ok(NULL);
}

static void c_mprotect_rwx(void) {
  long p = TRY("mmap", SYS6(NR_mmap, 0, 4096, LX_PROT_READ | LX_PROT_WRITE,
                            LX_MAP_PRIVATE | LX_MAP_ANONYMOUS, -1, 0));
  TRY("mprotect", SYS3(NR_mprotect, p, 4096, LX_PROT_READ | LX_PROT_WRITE | LX_PROT_EXEC));
  ok(NULL);
}

static void c_pkey_mprotect_rwx(void) {
  long p = TRY("mmap", SYS6(NR_mmap, 0, 4096, LX_PROT_READ | LX_PROT_WRITE,
                            LX_MAP_PRIVATE | LX_MAP_ANONYMOUS, -1, 0));
  TRY("pkey_mprotect",
      SYS4(NR_pkey_mprotect, p, 4096, LX_PROT_READ | LX_PROT_WRITE | LX_PROT_EXEC, -1));
  ok(NULL);
}

// ---------------------------------------------------------------- resource limits

#define BIG_REGION (4L << 30)

static void c_rlimit_as_mmap(void) {
  TRY("mmap", SYS6(NR_mmap, 0, BIG_REGION, LX_PROT_READ | LX_PROT_WRITE,
                   LX_MAP_PRIVATE | LX_MAP_ANONYMOUS | LX_MAP_NORESERVE, -1, 0));
  ok(NULL);
}

static void c_rlimit_as_brk(void) {
  long cur = SYS1(NR_brk, 0);
  long want = cur + BIG_REGION;
  long got = SYS1(NR_brk, want);
  if (got != want) denied(LX_ENOMEM, "brk");
  ok(NULL);
}

static void c_rlimit_as_mem_map(void) {
  // The same through the CloudABI call.
  void *mem;
  cloudabi_errno_t e =
      cloudabi_sys_mem_map(NULL, BIG_REGION, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                           CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem);
  if (e != 0) denied_cloudabi(e, "mem_map");
  ok(NULL);
}

static void c_rlimit_nproc(void) {
  // A bounded fork loop. The children wait on a pipe that only this process
  // can write to, so they all end when it does, sandbox or not.
  int p[2];
  TRY("pipe2", SYS2(NR_pipe2, p, 0));
  long attempts = arg_int("attempts");
  long made = 0;
  long err = 0;
  for (long i = 0; i < attempts; ++i) {
    long pid = SYS5(NR_clone, LX_SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
      char c;
      SYS1(NR_close, p[1]);
      SYS3(NR_read, p[0], &c, 1);
      SYS1(NR_exit_group, 0);
    }
    if (pid < 0) {
      err = -pid;
      break;
    }
    ++made;
  }
  struct buf b = {.n = 0};
  bput(&b, "made ");
  bnum(&b, made);
  if (err != 0) {
    const char *name = errno_name(err);
    struct buf d = {.n = 0};
    bput(&d, name != NULL ? name : "E?");
    bput(&d, " fork ");
    bput(&d, b.s);
    result_line("denied", d.s);
  } else {
    result_line("ok", b.s);
  }
  SYS1(NR_close, p[1]);
  for (long i = 0; i < made; ++i) SYS4(NR_wait4, -1, 0, 0, 0);
  finish();
}

static void c_rlimit_fsize(void) {
  // Block SIGXFSZ so the limit shows as EFBIG rather than death.
  uint64_t set = 1UL << (LX_SIGXFSZ - 1);
  TRY("rt_sigprocmask", SYS4(NR_rt_sigprocmask, 0 /* SIG_BLOCK */, &set, 0, 8));
  long fd = TRY("openat2", openat2(tmp_fd(), "big", LX_O_WRONLY | LX_O_CREAT, 0644));
  TRY("pwrite64", SYS4(NR_pwrite64, fd, "x", 1, 8L << 20));
  ok(NULL);
}

static void c_rlimit_nofile(void) {
  for (int i = 0; i < 256; ++i) TRY("dup", SYS1(NR_dup, g_log));
  ok(NULL);
}

static void c_rlimit_cpu(void) {
  // Spin until this process has used 1.3 s of CPU time (the confined run
  // allows 1 s).
  for (;;) {
    struct lx_timespec t;
    TRY("clock_gettime", SYS2(NR_clock_gettime, LX_CLOCK_PROCESS_CPUTIME_ID, &t));
    if (t.sec * 1000 + t.nsec / 1000000 >= 1300) ok(NULL);
    for (volatile int i = 0; i < 1000000; ++i) {
    }
  }
}

static void c_rlimit_raise_nofile(void) {
  // Lift the open-files limit (confined: above the hard limit the sandbox
  // set; unconfined: within the host's own limit).
  struct lx_rlimit more = {128, 128};
  TRY("prlimit64", SYS4(NR_prlimit64, 0, LX_RLIMIT_NOFILE, &more, 0));
  ok(NULL);
}

// ---------------------------------------------------------------- the runtime's own descriptors

struct found_fd {
  int fd;
  uint32_t mode;  // st_mode
  long flags;     // F_GETFL
};

// Every open descriptor number beyond the granted ones, up to the hard
// limit (at least 65536, at most 2^20). fcntl(F_GETFD) sees every kind of
// descriptor; poll() would miss O_PATH ones (it reports them as invalid).
static int find_hidden_fds(struct found_fd *out, int max) {
  struct lx_rlimit rl;
  TRY("getrlimit", SYS2(NR_getrlimit, LX_RLIMIT_NOFILE, &rl));
  long end = rl.max > (1L << 20) ? (1L << 20) : (long)rl.max;
  if (end < 65536) end = 65536;
  int n = 0;
  for (long fd = arg_int("granted"); fd < end; ++fd) {
    if (SYS2(NR_fcntl, fd, LX_F_GETFD) < 0) continue;
    if (n < max) {
      struct lx_stat st;
      out[n].fd = (int)fd;
      out[n].mode = SYS2(NR_fstat, fd, &st) == 0 ? st.st_mode : 0;
      out[n].flags = SYS2(NR_fcntl, fd, LX_F_GETFL);
      ++n;
    }
  }
  return n;
}

static const char *type_name(uint32_t mode) {
  switch (mode & LX_S_IFMT) {
    case LX_S_IFIFO:
      return "fifo";
    case LX_S_IFCHR:
      return "chr";
    case LX_S_IFDIR:
      return "dir";
    case LX_S_IFREG:
      return "reg";
    case LX_S_IFLNK:
      return "lnk";
    case LX_S_IFSOCK:
      return "sock";
    default:
      return "unknown";
  }
}

static void c_probe_fds(void) {
  // Looks for descriptors the program was not given: none may be readable.
  // A zero-length read checks readability without blocking; lseek and fstat
  // show what else is possible.
  static struct found_fd found[64];
  int n = find_hidden_fds(found, 64);
  struct buf b = {.n = 0};
  int readable = 0;
  for (int i = 0; i < n; ++i) {
    char c;
    long r = SYS3(NR_read, found[i].fd, &c, 0);
    if (r >= 0) ++readable;
    bput(&b, i == 0 ? "" : ",");
    bnum(&b, found[i].fd);
    bput(&b, ":");
    bput(&b, type_name(found[i].mode));
    bput(&b, (found[i].flags & LX_O_PATH)                     ? ":path"
             : (found[i].flags & LX_O_ACCMODE) == LX_O_WRONLY ? ":wronly"
             : (found[i].flags & LX_O_ACCMODE) == LX_O_RDWR   ? ":rdwr"
                                                              : ":rdonly");
    bput(&b, r >= 0 ? ":READABLE" : ":read=");
    if (r < 0) bput(&b, errno_name(-r) != NULL ? errno_name(-r) : "?");
  }
  // The probe must see the granted descriptors it knows to be readable,
  // or it proves nothing.
  char c;
  if (SYS3(NR_read, arg_fd("file_ro"), &c, 0) < 0) denied(LX_EIO, "probe-broken");
  struct buf d = {.n = 0};
  bput(&d, "found=");
  bput(&d, n == 0 ? "none" : b.s);
  if (readable > 0) ok(d.s);
  struct buf e = {.n = 0};
  bput(&e, "EBADF ");
  bput(&e, d.s);
  result_line("denied", e.s);
  finish();
}

// A hidden descriptor: the runtime's own executable (a regular file, opened
// O_PATH or read-only) or its diagnostics output (a write-only pipe here).
static int find_by(int want_executable) {
  static struct found_fd found[64];
  int n = find_hidden_fds(found, 64);
  for (int i = 0; i < n; ++i) {
    uint32_t type = found[i].mode & LX_S_IFMT;
    if (want_executable && type == LX_S_IFREG) return found[i].fd;
    if (!want_executable && type == LX_S_IFIFO && !(found[i].flags & LX_O_PATH) &&
        (found[i].flags & LX_O_ACCMODE) == LX_O_WRONLY)
      return found[i].fd;
  }
  return -1;
}

static void c_write_diagnostics_fd(void) {
  // The runtime's diagnostics descriptor is writable: a program can put
  // text into the operator's diagnostics (documented in docs/security.md).
  int fd = find_by(0);
  if (fd < 0) denied(LX_EBADF, "not-found");
  const char forged[] = "cloudabi-run: FORGED LINE FROM THE PROGRAM\n";
  TRY("write", SYS3(NR_write, fd, forged, sizeof(forged) - 1));
  ok(NULL);
}

// Re-executes the runtime through its hidden descriptor, with a forged
// proc_exec state that claims Landlock and seccomp are off, to run this
// program again with another attempt (`inner`). The kernel layers survive
// execve, whatever the state says.
static void put(unsigned char *buf, size_t *n, const void *v, size_t len) {
  mcopy(buf + *n, v, len);
  *n += len;
}
static void put32(unsigned char *buf, size_t *n, uint32_t v) { put(buf, n, &v, 4); }
static void put64(unsigned char *buf, size_t *n, uint64_t v) { put(buf, n, &v, 8); }

static void c_reexec_forged_state(void) {
  int runtime = find_by(1);
  int diag = find_by(0);
  if (runtime < 0) denied(LX_EBADF, "no-runtime-fd");
  size_t adlen;
  const void *inner = arg_bin("inner_argdata", &adlen);
  static unsigned char st[65536];
  size_t n = 0;
  put(st, &n, "CABIEXEC", 8);
  put32(st, &n, 1);  // version
  put32(st, &n, 0);  // flags: no namespaces, no Landlock, no seccomp
  put32(st, &n, (uint32_t)arg_fd("self"));
  put32(st, &n, (uint32_t)diag);
  put32(st, &n, (uint32_t)-1);  // runtime fd: none
  put32(st, &n, (uint32_t)-1);  // lifeline
  // The new program's descriptors: 0 = log, 1 = tmp, with every right.
  put32(st, &n, 2);
  const struct {
    int fd;
    uint8_t type;
  } fds[2] = {{g_log, CLOUDABI_FILETYPE_SOCKET_STREAM}, {tmp_fd(), CLOUDABI_FILETYPE_DIRECTORY}};
  for (int i = 0; i < 2; ++i) {
    put32(st, &n, (uint32_t)fds[i].fd);
    put(st, &n, &fds[i].type, 1);
    put64(st, &n, ~0ULL);
    put64(st, &n, ~0ULL);
    put32(st, &n, (uint32_t)-1);
    put32(st, &n, 0);
    put32(st, &n, 6);
    put(st, &n, "forged", 6);
  }
  put32(st, &n, 0);  // simulated-missing layers
  put64(st, &n, adlen);
  put(st, &n, inner, adlen);

  // The sandbox allows only memfds that can never be executed (on kernels
  // that know MFD_NOEXEC_SEAL; older ones refuse the flag).
  long mfd = SYS2(NR_memfd_create, "forged", LX_MFD_ALLOW_SEALING | LX_MFD_NOEXEC_SEAL);
  if (mfd == -LX_EINVAL) mfd = SYS2(NR_memfd_create, "forged", LX_MFD_ALLOW_SEALING);
  TRY("memfd_create", mfd);
  TRY("write", SYS3(NR_write, mfd, st, n));
  TRY("F_ADD_SEALS", SYS3(NR_fcntl, mfd, LX_F_ADD_SEALS,
                          LX_F_SEAL_SEAL | LX_F_SEAL_SHRINK | LX_F_SEAL_GROW | LX_F_SEAL_WRITE));
  if (diag >= 0) SYS3(NR_fcntl, diag, LX_F_SETFD, 0);  // keep diagnostics across exec
  struct buf num = {.n = 0};
  bnum(&num, mfd);
  char *argv[] = {"cloudabi-run", "--cloudabi-reexec", num.s, NULL};
  char *envp[] = {NULL};
  TRY("execveat", SYS5(NR_execveat, runtime, "", argv, envp, LX_AT_EMPTY_PATH));
  denied(LX_EIO, "returned");
}

// ---------------------------------------------------------------- through the CloudABI calls

static void c_api_open_dotdot(void) {
  // The runtime's own check (openat2 RESOLVE_BENEATH) refuses this for
  // CloudABI calls whatever the kernel layers.
  const char *path = dotdot(secret_path());
  cloudabi_lookup_t dir = {.fd = (cloudabi_fd_t)tmp_fd(), .flags = 0};
  cloudabi_fdstat_t fds = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ};
  cloudabi_fd_t fd;
  cloudabi_errno_t e = cloudabi_sys_file_open(dir, path, slen(path), 0, &fds, &fd);
  if (e != 0) denied_cloudabi(e, "file_open");
  ok(NULL);
}

static void c_api_write_ro(void) {
  cloudabi_lookup_t dir = {.fd = (cloudabi_fd_t)ro_fd(), .flags = 0};
  cloudabi_fdstat_t fds = {.fs_rights_base = CLOUDABI_RIGHT_FD_WRITE};
  cloudabi_fd_t fd;
  cloudabi_errno_t e = cloudabi_sys_file_open(dir, "file", 4, 0, &fds, &fd);
  if (e != 0) denied_cloudabi(e, "file_open");
  ok(NULL);
}

// ---------------------------------------------------------------- dispatch

static const struct {
  const char *name;
  void (*fn)(void);
} kCases[] = {
#define CASE(name) \
  { #name, c_##name }
    CASE(open_absolute),
    CASE(open_absolute_openat2),
    CASE(open_etc_hostname),
    CASE(open_dotdot),
    CASE(open_dotdot_openat),
    CASE(write_dotdot),
    CASE(symlink_absolute),
    CASE(symlink_relative),
    CASE(proc_self_fd_reopen),
    CASE(proc_self_root),
    CASE(proc_self_mem),
    CASE(proc_mem_dotdot),
    CASE(ro_write),
    CASE(ro_otrunc),
    CASE(ro_truncate_path),
    CASE(ro_create),
    CASE(ro_unlink),
    CASE(ro_rmdir),
    CASE(ro_rename),
    CASE(ro_mkdir),
    CASE(ro_symlink),
    CASE(ro_hardlink_to_tmp),
    CASE(ro_rename_to_tmp),
    CASE(ro_chmod),
    CASE(ro_chown),
    CASE(ro_setxattr),
    CASE(ro_utime),
    CASE(stat_absolute),
    CASE(stat_dotdot),
    CASE(statx_dotdot),
    CASE(utime_dotdot),
    CASE(readlink_dotdot),
    CASE(access_dotdot),
    CASE(mknod_device),
    CASE(open_by_handle),
    CASE(inotify_host),
    CASE(execve_sh),
    CASE(execveat_path),
    CASE(execveat_granted_fd),
    CASE(execveat_memfd),
    {"execveat_memfd_exec", c_execveat_memfd},
    CASE(chroot),
    CASE(mount),
    CASE(umount),
    CASE(pivot_root),
    CASE(fsopen),
    CASE(open_tree),
    CASE(tcp_connect),
    CASE(tcp_bind),
    CASE(udp_send),
    CASE(unix_connect_path),
    CASE(unix_connect_abstract),
    CASE(socket_netlink),
    CASE(socket_packet),
    CASE(injected_tcp_connect),
    CASE(injected_tcp_bind),
    CASE(injected_unix_connect_path),
    CASE(injected_unix_connect_abstract),
    CASE(injected_udp_sendto),
    CASE(injected_udp_sendmsg),
    CASE(connected_udp_sendmsg),
    CASE(connected_udp_echo),
    CASE(received_connected_udp_sendmsg),
    CASE(kill_victim),
    CASE(tgkill_victim),
    CASE(kill_parent),
    CASE(kill_init),
    CASE(kill_all),
    CASE(fsetown_sigio),
    CASE(pidfd_signal_init),
    CASE(pidfd_signal_victim),
    CASE(pidfd_getfd_parent),
    CASE(ptrace_traceme),
    CASE(ptrace_seize_parent),
    CASE(process_vm_readv),
    CASE(process_vm_writev),
    CASE(clone_newuser),
    CASE(clone3_newuser),
    CASE(unshare_newuser),
    CASE(unshare_newns),
    CASE(setns),
    CASE(io_uring_setup),
    CASE(bpf_map_create),
    CASE(perf_event_open),
    CASE(add_key),
    CASE(keyctl),
    CASE(userfaultfd),
    CASE(init_module),
    CASE(finit_module),
    CASE(kexec_load),
    CASE(reboot),
    CASE(syslog),
    CASE(sethostname),
    CASE(iopl),
    CASE(modify_ldt),
    CASE(personality),
    CASE(tiocsti),
    CASE(prctl_set_mm),
    CASE(int80_open),
    CASE(x32_open),
    CASE(mmap_rwx),
    CASE(mprotect_rwx),
    CASE(pkey_mprotect_rwx),
    CASE(rlimit_as_mmap),
    CASE(rlimit_as_brk),
    CASE(rlimit_as_mem_map),
    CASE(rlimit_nproc),
    CASE(rlimit_fsize),
    CASE(rlimit_nofile),
    CASE(rlimit_cpu),
    CASE(rlimit_raise_nofile),
    CASE(probe_fds),
    CASE(write_diagnostics_fd),
    CASE(reexec_forged_state),
    {"reexec_forged_socket", c_reexec_forged_state},
    CASE(api_open_dotdot),
    CASE(api_write_ro),
#undef CASE
};

void program_main(const argdata_t *ad) {
  g_args = ad;
  g_log = arg_fd("log");
  g_case = arg_str("case");
  for (size_t i = 0; i < sizeof(kCases) / sizeof(kCases[0]); ++i) {
    if (seq(kCases[i].name, g_case)) {
      kCases[i].fn();
      denied(LX_EIO, "case-returned");
    }
  }
  result_line("unknown-case", NULL);
  SYS1(NR_exit_group, 2);
  for (;;) {
  }
}
