// Hostile arguments for every system call: a seeded, reproducible random
// sequence of calls with huge lengths and counts, invalid enumeration values
// and flag combinations, unaligned and overlapping buffers, descriptor
// numbers far out of range, and NULL or unmapped pointers wherever the Linux
// kernel checks them (EFAULT). Pointers the runtime itself dereferences (the
// structures it reads, its outputs) are always valid here: the issue allows a
// wild one of those to end the program, so that is not what is fuzzed.
//
// Every answer must be one the reference allows for that call and those
// arguments; where the arguments determine the answer (bad descriptor,
// unknown enumeration value, path escaping the directory) the exact errno is
// checked. Throughout, the descriptors the program holds may only lose
// rights, never gain them, and the runtime must survive to the end.
//
// The argument "seed" (an integer) picks another sequence; "iterations" its
// length. A failure logs the seed and iteration so it can be replayed.
#include <stdint.h>
#include <string.h>

#include "harness.h"

#define PAGE 4096
#define IOV_MAX_LINUX 1024
#define NO_FD 0xffffffffu

typedef unsigned __int128 errset;
#define E(x) ((errset)1 << CLOUDABI_##x)
#define OK ((errset)1)

static uint64_t rng;
static uint64_t seed = 0x5eedc0de2026ull;
static uint64_t iteration;

static uint64_t rnd(void) {
  // xorshift64*
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 0x2545f4914f6cdd1dull;
}
static uint64_t below(uint64_t n) { return rnd() % n; }
#define PICK(array) ((array)[below(sizeof(array) / sizeof((array)[0]))])

// The path of the current call, for the failure message.
static const char *cur_path;
static size_t cur_len;

static void check_in(int line, const char *call, cloudabi_errno_t got, errset allowed) {
  if (got < 128 && ((allowed >> got) & 1) != 0) return;
  if (cur_path != NULL) {
    char shown[64];
    size_t n = 0;
    for (size_t i = 0; i < cur_len && n + 4 < sizeof(shown); ++i) {
      unsigned char c = (unsigned char)cur_path[i];
      if (c >= 0x20 && c < 0x7f) {
        shown[n++] = (char)c;
      } else {
        shown[n++] = '\\';
        shown[n++] = "0123456789abcdef"[c >> 4];
        shown[n++] = "0123456789abcdef"[c & 15];
      }
    }
    shown[n] = '\0';
    harness_log("hostile: path \"");
    harness_log(shown);
    harness_log("\"\n");
  }
  harness_log("hostile: ");
  harness_log(call);
  harness_log(" answered an errno the reference does not allow here; seed ");
  harness_log_int((int64_t)seed);
  harness_log(" iteration ");
  harness_log_int((int64_t)iteration);
  harness_log("\n");
  harness_fail(__FILE__, line, call, got, -1, 1);
}
#define EXPECT(call, got, allowed) check_in(__LINE__, call, got, allowed)

// Memory: arena = [RW page][PROT_NONE guard][RW page]. `edge` is a buffer
// whose end touches the guard page.
static char *arena;
static char *guard;
static char *edge;
static char pathbuf[2 * PAGE];

// Descriptors the program made, with the rights they had at the start of an
// iteration (they may only shrink).
enum { DIR, FILE_, STREAM0, STREAM1, DGRAM0, DGRAM1, SHM, NPOOL };
static cloudabi_fd_t pool[NPOOL];
static cloudabi_fdstat_t pool_stat[NPOOL];
static cloudabi_fdstat_t pool_initial[NPOOL];

static cloudabi_fd_t bad_fd(void) {
  static const cloudabi_fd_t far[] = {0x7fffffff, 0xffffffff, 0x80000000, 0x100000,
                                      65535,      0xfffffffe, 0x40000000};
  return PICK(far);
}

static int pick_pool(void) { return (int)below(NPOOL); }

// A descriptor: one of the pool, or a number that is not open.
static cloudabi_fd_t any_fd(int *index) {
  if (below(3) == 0) {
    *index = -1;
    return bad_fd();
  }
  *index = pick_pool();
  return pool[*index];
}

static const uint64_t huge_sizes[] = {
    0,
    1,
    7,
    PAGE,
    PAGE + 1,
    65536,
    (uint64_t)1 << 31,
    (uint64_t)1 << 40,
    (uint64_t)1 << 62,
    UINT64_MAX / 2,
    UINT64_MAX - PAGE,
    UINT64_MAX,
};

// A buffer pointer the kernel checks: valid, unaligned, touching the guard,
// the guard itself, NULL, or far away.
static void *kernel_buffer(size_t *len, int *valid) {
  switch (below(6)) {
    case 0:
      *len = below(PAGE);
      *valid = 1;
      return arena + 1;  // unaligned on purpose
    case 1:
      *len = below(64);
      *valid = *len <= 64;
      return edge;
    case 2:
      *len = 65 + below(PAGE);
      *valid = 0;
      return edge;  // runs into the guard page
    case 3:
      *len = 1 + below(PAGE);
      *valid = 0;
      return guard;
    case 4:
      *len = 1 + below(16);
      *valid = 0;
      return NULL;
    default:
      *len = (size_t)PICK(huge_sizes);
      *valid = *len == 0;
      return (void *)(uintptr_t)0xdead0000ull;
  }
}

// An iovec array (itself checked by the kernel) over hostile buffers,
// sometimes overlapping one another.
static cloudabi_iovec_t iovs_store[8];
static const void *hostile_iovecs(size_t *count) {
  switch (below(5)) {
    case 0:
      *count = (size_t)PICK(huge_sizes);
      return iovs_store;
    case 1:
      *count = 1 + below(4);
      return guard;
    case 2:
      *count = below(2);
      return NULL;
    default:
      break;
  }
  *count = below(9);
  for (size_t i = 0; i < *count; ++i) {
    size_t len;
    int valid;
    iovs_store[i].buf = kernel_buffer(&len, &valid);
    iovs_store[i].buf_len = len;
    if (below(4) == 0) {  // overlapping the previous one
      iovs_store[i].buf = arena + below(64);
      iovs_store[i].buf_len = below(256);
    }
  }
  if (below(8) == 0) *count = IOV_MAX_LINUX + 1 + below(4);
  return iovs_store;
}

