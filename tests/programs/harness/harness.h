// A minimal test harness for CloudABI test programs. It needs nothing from
// libc beyond what the walking skeleton has: it writes through fd_write.
//
// A test program defines TEST(name) { ... } blocks. The runner on the host
// starts it with the argument data {log: <fd>, tmp: <directory fd>, ...};
// harness_log_fd and harness_tmp_fd hold those, and harness_args the whole map.
// Each TEST runs in order; the first failed CHECK ends the program with
// exit status 1 after logging where and why.
#ifndef HARNESS_H
#define HARNESS_H

#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <stdint.h>

extern int harness_log_fd;
extern int harness_tmp_fd;
extern const argdata_t *harness_args;

typedef void harness_test_fn(void);
void harness_register(const char *name, harness_test_fn *fn);

_Noreturn void harness_fail(const char *file, int line, const char *expr, int64_t got, int64_t want,
                            int show_values);
void harness_log(const char *text);
void harness_log_int(int64_t value);

// Looks up a key of the argument map; NULL if absent.
const argdata_t *harness_arg(const char *key);
// The descriptor under `key`; the test fails if there is none.
cloudabi_fd_t harness_arg_fd(const char *key);
// Narrows `fd`'s rights to `base` and `inheriting` (fd_stat_put); the test
// fails if that is refused.
void harness_narrow(cloudabi_fd_t fd, cloudabi_rights_t base, cloudabi_rights_t inheriting);

#define TEST(name)                                                 \
  static void test_##name(void);                                   \
  __attribute__((constructor)) static void register_##name(void) { \
    harness_register(#name, test_##name);                          \
  }                                                                \
  static void test_##name(void)

#define CHECK(expr)                                                \
  do {                                                             \
    if (!(expr)) harness_fail(__FILE__, __LINE__, #expr, 0, 0, 0); \
  } while (0)

#define CHECK_EQ(got, want)                                                                 \
  do {                                                                                      \
    int64_t got_ = (int64_t)(got), want_ = (int64_t)(want);                                 \
    if (got_ != want_) harness_fail(__FILE__, __LINE__, #got " == " #want, got_, want_, 1); \
  } while (0)

// A system call that must succeed / fail with a given CloudABI errno.
#define CHECK_OK(call) CHECK_EQ((call), 0)
#define CHECK_ERRNO(call, error) CHECK_EQ((call), (error))

#endif
