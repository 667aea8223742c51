// mem_map, mem_protect, mem_advise, mem_sync, mem_unmap: success paths,
// every documented error, W^X, and that the program cannot touch the
// runtime's own memory.
#include <stdint.h>
#include <string.h>

#include "harness.h"

#define PAGE 4096
#define RW (CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE)
#define ANON_PRIVATE (CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE)
#define ANON_SHARED (CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED)

// The vDSO's functions live in the runtime; libc keeps their addresses here
// (generated libc/syscalls.c), indexed by the calls' alphabetical numbers.
extern void *__cloudabi_syscall_table[];
#define THREAD_YIELD 48

static char *map_anon(size_t len, cloudabi_mprot_t prot, cloudabi_mflags_t flags) {
  void *mem = NULL;
  CHECK_OK(cloudabi_sys_mem_map(NULL, len, prot, flags, CLOUDABI_MAP_ANON_FD, 0, &mem));
  CHECK(mem != NULL);
  CHECK_EQ((uintptr_t)mem % PAGE, 0);
  return mem;
}

TEST(anonymous_private_and_shared) {
  char *p = map_anon(3 * PAGE, RW, ANON_PRIVATE);
  for (size_t i = 0; i < 3 * PAGE; ++i) CHECK_EQ(p[i], 0);
  memset(p, 0x5a, 3 * PAGE);
  CHECK_EQ(p[3 * PAGE - 1], 0x5a);
  CHECK_OK(cloudabi_sys_mem_unmap(p, 3 * PAGE));
  char *s = map_anon(PAGE, RW, ANON_SHARED);
  s[0] = 1;
  CHECK_EQ(s[0], 1);
  CHECK_OK(cloudabi_sys_mem_unmap(s, PAGE));
  // Lengths are rounded up to pages.
  p = map_anon(10, RW, ANON_PRIVATE);
  p[PAGE - 1] = 3;
  CHECK_OK(cloudabi_sys_mem_unmap(p, 10));
  // Other protections, including none and executable.
  p = map_anon(PAGE, CLOUDABI_PROT_READ, ANON_PRIVATE);
  CHECK_EQ(p[0], 0);
  CHECK_OK(cloudabi_sys_mem_unmap(p, PAGE));
  p = map_anon(PAGE, 0, ANON_PRIVATE);
  CHECK_OK(cloudabi_sys_mem_unmap(p, PAGE));
  p = map_anon(PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC, ANON_PRIVATE);
  CHECK_OK(cloudabi_sys_mem_unmap(p, PAGE));
}

TEST(write_and_exec_never_together) {
  void *mem = (void *)1;
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC,
                                   ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_ENOTSUP);
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW | CLOUDABI_PROT_EXEC, ANON_PRIVATE,
                                   CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_ENOTSUP);
  // Unknown protection bits.
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, 0x8, ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_ENOTSUP);
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, 0xff, ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_ENOTSUP);
  CHECK_EQ((uintptr_t)mem, 1);

  char *p = map_anon(PAGE, RW, ANON_PRIVATE);
  CHECK_ERRNO(cloudabi_sys_mem_protect(p, PAGE, CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC),
              CLOUDABI_ENOTSUP);
  CHECK_ERRNO(cloudabi_sys_mem_protect(p, PAGE, 0x10), CLOUDABI_ENOTSUP);
  p[0] = 9;  // still writable
  // W^X transitions are fine.
  CHECK_OK(cloudabi_sys_mem_protect(p, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC));
  CHECK_EQ(p[0], 9);
  CHECK_OK(cloudabi_sys_mem_protect(p, PAGE, RW));
  p[1] = 8;
  CHECK_OK(cloudabi_sys_mem_protect(p, PAGE, CLOUDABI_PROT_READ));
  CHECK_EQ(p[1], 8);
  CHECK_OK(cloudabi_sys_mem_protect(p, 0, RW));
  CHECK_OK(cloudabi_sys_mem_unmap(p, PAGE));
}

TEST(map_flag_errors) {
  void *mem = (void *)1;
  // Not exactly one of PRIVATE and SHARED.
  CHECK_ERRNO(
      cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_ANON, CLOUDABI_MAP_ANON_FD, 0, &mem),
      CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW,
                                   CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_SHARED,
                                   CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_EINVAL);
  // Unknown flags.
  CHECK_ERRNO(
      cloudabi_sys_mem_map(NULL, PAGE, RW, ANON_PRIVATE | 0x10, CLOUDABI_MAP_ANON_FD, 0, &mem),
      CLOUDABI_EINVAL);
  CHECK_ERRNO(
      cloudabi_sys_mem_map(NULL, PAGE, RW, ANON_PRIVATE | 0x80, CLOUDABI_MAP_ANON_FD, 0, &mem),
      CLOUDABI_EINVAL);
  // MAP_ANON needs MAP_ANON_FD and offset 0.
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW, ANON_PRIVATE, 0, 0, &mem), CLOUDABI_EINVAL);
  CHECK_ERRNO(
      cloudabi_sys_mem_map(NULL, PAGE, RW, ANON_PRIVATE, (cloudabi_fd_t)harness_log_fd, 0, &mem),
      CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW, ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, PAGE, &mem),
              CLOUDABI_EINVAL);
  // Zero length.
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, 0, RW, ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_EINVAL);
  // Far too long.
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, SIZE_MAX, RW, ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
              CLOUDABI_ENOMEM);
  CHECK_ERRNO(
      cloudabi_sys_mem_map(NULL, (size_t)1 << 60, RW, ANON_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
      CLOUDABI_ENOMEM);
  CHECK_EQ((uintptr_t)mem, 1);
}