// A hostile path in pathbuf.
static const char *hostile_path(size_t *len) {
  static const char *const fixed[] = {
      "/etc/passwd",  "/",           "..",     "../x",    "a/../../x", "./../..",
      "fz_link_out",  "fz_loop",     "//",     ".",       "x/",        "fz_file/x",
      "fz_dir/../..", "nonexistent", "fz_dir", "fz_file", "a\0b",      "\0",
  };
  switch (below(4)) {
    case 0: {  // random bytes, sometimes with NULs
      size_t n = below(40);
      for (size_t i = 0; i < n; ++i) pathbuf[i] = (char)(below(4) == 0 ? "/.\0a"[below(4)] : rnd());
      *len = n;
      return pathbuf;
    }
    case 1:  // longer than PATH_MAX
      memset(pathbuf, 'a', sizeof(pathbuf));
      *len = PAGE + below(PAGE);
      return pathbuf;
    default: {
      const char *p = PICK(fixed);
      size_t n = strlen(p);
      if (p[0] == 'a' && p[1] == '\0') n = 3;
      if (p[0] == '\0') n = 1;
      memcpy(pathbuf, p, n);
      *len = n;
      return pathbuf;
    }
  }
}

// The files setup() made, which the fuzzing must not remove or move away.
static int is_fixture(const char *p, size_t len) {
  static const char *const names[] = {"fz_file", "fz_loop", "fz_link_out", "fz_dir"};
  for (size_t i = 0; i < 4; ++i)
    if (len == strlen(names[i]) && memcmp(p, names[i], len) == 0) return 1;
  return 0;
}

static int path_has_nul(const char *p, size_t len) {
  return len > 0 && memchr(p, '\0', len < PAGE ? len : PAGE) != NULL;
}

// What any path-taking call may answer. The escapes (absolute path, ".."
// above the directory) must be ENOTCAPABLE whenever the call got that far.
static const errset path_errors = OK | E(EBADF) | E(ENOTCAPABLE) | E(EILSEQ) | E(ENAMETOOLONG) |
                                  E(ENOENT) | E(EEXIST) | E(ENOTDIR) | E(EISDIR) | E(ELOOP) |
                                  E(EINVAL) | E(EPERM) | E(ENOTEMPTY) | E(EXDEV) | E(ENOTSUP) |
                                  E(EACCES) | E(EBUSY) | E(EMLINK);

// The answer a path call must give for what only the path decides, or 0 if
// the path alone does not decide it.
static cloudabi_errno_t path_verdict(const char *p, size_t len) {
  if (path_has_nul(p, len)) return CLOUDABI_EILSEQ;
  if (len >= PAGE) return CLOUDABI_ENAMETOOLONG;
  return 0;
}
static int path_escapes(const char *p, size_t len) {
  if (len >= 1 && p[0] == '/') return 1;
  if (len >= 2 && p[0] == '.' && p[1] == '.' && (len == 2 || p[2] == '/')) return 1;
  if (len == 12 && memcmp(p, "fz_dir/../..", 12) == 0) return 1;
  if (len == 7 && memcmp(p, "./../..", 7) == 0) return 1;
  if (len == 9 && memcmp(p, "a/../../x", 9) == 0) return 0;  // "a" does not exist
  return 0;
}

static void check_path_result(int line, const char *call, cloudabi_errno_t got, const char *p,
                              size_t len, int fd_index, errset extra) {
  cloudabi_errno_t v = path_verdict(p, len);
  if (v != 0) {
    check_in(line, call, got, (errset)1 << v);
    return;
  }
  if (fd_index < 0) {
    check_in(line, call, got, E(EBADF));
    return;
  }
  if (fd_index == DIR && path_escapes(p, len)) {
    check_in(line, call, got, E(ENOTCAPABLE));
    return;
  }
  check_in(line, call, got, path_errors | extra);
}

static cloudabi_lookup_t lookup(cloudabi_fd_t fd) {
  cloudabi_lookup_t l = {.fd = fd, .flags = (uint32_t)(below(2) ? rnd() : below(2))};
  return l;
}

static void close_new(cloudabi_fd_t fd) {
  for (int i = 0; i < NPOOL; ++i) CHECK(fd != pool[i]);
  CHECK_OK(cloudabi_sys_fd_close(fd));
}

static void setup(void) {
  const argdata_t *a = harness_arg("seed");
  if (a != NULL) {
    uintmax_t v;
    if (argdata_get_int_u(a, &v, UINT64_MAX) == 0) seed = v;
  }
  rng = seed | 1;
  void *m;
  CHECK_OK(cloudabi_sys_mem_map(NULL, 3 * PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                                &m));
  arena = m;
  guard = arena + PAGE;
  edge = guard - 64;
  CHECK_OK(cloudabi_sys_mem_protect(guard, PAGE, 0));

  // A private directory beneath tmp with a file, a subdirectory, a symlink
  // pointing out and a symlink loop.
  cloudabi_fdstat_t dirstat;
  CHECK_OK(cloudabi_sys_fd_stat_get((cloudabi_fd_t)harness_tmp_fd, &dirstat));
  CHECK_OK(cloudabi_sys_file_create((cloudabi_fd_t)harness_tmp_fd, "fuzz", 4,
                                    CLOUDABI_FILETYPE_DIRECTORY));
  cloudabi_fdstat_t req = {.fs_rights_base = dirstat.fs_rights_base,
                           .fs_rights_inheriting = dirstat.fs_rights_inheriting};
  cloudabi_lookup_t tmp = {.fd = (cloudabi_fd_t)harness_tmp_fd};
  CHECK_OK(cloudabi_sys_file_open(tmp, "fuzz", 4, CLOUDABI_O_DIRECTORY, &req, &pool[DIR]));
  cloudabi_lookup_t dir = {.fd = pool[DIR]};
  CHECK_OK(cloudabi_sys_file_create(pool[DIR], "fz_dir", 6, CLOUDABI_FILETYPE_DIRECTORY));
  CHECK_OK(cloudabi_sys_file_symlink("../../..", 8, pool[DIR], "fz_link_out", 11));
  CHECK_OK(cloudabi_sys_file_symlink("fz_loop", 7, pool[DIR], "fz_loop", 7));
  cloudabi_fdstat_t freq = {
      .fs_rights_base = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK |
                        CLOUDABI_RIGHT_FD_TELL | CLOUDABI_RIGHT_FILE_STAT_FGET |
                        CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE | CLOUDABI_RIGHT_FILE_ADVISE |
                        CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_PROC_EXEC | CLOUDABI_RIGHT_FD_SYNC |
                        CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_POLL_FD_READWRITE};
  CHECK_OK(cloudabi_sys_file_open(dir, "fz_file", 7, CLOUDABI_O_CREAT, &freq, &pool[FILE_]));
  CHECK_OK(
      cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &pool[STREAM0], &pool[STREAM1]));
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_DGRAM, &pool[DGRAM0], &pool[DGRAM1]));
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &pool[SHM]));
  // Sockets never block here.
  for (int i = STREAM0; i <= DGRAM1; ++i) {
    cloudabi_fdstat_t f = {.fs_flags = CLOUDABI_FDFLAG_NONBLOCK};
    CHECK_OK(cloudabi_sys_fd_stat_put(pool[i], &f, CLOUDABI_FDSTAT_FLAGS));
  }
  for (int i = 0; i < NPOOL; ++i) CHECK_OK(cloudabi_sys_fd_stat_get(pool[i], &pool_stat[i]));
  memcpy(pool_initial, pool_stat, sizeof(pool_stat));
}

// Rights never grow; types never change; the descriptors stay.
static void check_pool(void) {
  for (int i = 0; i < NPOOL; ++i) {
    cloudabi_fdstat_t now;
    CHECK_OK(cloudabi_sys_fd_stat_get(pool[i], &now));
    CHECK_EQ(now.fs_filetype, pool_stat[i].fs_filetype);
    CHECK_EQ(now.fs_rights_base & ~pool_stat[i].fs_rights_base, 0);
    CHECK_EQ(now.fs_rights_inheriting & ~pool_stat[i].fs_rights_inheriting, 0);
    pool_stat[i] = now;
  }
  // The sockets must stay non-blocking (fd_stat_put may have changed flags).
  for (int i = STREAM0; i <= DGRAM1; ++i) CHECK(pool_stat[i].fs_flags & CLOUDABI_FDFLAG_NONBLOCK);
}

static int has(int index, cloudabi_rights_t r) {
  return index >= 0 && (pool_stat[index].fs_rights_base & r) == r;
}
static int is_socket(int index) { return index >= STREAM0 && index <= DGRAM1; }

// ---- the calls ------------------------------------------------------------

static void fuzz_clock(void) {
  cloudabi_clockid_t id = (cloudabi_clockid_t)(below(2) ? below(8) : rnd());
  cloudabi_timestamp_t t;
  errset want =
      id >= CLOUDABI_CLOCK_MONOTONIC && id <= CLOUDABI_CLOCK_THREAD_CPUTIME_ID ? OK : E(EINVAL);
  EXPECT("clock_res_get", cloudabi_sys_clock_res_get(id, &t), want);
  EXPECT("clock_time_get", cloudabi_sys_clock_time_get(id, rnd(), &t), want);
}

static void fuzz_condvar_and_lock(void) {
  static _Alignas(8) uint32_t words[4];
  cloudabi_scope_t scope =
      (cloudabi_scope_t)(below(2) ? PICK(((uint8_t[]){0, 1, 4, 8, 255})) : rnd());
  int valid_scope = scope == CLOUDABI_SCOPE_PRIVATE || scope == CLOUDABI_SCOPE_SHARED;
  void *word;
  errset want;
  switch (below(3)) {
    case 0:
      word = NULL;
      want = E(EFAULT);
      break;
    case 1:
      word = (char *)words + 1 + below(3);
      want = E(EINVAL);
      break;
    default:
      word = &words[0];
      words[0] = (uint32_t)(below(2) ? 0 : rnd() & ~(CLOUDABI_LOCK_WRLOCKED | 0x3fffffffu));
      want = OK | E(EPERM);
      break;
  }
  if (!valid_scope) want = E(EINVAL);
  // Nobody waits: signalling wakes nobody; unlocking a lock this thread does
  // not hold is EPERM.
  EXPECT("condvar_signal", cloudabi_sys_condvar_signal(word, scope, (cloudabi_nthreads_t)rnd()),
         want & ~E(EPERM));
  EXPECT("lock_unlock", cloudabi_sys_lock_unlock(word, scope),
         (want & ~OK) | (valid_scope && word == &words[0] ? E(EPERM) : 0));
}

static void fuzz_fd_simple(void) {
  int idx;
  cloudabi_fd_t fd = any_fd(&idx);
  errset bad = E(EBADF);
  switch (below(6)) {
    case 0:
      if (idx < 0) EXPECT("fd_close", cloudabi_sys_fd_close(fd), bad);
      break;
    case 1: {
      cloudabi_filetype_t t = (cloudabi_filetype_t)rnd();
      cloudabi_fd_t a, b;
      if (t != CLOUDABI_FILETYPE_SHARED_MEMORY)
        EXPECT("fd_create1", cloudabi_sys_fd_create1(t, &a), E(EINVAL));
      if (t != CLOUDABI_FILETYPE_SOCKET_STREAM && t != CLOUDABI_FILETYPE_SOCKET_DGRAM)
        EXPECT("fd_create2", cloudabi_sys_fd_create2(t, &a, &b), E(EINVAL));
      break;
    }
    case 2:
      EXPECT("fd_datasync", cloudabi_sys_fd_datasync(fd),
             idx < 0                                ? bad
             : has(idx, CLOUDABI_RIGHT_FD_DATASYNC) ? OK | E(EINVAL)
                                                    : E(ENOTCAPABLE));
      EXPECT("fd_sync", cloudabi_sys_fd_sync(fd),
             idx < 0                            ? bad
             : has(idx, CLOUDABI_RIGHT_FD_SYNC) ? OK | E(EINVAL)
                                                : E(ENOTCAPABLE));
      break;
    case 3: {
      cloudabi_fd_t d;
      cloudabi_errno_t e = cloudabi_sys_fd_dup(fd, &d);
      EXPECT("fd_dup", e, idx < 0 ? bad : OK);
      if (e == 0) {
        cloudabi_fdstat_t s;
        CHECK_OK(cloudabi_sys_fd_stat_get(d, &s));
        CHECK_EQ(s.fs_rights_base, pool_stat[idx].fs_rights_base);
        CHECK_EQ(s.fs_rights_inheriting, pool_stat[idx].fs_rights_inheriting);
        close_new(d);
      }
      break;
    }
    case 4: {
      // One side not open; or both the same.
      cloudabi_fd_t other = below(2) ? bad_fd() : fd;
      cloudabi_errno_t e =
          below(2) ? cloudabi_sys_fd_replace(fd, other) : cloudabi_sys_fd_replace(other, fd);
      EXPECT("fd_replace", e, idx < 0 || other != fd ? bad : OK);
      break;
    }
    default: {
      cloudabi_fdstat_t s;
      EXPECT("fd_stat_get", cloudabi_sys_fd_stat_get(fd, &s), idx < 0 ? bad : OK);
      break;
    }
  }
}