TEST(file_mappings_need_rights) {
  void *mem = (void *)1;
  // Without MAP_ANON, fd must be a descriptor with MEM_MAP.
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_PRIVATE, 1000, 0, &mem),
              CLOUDABI_EBADF);
  CHECK_ERRNO(
      cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &mem),
      CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_SHARED,
                                   (cloudabi_fd_t)harness_tmp_fd, 0, &mem),
              CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_SHARED,
                                   (cloudabi_fd_t)harness_log_fd, 0, &mem),
              CLOUDABI_ENOTCAPABLE);
  CHECK_EQ((uintptr_t)mem, 1);
}

TEST(shared_memory_mappings) {
  cloudabi_fd_t fd;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd));
  cloudabi_filestat_t st = {.st_size = 2 * PAGE};
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE));
  void *m1, *m2;
  CHECK_OK(cloudabi_sys_mem_map(NULL, 2 * PAGE, RW, CLOUDABI_MAP_SHARED, fd, 0, &m1));
  CHECK_OK(
      cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_SHARED, fd, PAGE, &m2));
  CHECK(m1 != m2);
  ((char *)m1)[PAGE + 5] = 42;
  CHECK_EQ(((char *)m2)[5], 42);
  // Offsets must be page-aligned.
  void *m3 = (void *)1;
  CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_SHARED, fd, 100, &m3),
              CLOUDABI_EINVAL);
  // A private writable mapping needs no FD_WRITE; a shared one does. Narrow
  // a copy's rights to check.
  cloudabi_fd_t ro;
  if (cloudabi_sys_fd_dup(fd, &ro) == 0) {
    cloudabi_fdstat_t fds = {.fs_rights_base = CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_FD_READ};
    if (cloudabi_sys_fd_stat_put(ro, &fds, CLOUDABI_FDSTAT_RIGHTS) == 0) {
      CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_SHARED, ro, 0, &m3),
                  CLOUDABI_ENOTCAPABLE);
      CHECK_ERRNO(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC,
                                       CLOUDABI_MAP_SHARED, ro, 0, &m3),
                  CLOUDABI_ENOTCAPABLE);
      CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_PRIVATE, ro, 0, &m3));
      ((char *)m3)[0] = 1;  // copy-on-write
      CHECK_OK(cloudabi_sys_mem_unmap(m3, PAGE));
      fds.fs_rights_base = CLOUDABI_RIGHT_MEM_MAP;
      CHECK_OK(cloudabi_sys_fd_stat_put(ro, &fds, CLOUDABI_FDSTAT_RIGHTS));
      CHECK_ERRNO(
          cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_PRIVATE, ro, 0, &m3),
          CLOUDABI_ENOTCAPABLE);
      CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, 0, CLOUDABI_MAP_PRIVATE, ro, 0, &m3));
      CHECK_OK(cloudabi_sys_mem_unmap(m3, PAGE));
    }
    CHECK_OK(cloudabi_sys_fd_close(ro));
  }
  CHECK_OK(cloudabi_sys_mem_sync(m1, 2 * PAGE, CLOUDABI_MS_SYNC));
  CHECK_OK(cloudabi_sys_mem_unmap(m1, 2 * PAGE));
  CHECK_OK(cloudabi_sys_mem_unmap(m2, PAGE));
  CHECK_OK(cloudabi_sys_fd_close(fd));
}