static void fuzz_fd_io(void) {
  int idx;
  cloudabi_fd_t fd = any_fd(&idx);
  size_t count;
  const void *iovs = hostile_iovecs(&count);
  size_t n = (size_t)-1;
  static const uint64_t offsets[] = {0, 1, PAGE, INT64_MAX, (uint64_t)INT64_MAX + 1, UINT64_MAX};
  uint64_t off = PICK(offsets);
  errset io = OK | E(EFAULT) | E(EINVAL) | E(EAGAIN) | E(EISDIR) | E(ESPIPE) | E(EFBIG) | E(EPIPE) |
              E(ENOTCONN) | E(ECONNRESET) | E(EMSGSIZE) | E(ENOBUFS) | E(EOVERFLOW) |
              E(EDESTADDRREQ);
  int which = (int)below(4);
  int positional = which >= 2;
  cloudabi_rights_t need = (which % 2 == 0 ? CLOUDABI_RIGHT_FD_READ : CLOUDABI_RIGHT_FD_WRITE) |
                           (positional ? CLOUDABI_RIGHT_FD_SEEK : 0);
  errset want;
  if (positional && count == 0)
    want = E(EINVAL);
  else if (idx < 0)
    want = E(EBADF);
  else if (!has(idx, need))
    want = E(ENOTCAPABLE);
  else if (count > IOV_MAX_LINUX)
    want = E(EINVAL);
  else
    want = io;
  cloudabi_errno_t e;
  switch (which) {
    case 0:
      e = cloudabi_sys_fd_read(fd, iovs, count, &n);
      break;
    case 1:
      e = cloudabi_sys_fd_write(fd, iovs, count, &n);
      break;
    case 2:
      e = cloudabi_sys_fd_pread(fd, iovs, count, off, &n);
      break;
    default:
      // Never write far into the file: only offsets Linux rejects.
      if (off != 0 && off < INT64_MAX) off = (uint64_t)INT64_MAX + 1;
      e = cloudabi_sys_fd_pwrite(fd, iovs, count, off, &n);
      break;
  }
  EXPECT(which == 0   ? "fd_read"
         : which == 1 ? "fd_write"
         : which == 2 ? "fd_pread"
                      : "fd_pwrite",
         e, want);
  if (e == 0) {
    size_t total = 0;
    const cloudabi_iovec_t *v = iovs;
    for (size_t i = 0; i < count; ++i) total += v[i].buf_len;
    CHECK(n <= total);
  }
}

static void fuzz_fd_seek_and_stat_put(void) {
  int idx;
  cloudabi_fd_t fd = any_fd(&idx);
  if (below(2)) {
    cloudabi_whence_t whence = (cloudabi_whence_t)(below(2) ? below(5) : rnd());
    cloudabi_filedelta_t off = (cloudabi_filedelta_t)(below(2) ? (int64_t)below(3) - 1 : rnd());
    cloudabi_filesize_t pos;
    errset want;
    if (whence < CLOUDABI_WHENCE_CUR || whence > CLOUDABI_WHENCE_SET)
      want = E(EINVAL);
    else if (idx < 0)
      want = E(EBADF);
    else if (!has(idx, CLOUDABI_RIGHT_FD_TELL) ||
             (!(off == 0 && whence == CLOUDABI_WHENCE_CUR) && !has(idx, CLOUDABI_RIGHT_FD_SEEK)))
      want = E(ENOTCAPABLE);
    else
      want = OK | E(EINVAL) | E(EOVERFLOW) | E(ESPIPE);
    EXPECT("fd_seek", cloudabi_sys_fd_seek(fd, off, whence, &pos), want);
    if (idx == FILE_) cloudabi_sys_fd_seek(fd, 0, CLOUDABI_WHENCE_SET, &pos);
    return;
  }
  cloudabi_fdsflags_t how = (cloudabi_fdsflags_t)(below(2) ? below(4) : rnd());
  cloudabi_fdstat_t s = {.fs_filetype = (cloudabi_filetype_t)rnd(),
                         .fs_flags = (cloudabi_fdflags_t)(rnd() | CLOUDABI_FDFLAG_NONBLOCK),
                         .fs_rights_base = rnd(),
                         .fs_rights_inheriting = rnd()};
  if (idx >= 0 && below(2)) {  // a subset: allowed, and it narrows
    s.fs_rights_base = pool_stat[idx].fs_rights_base & ~((cloudabi_rights_t)1 << below(64));
    s.fs_rights_inheriting =
        pool_stat[idx].fs_rights_inheriting & ~((cloudabi_rights_t)1 << below(64));
    // Keep what the rest of the fuzzing needs to reach the deep paths.
    s.fs_rights_base |= pool_stat[idx].fs_rights_base &
                        (CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FILE_OPEN);
  }
  errset want;
  if (how != CLOUDABI_FDSTAT_FLAGS && how != CLOUDABI_FDSTAT_RIGHTS)
    want = E(EINVAL) | (idx < 0 ? E(EBADF) : 0);
  else if (idx < 0)
    want = E(EBADF);
  else if (how == CLOUDABI_FDSTAT_FLAGS)
    want = has(idx, CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS) ? OK : E(ENOTCAPABLE);
  else
    want = (s.fs_rights_base & ~pool_stat[idx].fs_rights_base) == 0 &&
                   (s.fs_rights_inheriting & ~pool_stat[idx].fs_rights_inheriting) == 0
               ? OK
               : E(ENOTCAPABLE);
  // Only descriptors of the pool ever get FLAGS with random bits: keep the
  // file from being put in append mode (harmless) and sockets non-blocking.
  EXPECT("fd_stat_put", cloudabi_sys_fd_stat_put(fd, &s, how), want);
}

static void fuzz_file_fd(void) {
  int idx;
  cloudabi_fd_t fd = any_fd(&idx);
  static const uint64_t sizes[] = {0, 1, PAGE, INT64_MAX, (uint64_t)INT64_MAX + 1, UINT64_MAX};
  switch (below(4)) {
    case 0: {
      cloudabi_advice_t advice = (cloudabi_advice_t)(below(2) ? below(8) : rnd());
      errset want = idx < 0                                 ? E(EBADF)
                    : !has(idx, CLOUDABI_RIGHT_FILE_ADVISE) ? E(ENOTCAPABLE)
                                                            : OK | E(EINVAL) | E(ESPIPE);
      if (advice == 0 || advice > CLOUDABI_ADVICE_WILLNEED) want |= E(EINVAL);
      EXPECT("file_advise", cloudabi_sys_file_advise(fd, PICK(sizes), PICK(sizes), advice), want);
      break;
    }
    case 1: {
      // Only ranges Linux refuses before allocating anything.
      uint64_t off = below(2) ? UINT64_MAX : (uint64_t)INT64_MAX;
      errset want = idx < 0 ? E(EBADF)
                    : !has(idx, CLOUDABI_RIGHT_FILE_ALLOCATE)
                        ? E(ENOTCAPABLE)
                        : E(EINVAL) | E(EFBIG) | E(ENOSPC) | E(ESPIPE) | E(ENODEV);
      EXPECT("file_allocate", cloudabi_sys_file_allocate(fd, off, PICK(sizes) | 1), want);
      break;
    }
    case 2: {
      cloudabi_filestat_t st;
      EXPECT("file_stat_fget", cloudabi_sys_file_stat_fget(fd, &st),
             idx < 0                                    ? E(EBADF)
             : !has(idx, CLOUDABI_RIGHT_FILE_STAT_FGET) ? E(ENOTCAPABLE)
                                                        : OK);
      break;
    }
    default: {
      cloudabi_fsflags_t flags = (cloudabi_fsflags_t)(below(2) ? below(64) : rnd());
      uint64_t size = below(2) ? below(PAGE) : PICK(sizes);
      if (size > PAGE && size <= INT64_MAX) size = UINT64_MAX;
      cloudabi_filestat_t st = {.st_size = size, .st_atim = rnd(), .st_mtim = rnd()};
      // Any answer of the reference's; the exact ones for flags alone are
      // tested in file/ops.c. What matters is no crash and no ENOSYS.
      EXPECT("file_stat_fput", cloudabi_sys_file_stat_fput(fd, &st, flags),
             idx < 0 && flags != 0
                 ? E(EBADF) | E(EINVAL)
                 : OK | E(EBADF) | E(EINVAL) | E(ENOTCAPABLE) | E(EFBIG) | E(EPERM));
      break;
    }
  }
}

static void fuzz_paths(void) {
  int idx;
  cloudabi_fd_t fd = below(4) == 0 ? bad_fd() : pool[DIR];
  idx = fd == pool[DIR] ? DIR : -1;
  if (below(6) == 0) {  // not a directory
    idx = pick_pool();
    fd = pool[idx];
  }
  size_t len;
  const char *p = hostile_path(&len);
  cur_path = p;
  cur_len = len;
  // Only the directory descriptor may get past the rights check.
  errset extra = idx > DIR ? E(ENOTCAPABLE) | E(ENOTDIR) : 0;
  if (idx > DIR && path_verdict(p, len) == 0) {
    // Another descriptor type: ENOTCAPABLE or ENOTDIR, depending on rights.
    idx = -2;
  }
#define PATH_RESULT(call, e)                                    \
  do {                                                          \
    if (idx == -2)                                              \
      EXPECT(call, e, E(ENOTCAPABLE) | E(ENOTDIR) | E(EINVAL)); \
    else                                                        \
      check_path_result(__LINE__, call, e, p, len, idx, extra); \
  } while (0)
  switch (below(10)) {
    case 0: {
      cloudabi_filetype_t t = below(2) ? CLOUDABI_FILETYPE_DIRECTORY : (cloudabi_filetype_t)rnd();
      cloudabi_errno_t e = cloudabi_sys_file_create(fd, p, len, t);
      if (t != CLOUDABI_FILETYPE_DIRECTORY)
        EXPECT("file_create", e, E(EINVAL) | E(EBADF) | E(EILSEQ) | E(ENAMETOOLONG));
      else
        PATH_RESULT("file_create", e);
      break;
    }
    case 1: {
      size_t len2;
      const char *p2 = below(2) ? "fz_new" : "fz_file";
      len2 = strlen(p2);
      PATH_RESULT("file_link", cloudabi_sys_file_link(lookup(fd), p, len, pool[DIR], p2, len2));
      break;
    }
    case 2: {
      cloudabi_fdstat_t req = {.fs_flags = (cloudabi_fdflags_t)rnd(),
                               .fs_rights_base = rnd(),
                               .fs_rights_inheriting = rnd()};
      if (below(2)) {
        req.fs_rights_base &= CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_READDIR;
        req.fs_rights_inheriting = 0;
        req.fs_flags = 0;
      }
      cloudabi_oflags_t oflags = (cloudabi_oflags_t)(below(2) ? rnd() : 0);
      cloudabi_fd_t out = NO_FD;
      cloudabi_errno_t e = cloudabi_sys_file_open(lookup(fd), p, len, oflags, &req, &out);
      // Creating a directory with file_open is an invalid combination that
      // Linux refuses before looking at the path.
      if ((oflags & (CLOUDABI_O_CREAT | CLOUDABI_O_DIRECTORY)) ==
          (CLOUDABI_O_CREAT | CLOUDABI_O_DIRECTORY))
        EXPECT("file_open", e, path_errors);
      else
        PATH_RESULT("file_open", e);
      if (e == 0) {
        cloudabi_fdstat_t s;
        CHECK_OK(cloudabi_sys_fd_stat_get(out, &s));
        // Never more than asked for, nor than the directory may hand out.
        CHECK_EQ(s.fs_rights_base & ~req.fs_rights_base, 0);
        CHECK_EQ(s.fs_rights_inheriting & ~req.fs_rights_inheriting, 0);
        CHECK_EQ(s.fs_rights_base & ~pool_stat[DIR].fs_rights_inheriting, 0);
        CHECK_EQ(s.fs_rights_inheriting & ~pool_stat[DIR].fs_rights_inheriting, 0);
        close_new(out);
      }
      break;
    }
    case 3: {
      char *buf = below(2) ? edge : guard;
      size_t used;
      size_t blen = below(2) ? 64 : PAGE;
      cloudabi_errno_t e = cloudabi_sys_file_readlink(fd, p, len, buf, blen, &used);
      // The kernel writes the link's contents: EFAULT for the guard page.
      if (!(e == CLOUDABI_EFAULT && buf == guard)) PATH_RESULT("file_readlink", e);
      if (e == 0) CHECK(used <= blen);
      break;
    }
    case 4:
      if (is_fixture(p, len)) break;
      PATH_RESULT("file_rename", cloudabi_sys_file_rename(fd, p, len, pool[DIR], "fz_moved", 8));
      cloudabi_sys_file_rename(pool[DIR], "fz_moved", 8, pool[DIR], "fz_moved2", 9);
      break;
    case 5: {
      cloudabi_filestat_t st;
      PATH_RESULT("file_stat_get", cloudabi_sys_file_stat_get(lookup(fd), p, len, &st));
      break;
    }
    case 6: {
      cloudabi_filestat_t st = {.st_atim = rnd(), .st_mtim = rnd()};
      cloudabi_fsflags_t flags = (cloudabi_fsflags_t)(below(2) ? below(64) : rnd());
      cloudabi_errno_t e = cloudabi_sys_file_stat_put(lookup(fd), p, len, &st, flags);
      // Only the time flags, each either given or now.
      int bad_flags = (flags & ~0xfu) != 0 || (flags & 3) == 3 || (flags & 0xc) == 0xc;
      if (bad_flags)
        EXPECT("file_stat_put", e, path_errors);
      else
        PATH_RESULT("file_stat_put", e);
      break;
    }
    case 7: {
      size_t tlen;
      const char *target = hostile_path(&tlen);
      // The link's contents are never resolved here, only stored.
      cloudabi_errno_t e = cloudabi_sys_file_symlink(target, tlen, fd, "fz_sym", 6);
      EXPECT("file_symlink", e, path_errors);
      if (e == 0 && has(DIR, CLOUDABI_RIGHT_FILE_UNLINK))
        CHECK_OK(cloudabi_sys_file_unlink(pool[DIR], "fz_sym", 6, 0));
      break;
    }
    case 8: {
      cloudabi_ulflags_t flags = (cloudabi_ulflags_t)(below(2) ? below(2) : rnd());
      if (is_fixture(p, len)) break;
      cloudabi_errno_t e = cloudabi_sys_file_unlink(fd, p, len, flags);
      PATH_RESULT("file_unlink", e);
      break;
    }
    default: {
      char buf[512];
      size_t used;
      cloudabi_dircookie_t cookie = below(2) ? 0 : rnd();
      size_t blen = below(sizeof(buf) + 1);
      cloudabi_errno_t e = cloudabi_sys_file_readdir(fd, buf, blen, cookie, &used);
      EXPECT("file_readdir", e,
             OK | E(EBADF) | E(ENOTCAPABLE) | E(EINVAL) | E(ENOTDIR) | E(ENOENT));
      if (fd != pool[DIR] && e == 0) CHECK(0);  // only directories can be read
      if (e == 0) CHECK(used <= blen);
      break;
    }
  }
#undef PATH_RESULT
  cur_path = NULL;
}