// Shared memory carries MEM_MAP_EXEC, so it may be mapped executable (never
// writable at the same time): code written through one mapping runs from
// another.
TEST(shared_memory_maps_executable) {
  cloudabi_fd_t fd;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd));
  cloudabi_fdstat_t fds;
  CHECK_OK(cloudabi_sys_fd_stat_get(fd, &fds));
  CHECK((fds.fs_rights_base & CLOUDABI_RIGHT_MEM_MAP_EXEC) != 0);
  cloudabi_filestat_t st = {.st_size = PAGE};
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE));
  void *w, *x;
  CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, RW, CLOUDABI_MAP_SHARED, fd, 0, &w));
  // mov $42, %eax; ret
  static const unsigned char code[] = {0xb8, 42, 0, 0, 0, 0xc3};
  memcpy(w, code, sizeof(code));
  CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC,
                                CLOUDABI_MAP_SHARED, fd, 0, &x));
  int (*fn)(void) = (int (*)(void))x;
  CHECK_EQ(fn(), 42);
  CHECK_OK(cloudabi_sys_mem_unmap(x, PAGE));
  CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC,
                                CLOUDABI_MAP_PRIVATE, fd, 0, &x));
  CHECK_EQ(((int (*)(void))x)(), 42);
  CHECK_OK(cloudabi_sys_mem_unmap(x, PAGE));
  CHECK_OK(cloudabi_sys_mem_unmap(w, PAGE));
  CHECK_OK(cloudabi_sys_fd_close(fd));
}

TEST(protect_advise_sync_unmap_errors) {
  char *p = map_anon(2 * PAGE, RW, ANON_PRIVATE);
  // Misaligned addresses.
  CHECK_ERRNO(cloudabi_sys_mem_protect(p + 1, PAGE, CLOUDABI_PROT_READ), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_advise(p + 1, PAGE, CLOUDABI_ADVICE_NORMAL), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_sync(p + 1, PAGE, CLOUDABI_MS_SYNC), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_unmap(p + 1, PAGE), CLOUDABI_EINVAL);
  // mem_unmap of nothing, or of everything.
  CHECK_ERRNO(cloudabi_sys_mem_unmap(p, 0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_unmap(p, SIZE_MAX), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_protect(p, SIZE_MAX, CLOUDABI_PROT_READ), CLOUDABI_ENOMEM);
  // Advice.
  static const cloudabi_advice_t good[] = {CLOUDABI_ADVICE_NORMAL, CLOUDABI_ADVICE_RANDOM,
                                           CLOUDABI_ADVICE_SEQUENTIAL, CLOUDABI_ADVICE_WILLNEED};
  for (size_t i = 0; i < sizeof(good); ++i) CHECK_OK(cloudabi_sys_mem_advise(p, 2 * PAGE, good[i]));
  CHECK_ERRNO(cloudabi_sys_mem_advise(p, PAGE, CLOUDABI_ADVICE_NOREUSE), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_advise(p, PAGE, 0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_advise(p, PAGE, 7), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_advise(p, PAGE, 0xff), CLOUDABI_EINVAL);
  // DONTNEED discards private anonymous pages: they read as zero again.
  p[10] = 1;
  p[PAGE + 10] = 2;
  CHECK_OK(cloudabi_sys_mem_advise(p, PAGE, CLOUDABI_ADVICE_DONTNEED));
  CHECK_EQ(p[10], 0);
  CHECK_EQ(p[PAGE + 10], 2);
  // mem_sync flags: exactly one of ASYNC and SYNC, maybe INVALIDATE.
  CHECK_OK(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_ASYNC));
  CHECK_OK(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_SYNC));
  CHECK_OK(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_SYNC | CLOUDABI_MS_INVALIDATE));
  CHECK_OK(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_ASYNC | CLOUDABI_MS_INVALIDATE));
  CHECK_ERRNO(cloudabi_sys_mem_sync(p, PAGE, 0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_INVALIDATE), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_ASYNC | CLOUDABI_MS_SYNC),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_mem_sync(p, PAGE, CLOUDABI_MS_SYNC | 0x8), CLOUDABI_EINVAL);
  // Partial unmapping, then the rest.
  CHECK_OK(cloudabi_sys_mem_unmap(p + PAGE, PAGE));
  CHECK_EQ(p[0], 0);
  // Gone memory is not the program's any more.
  CHECK_ERRNO(cloudabi_sys_mem_protect(p + PAGE, PAGE, CLOUDABI_PROT_READ), CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_protect(p, 2 * PAGE, CLOUDABI_PROT_READ), CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_unmap(p, 2 * PAGE), CLOUDABI_EINVAL);
  CHECK_OK(cloudabi_sys_mem_unmap(p, PAGE));
  CHECK_ERRNO(cloudabi_sys_mem_unmap(p, PAGE), CLOUDABI_EINVAL);
  // Ranges that wrap around.
  CHECK_ERRNO(cloudabi_sys_mem_protect((void *)(uintptr_t)-PAGE, 2 * PAGE, CLOUDABI_PROT_READ),
              CLOUDABI_ENOMEM);
}