static void fuzz_mem(void) {
  static const cloudabi_mprot_t prots[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0xff};
  cloudabi_mprot_t prot = below(2) ? PICK(prots) : (cloudabi_mprot_t)rnd();
  int bad_prot = (prot & ~7) != 0 || (prot & (CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC)) ==
                                         (CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC);
  // A victim mapping of this iteration's own.
  void *victim;
  CHECK_OK(cloudabi_sys_mem_map(NULL, 2 * PAGE, CLOUDABI_PROT_READ,
                                CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                                &victim));
  static const uintptr_t wild[] = {0, 0xdead0000, 0x10000, 0x7ffffffff000, 0xffff800000000000};
  char *addr;
  size_t len = below(2) ? below(3 * PAGE) : (size_t)PICK(huge_sizes);
  switch (below(4)) {
    case 0:
      addr = (char *)(uintptr_t)PICK(wild);
      break;
    case 1:
      addr = (char *)victim + 1 + below(PAGE - 1);  // unaligned
      break;
    default:
      addr = victim;
      break;
  }
  // The victim may lie next to other memory of the program (the runtime
  // merges adjacent ranges), so lengths past it are only ones far beyond any
  // mapping: a mem_protect must never reach the program's own pages.
  if ((char *)addr >= (char *)victim && (char *)addr < (char *)victim + 2 * PAGE)
    len = below(2) ? below(2 * PAGE + 1 - ((char *)addr - (char *)victim))
                   : (size_t)1 << (40 + below(24));
  int aligned = ((uintptr_t)addr % PAGE) == 0;
  int mine = addr == victim && len <= 2 * PAGE;
  // A zero length names no page: nothing to refuse.
  errset range = !aligned ? E(EINVAL) : mine || len == 0 ? OK : E(ENOMEM);
  switch (below(5)) {
    case 0: {
      cloudabi_advice_t a = (cloudabi_advice_t)(below(2) ? below(8) : rnd());
      int bad = a == 0 || a > CLOUDABI_ADVICE_WILLNEED || a == CLOUDABI_ADVICE_NOREUSE;
      EXPECT("mem_advise", cloudabi_sys_mem_advise(addr, len, a), bad ? E(EINVAL) : range);
      break;
    }
    case 1:
      EXPECT("mem_protect", cloudabi_sys_mem_protect(addr, len, prot),
             bad_prot ? E(ENOTSUP) : range);
      break;
    case 2: {
      cloudabi_msflags_t f = (cloudabi_msflags_t)(below(2) ? below(8) : rnd());
      cloudabi_msflags_t sync = f & ~CLOUDABI_MS_INVALIDATE;
      int bad = sync != CLOUDABI_MS_ASYNC && sync != CLOUDABI_MS_SYNC;
      EXPECT("mem_sync", cloudabi_sys_mem_sync(addr, len, f), bad ? E(EINVAL) : range | E(EBUSY));
      break;
    }
    case 3: {
      cloudabi_errno_t e = cloudabi_sys_mem_unmap(addr, len);
      EXPECT("mem_unmap", e, mine && len > 0 ? OK : E(EINVAL));
      if (e == 0) {
        size_t done = (len + PAGE - 1) & ~(size_t)(PAGE - 1);
        if (done < 2 * PAGE)
          CHECK_OK(cloudabi_sys_mem_unmap((char *)victim + done, 2 * PAGE - done));
        victim = NULL;
      }
      break;
    }
    default: {
      static const cloudabi_mflags_t flagsets[] = {
          CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
          CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED,
          CLOUDABI_MAP_PRIVATE,
          CLOUDABI_MAP_SHARED,
          CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_SHARED,
          0,
          CLOUDABI_MAP_ANON,
          0xff,
          CLOUDABI_MAP_FIXED | CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE};
      cloudabi_mflags_t flags = below(4) ? PICK(flagsets) : (cloudabi_mflags_t)rnd();
      int idx;
      cloudabi_fd_t fd = below(2) ? CLOUDABI_MAP_ANON_FD : any_fd(&idx);
      uint64_t off = below(2) ? 0 : PICK(huge_sizes);
      void *mem = NULL;
      cloudabi_mflags_t fixed_addr_ok = (flags & CLOUDABI_MAP_FIXED) == 0 || addr == victim;
      if (!fixed_addr_ok) flags &= ~CLOUDABI_MAP_FIXED;
      cloudabi_errno_t e =
          cloudabi_sys_mem_map(fixed_addr_ok ? addr : NULL, len, prot, flags, fd, off, &mem);
      EXPECT("mem_map", e,
             OK | E(EINVAL) | E(ENOTSUP) | E(ENOMEM) | E(EBADF) | E(ENOTCAPABLE) | E(EACCES) |
                 E(ENODEV) | E(EOVERFLOW) | E(EPERM));
      if (bad_prot && e == 0) CHECK(0);
      if (e == 0) {
        CHECK(mem != NULL);
        size_t done = (len + PAGE - 1) & ~(size_t)(PAGE - 1);
        CHECK_OK(cloudabi_sys_mem_unmap(mem, done));
        if (mem == victim) {
          if (done < 2 * PAGE)
            CHECK_OK(cloudabi_sys_mem_unmap((char *)victim + done, 2 * PAGE - done));
          victim = NULL;
        }
      }
      break;
    }
  }
  if (victim != NULL) {
    // Whatever happened to the victim, it is the program's to unmap.
    CHECK_OK(cloudabi_sys_mem_unmap(victim, 2 * PAGE));
  }
}

static void fuzz_poll(void) {
  static void *const kernel_space = (void *)(uintptr_t)0xffff800000001000ull;
  static cloudabi_subscription_t subs[6];
  static cloudabi_event_t events[6];
  static _Alignas(8) uint32_t words[4];
  size_t n = 1 + below(5);
  memset(subs, 0, sizeof(subs));
  words[0] = words[1] = 0;
  for (size_t i = 0; i < n; ++i) {
    cloudabi_subscription_t *s = &subs[i];
    s->userdata = rnd();
    s->type = (cloudabi_eventtype_t)(below(4) ? 1 + below(7) : rnd());
    switch (s->type) {
      case CLOUDABI_EVENTTYPE_CLOCK:
        s->clock.clock_id = (cloudabi_clockid_t)(below(2) ? below(4) : rnd());
        s->clock.timeout = below(2) ? 0 : 1000;  // never long
        s->clock.flags = (cloudabi_subclockflags_t)(below(4) ? 0 : rnd());
        if (s->clock.flags & CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME) s->clock.timeout = 0;
        break;
      case CLOUDABI_EVENTTYPE_CONDVAR:
        s->condvar.condvar = (_Atomic(cloudabi_condvar_t) *)&words[1];
        s->condvar.lock = (_Atomic(cloudabi_lock_t) *)&words[0];
        s->condvar.condvar_scope = (cloudabi_scope_t)rnd();
        s->condvar.lock_scope = (cloudabi_scope_t)rnd();
        break;
      case CLOUDABI_EVENTTYPE_LOCK_RDLOCK:
      case CLOUDABI_EVENTTYPE_LOCK_WRLOCK:
        s->lock.lock = (_Atomic(cloudabi_lock_t) *)(below(2) ? (void *)&words[2]
                                                             : (void *)((char *)words + 1));
        words[2] = 0;
        s->lock.lock_scope = (cloudabi_scope_t)(below(2) ? CLOUDABI_SCOPE_PRIVATE : rnd());
        break;
      default: {
        int idx;
        s->fd_readwrite.fd = any_fd(&idx);
        s->fd_readwrite.flags = (cloudabi_subrwflags_t)rnd();
        break;
      }
    }
  }
  // Nothing may block for long: end with an expired clock, unless a lock
  // shape (which never blocks here: the words are free or invalid) leads.
  subs[n].type = CLOUDABI_EVENTTYPE_CLOCK;
  subs[n].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
  subs[n].clock.timeout = 0;
  subs[n].userdata = 0xc10c;
  ++n;
  // A free lock or a lock this thread holds gives no blocking; a condvar
  // wait without holding the lock is EPERM. Everything else gets events.
  size_t nevents = 99;
  cloudabi_errno_t e;
  switch (below(6)) {
    case 0:
      e = cloudabi_sys_poll(kernel_space, events, n, &nevents);
      EXPECT("poll", e, E(EFAULT));
      return;
    case 1:
      e = cloudabi_sys_poll(subs, (cloudabi_event_t *)kernel_space, n, &nevents);
      EXPECT("poll", e, E(EFAULT));
      return;
    case 2: {
      // A count far beyond any memory. (The runtime reads these arrays
      // itself: it checks that they are mapped, so unmapped memory is
      // EFAULT; memory mapped without access ends the program, as the issue
      // allows for pointers the runtime reads, so that is not tried here.)
      size_t huge = (size_t)1 << (31 + below(30));
      e = cloudabi_sys_poll(subs, events, huge, &nevents);
      EXPECT("poll", e, E(EFAULT));
      return;
    }
    default:
      break;
  }
  e = cloudabi_sys_poll(subs, events, n, &nevents);
  EXPECT("poll", e, OK | E(EINVAL));
  if (e != 0) return;
  CHECK(nevents >= 1 && nevents <= n);
  for (size_t i = 0; i < nevents; ++i) {
    // Each event answers one subscription: its userdata and type.
    int found = 0;
    for (size_t k = 0; k < n; ++k)
      if (subs[k].userdata == events[i].userdata && subs[k].type == events[i].type) found = 1;
    CHECK(found);
    EXPECT("poll event", events[i].error,
           OK | E(EBADF) | E(ENOTCAPABLE) | E(EINVAL) | E(ENOTSUP) | E(EPERM) | E(EDEADLK) |
               E(EFAULT) | E(EIO) | E(EAGAIN));
  }
  // A read lock acquired on words[2] stays with this thread; nothing else
  // waits for it. A write lock too: forget both (each iteration resets).
}

static void fuzz_proc(void) {
  switch (below(3)) {
    case 0: {
      cloudabi_signal_t sig = (cloudabi_signal_t)(below(2) ? 0 : 27 + below(229));
      EXPECT("proc_raise", cloudabi_sys_proc_raise(sig), E(EINVAL));
      break;
    }
    case 1: {
      int idx;
      cloudabi_fd_t fd = any_fd(&idx);
      cloudabi_fd_t fds[4] = {bad_fd(), pool[pick_pool()], pool[pick_pool()], bad_fd()};
      size_t fds_len = below(2) ? below(5) : (size_t)PICK(huge_sizes);
      if (fds_len > 4) fds_len = 4 + below(2) * (1u << 20);
      if (fds_len > 4) fds_len = 4;
      size_t dlen;
      int valid;
      void *data = kernel_buffer(&dlen, &valid);
      // The file holds whatever the fuzzing wrote: never a CloudABI ELF.
      cloudabi_errno_t e =
          cloudabi_sys_proc_exec(fd, valid ? data : arena, valid ? dlen : 16, fds, fds_len);
      EXPECT("proc_exec", e,
             E(EBADF) | E(ENOTCAPABLE) | E(ENOEXEC) | E(EINVAL) | E(EFAULT) | E(E2BIG) | E(EACCES) |
                 E(ENOMEM));
      if (idx < 0) EXPECT("proc_exec", e, E(EBADF));
      break;
    }
    default: {
      size_t len;
      int valid;
      void *buf = kernel_buffer(&len, &valid);
      cloudabi_errno_t e = cloudabi_sys_random_get(buf, len);
      EXPECT("random_get", e, valid ? OK : E(EFAULT) | (len == 0 ? OK : 0));
      break;
    }
  }
}