TEST(map_fixed) {
  char *p = map_anon(4 * PAGE, RW, ANON_PRIVATE);
  memset(p, 7, 4 * PAGE);
  // Replacing part of the program's own mapping.
  void *q;
  CHECK_OK(cloudabi_sys_mem_map(p + PAGE, 2 * PAGE, RW, ANON_PRIVATE | CLOUDABI_MAP_FIXED,
                                CLOUDABI_MAP_ANON_FD, 0, &q));
  CHECK(q == p + PAGE);
  CHECK_EQ(p[0], 7);
  CHECK_EQ(p[PAGE], 0);
  CHECK_EQ(p[3 * PAGE - 1], 0);
  CHECK_EQ(p[3 * PAGE], 7);
  // Misaligned.
  CHECK_ERRNO(cloudabi_sys_mem_map(p + 1, PAGE, RW, ANON_PRIVATE | CLOUDABI_MAP_FIXED,
                                   CLOUDABI_MAP_ANON_FD, 0, &q),
              CLOUDABI_EINVAL);
  CHECK_OK(cloudabi_sys_mem_unmap(p, 4 * PAGE));
  // Free address space may be claimed.
  CHECK_OK(cloudabi_sys_mem_map(p, 2 * PAGE, RW, ANON_PRIVATE | CLOUDABI_MAP_FIXED,
                                CLOUDABI_MAP_ANON_FD, 0, &q));
  CHECK(q == p);
  p[2 * PAGE - 1] = 1;
  // A range that is partly the program's, partly free: not replaced.
  CHECK_ERRNO(cloudabi_sys_mem_map(p + PAGE, 4 * PAGE, RW, ANON_PRIVATE | CLOUDABI_MAP_FIXED,
                                   CLOUDABI_MAP_ANON_FD, 0, &q),
              CLOUDABI_ENOMEM);
  CHECK_EQ(p[2 * PAGE - 1], 1);
  CHECK_OK(cloudabi_sys_mem_unmap(p, 2 * PAGE));
  // A hint without MAP_FIXED is only a hint.
  CHECK_OK(cloudabi_sys_mem_map((void *)(uintptr_t)12345, PAGE, RW, ANON_PRIVATE,
                                CLOUDABI_MAP_ANON_FD, 0, &q));
  CHECK_EQ((uintptr_t)q % PAGE, 0);
  CHECK_OK(cloudabi_sys_mem_unmap(q, PAGE));
}

// The runtime's code (where the vDSO's functions point) must be out of reach.
TEST(runtime_memory_is_off_limits) {
  uintptr_t code = (uintptr_t)__cloudabi_syscall_table[THREAD_YIELD];
  CHECK(code != 0);
  char *page = (char *)(code & ~(uintptr_t)(PAGE - 1));
  void *q = (void *)1;
  CHECK_ERRNO(cloudabi_sys_mem_map(page, PAGE, RW, ANON_PRIVATE | CLOUDABI_MAP_FIXED,
                                   CLOUDABI_MAP_ANON_FD, 0, &q),
              CLOUDABI_ENOMEM);
  CHECK_EQ((uintptr_t)q, 1);
  CHECK_ERRNO(cloudabi_sys_mem_protect(page, PAGE, CLOUDABI_PROT_READ), CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_protect(page, PAGE, 0), CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_advise(page, PAGE, CLOUDABI_ADVICE_DONTNEED), CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_sync(page, PAGE, CLOUDABI_MS_SYNC | CLOUDABI_MS_INVALIDATE),
              CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_unmap(page, PAGE), CLOUDABI_EINVAL);
  // Everything still works.
  CHECK_OK(cloudabi_sys_thread_yield());
  // Low addresses that nobody mapped are not the program's either.
  CHECK_ERRNO(cloudabi_sys_mem_protect((void *)0x10000, PAGE, CLOUDABI_PROT_READ), CLOUDABI_ENOMEM);
  CHECK_ERRNO(cloudabi_sys_mem_unmap((void *)0x10000, PAGE), CLOUDABI_EINVAL);
}

// The program's own image and stack are its memory (crt0 uses mem_protect on
// its RELRO segment, for example).
static char in_bss[3 * PAGE];

TEST(image_and_stack_are_the_programs) {
  char *page = (char *)(((uintptr_t)in_bss + PAGE - 1) & ~(uintptr_t)(PAGE - 1));
  CHECK_OK(cloudabi_sys_mem_protect(page, PAGE, CLOUDABI_PROT_READ));
  CHECK_OK(cloudabi_sys_mem_protect(page, PAGE, RW));
  page[0] = 1;
  CHECK_OK(cloudabi_sys_mem_advise(page, PAGE, CLOUDABI_ADVICE_WILLNEED));
  // The real (safe) stack; address-taken locals would be on the unsafe one.
  char *stack_page = (char *)((uintptr_t)__builtin_frame_address(0) & ~(uintptr_t)(PAGE - 1));
  CHECK_OK(cloudabi_sys_mem_sync(stack_page, PAGE, CLOUDABI_MS_ASYNC));
  CHECK_OK(cloudabi_sys_mem_advise(stack_page, PAGE, CLOUDABI_ADVICE_NORMAL));
}