static void fuzz_sock(void) {
  int idx;
  cloudabi_fd_t fd = any_fd(&idx);
  errset io = OK | E(EAGAIN) | E(EFAULT) | E(EINVAL) | E(ENOTSOCK) | E(EPIPE) | E(EMSGSIZE) |
              E(ENOTCONN) | E(ECONNRESET) | E(ENOBUFS) | E(EDESTADDRREQ) | E(ENOTSUP) |
              E(ENOTCAPABLE) | E(EMFILE) | E(ENFILE) | E(ENOMEM);  // descriptors in flight
  switch (below(4)) {
    case 0: {
      size_t count;
      const void *iovs = hostile_iovecs(&count);
      cloudabi_fd_t fds[4] = {NO_FD, NO_FD, NO_FD, NO_FD};
      cloudabi_recv_in_t in = {.ri_data = iovs,
                               .ri_data_len = count,
                               .ri_fds = fds,
                               .ri_fds_len = below(5),
                               .ri_flags = (cloudabi_riflags_t)(below(2) ? below(4) : rnd())};
      in.ri_flags &= ~CLOUDABI_SOCK_RECV_WAITALL;  // never wait
      cloudabi_recv_out_t out;
      memset(&out, 0, sizeof(out));
      cloudabi_errno_t e = cloudabi_sys_sock_recv(fd, &in, &out);
      EXPECT("sock_recv", e,
             (in.ri_flags & ~CLOUDABI_SOCK_RECV_PEEK) != 0 ? E(EINVAL)
             : idx < 0                                     ? E(EBADF)
                                                           : io);
      if (e == 0) {
        CHECK(out.ro_fdslen <= in.ri_fds_len);
        for (size_t i = 0; i < out.ro_fdslen; ++i) {
          if (fds[i] == NO_FD) continue;
          // A received descriptor has no more rights than its sender had.
          cloudabi_fdstat_t s;
          CHECK_OK(cloudabi_sys_fd_stat_get(fds[i], &s));
          int matched = 0;
          for (int j = 0; j < NPOOL; ++j)
            if (s.fs_filetype == pool_initial[j].fs_filetype &&
                (s.fs_rights_base & ~pool_initial[j].fs_rights_base) == 0 &&
                (s.fs_rights_inheriting & ~pool_initial[j].fs_rights_inheriting) == 0)
              matched = 1;
          CHECK(matched);
          close_new(fds[i]);
        }
      }
      break;
    }
    case 1: {
      size_t count;
      const void *iovs = hostile_iovecs(&count);
      cloudabi_fd_t fds[3] = {pool[pick_pool()], below(3) == 0 ? bad_fd() : pool[pick_pool()],
                              pool[pick_pool()]};
      cloudabi_send_in_t in = {.si_data = iovs,
                               .si_data_len = count,
                               .si_fds = fds,
                               .si_fds_len = below(4),
                               .si_flags = (cloudabi_siflags_t)(below(4) ? 0 : rnd())};
      cloudabi_send_out_t out;
      cloudabi_errno_t e = cloudabi_sys_sock_send(fd, &in, &out);
      EXPECT("sock_send", e, in.si_flags != 0 ? E(EINVAL) : idx < 0 ? E(EBADF) : io | E(EBADF));
      break;
    }
    case 2: {
      cloudabi_sdflags_t how = (cloudabi_sdflags_t)(below(2) ? below(5) : rnd());
      int bad = how == 0 || how > 3;
      // Shutting down the pool's sockets would only make the rest dull.
      if (!bad && is_socket(idx)) break;
      EXPECT("sock_shutdown", cloudabi_sys_sock_shutdown(fd, how),
             bad       ? E(EINVAL)
             : idx < 0 ? E(EBADF)
                       : E(ENOTCAPABLE) | E(ENOTSOCK) | E(ENOTCONN));
      break;
    }
    default: {
      cloudabi_fd_t conn;
      cloudabi_errno_t e = cloudabi_sys_sock_accept(fd, &conn);
      EXPECT(
          "sock_accept", e,
          idx < 0 ? E(EBADF) : E(ENOTCAPABLE) | E(EINVAL) | E(ENOTSOCK) | E(ENOTSUP) | E(EAGAIN));
      break;
    }
  }
}

static void fuzz_thread(void) {
  if (below(2)) {
    EXPECT("thread_yield", cloudabi_sys_thread_yield(), OK);
    return;
  }
  // Never a usable thread: no entry point, or a stack that is not the
  // program's memory or too small.
  cloudabi_threadattr_t attr = {
      .entry_point = NULL, .stack = arena + PAGE * 2, .stack_len = PAGE, .argument = NULL};
  errset want;
  switch (below(4)) {
    case 0:
      want = E(EINVAL);
      break;
    case 1:
      attr.entry_point = (cloudabi_threadentry_t *)(uintptr_t)1;
      attr.stack = (void *)(uintptr_t)0xdead0000;
      want = E(EFAULT);
      break;
    case 2:
      attr.entry_point = (cloudabi_threadentry_t *)(uintptr_t)1;
      attr.stack = (void *)(uintptr_t)0xdead0000;
      attr.stack_len = (size_t)PICK(huge_sizes);
      want = E(EFAULT) | E(EINVAL);
      break;
    default:
      attr.entry_point = (cloudabi_threadentry_t *)(uintptr_t)1;
      attr.stack_len = below(16);
      want = E(EINVAL);
      break;
  }
  cloudabi_tid_t tid;
  EXPECT("thread_create", cloudabi_sys_thread_create(&attr, &tid), want);
}

static void (*const fuzzers[])(void) = {
    fuzz_clock,     fuzz_condvar_and_lock,
    fuzz_fd_simple, fuzz_fd_io,
    fuzz_fd_io,     fuzz_fd_seek_and_stat_put,
    fuzz_file_fd,   fuzz_paths,
    fuzz_paths,     fuzz_mem,
    fuzz_poll,      fuzz_proc,
    fuzz_sock,      fuzz_sock,
    fuzz_thread,
};

TEST(every_call_with_hostile_arguments) {
  setup();
  uint64_t iterations = 4000;
  const argdata_t *a = harness_arg("iterations");
  uintmax_t v;
  if (a != NULL && argdata_get_int_u(a, &v, 1000000) == 0) iterations = v;
  harness_log("hostile: seed ");
  harness_log_int((int64_t)seed);
  harness_log("\n");
  for (iteration = 0; iteration < iterations; ++iteration) {
    PICK(fuzzers)();
    check_pool();
  }
  char msg[] = "x";
  cloudabi_ciovec_t iov = {.buf = msg, .buf_len = 1};
  size_t n;
  // Still working afterwards (the fuzzing may have dropped FD_WRITE, or
  // filled the socket's buffer).
  cloudabi_errno_t e = cloudabi_sys_fd_write(pool[STREAM0], &iov, 1, &n);
  if (has(STREAM0, CLOUDABI_RIGHT_FD_WRITE))
    CHECK(e == 0 || e == CLOUDABI_EAGAIN);
  else
    CHECK_EQ(e, CLOUDABI_ENOTCAPABLE);
  for (int i = 0; i < NPOOL; ++i) CHECK_OK(cloudabi_sys_fd_close(pool[i]));
}
