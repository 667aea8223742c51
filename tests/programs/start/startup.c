// What every program relies on from start-up: the auxiliary vector's effects
// (TLS, relocation, constructors, argument data) and the basic calls.
#include <argdata.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"

static _Thread_local int tls_initialized = 42;
static _Thread_local char tls_zeroed[64];
static int constructed;
static const char *const relocated_pointer = "relocated";

__attribute__((constructor)) static void construct(void) { constructed = 1; }

TEST(constructors_ran) { CHECK_EQ(constructed, 1); }

TEST(tls_template_copied) {
  CHECK_EQ(tls_initialized, 42);
  for (size_t i = 0; i < sizeof(tls_zeroed); ++i) CHECK_EQ(tls_zeroed[i], 0);
  tls_initialized = 7;
  CHECK_EQ(tls_initialized, 7);
}

TEST(relocations_applied) { CHECK(strcmp(relocated_pointer, "relocated") == 0); }

TEST(argdata_received) {
  CHECK(harness_log_fd >= 0);
  const argdata_t *v = harness_arg("message");
  CHECK(v != NULL);
  const char *s;
  CHECK_OK(argdata_get_str_c(v, &s));
  CHECK(strcmp(s, "hello") == 0);
}

TEST(clocks) {
  cloudabi_timestamp_t a, b, res;
  CHECK_OK(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 0, &a));
  CHECK_OK(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 0, &b));
  CHECK(b >= a);
  CHECK_OK(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_REALTIME, 0, &a));
  CHECK(a > (cloudabi_timestamp_t)1600000000 * 1000000000);
  CHECK_OK(cloudabi_sys_clock_res_get(CLOUDABI_CLOCK_MONOTONIC, &res));
  CHECK(res > 0);
  CHECK_OK(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 0, &a));
  CHECK_OK(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 0, &a));
  CHECK_ERRNO(cloudabi_sys_clock_time_get(0, 0, &a), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_clock_time_get(99, 0, &a), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_clock_res_get(5, &res), CLOUDABI_EINVAL);
}

TEST(random_bytes) {
  unsigned char a[64], b[64];
  memset(a, 0, sizeof(a));
  memset(b, 0, sizeof(b));
  CHECK_OK(cloudabi_sys_random_get(a, sizeof(a)));
  CHECK_OK(cloudabi_sys_random_get(b, sizeof(b)));
  CHECK(memcmp(a, b, sizeof(a)) != 0);
  CHECK_OK(cloudabi_sys_random_get(a, 0));
  static unsigned char big[1 << 20];
  CHECK_OK(cloudabi_sys_random_get(big, sizeof(big)));
}

TEST(write_rights_checked) {
  cloudabi_ciovec_t iov = {.buf = "x", .buf_len = 1};
  size_t n;
  // Descriptor numbers that were not granted do not exist for the program.
  CHECK_ERRNO(cloudabi_sys_fd_write(1000, &iov, 1, &n), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_fd_write(0xffffffff, &iov, 1, &n), CLOUDABI_EBADF);
  CHECK_OK(cloudabi_sys_fd_write((cloudabi_fd_t)harness_log_fd, &iov, 0, &n));
  CHECK_EQ(n, 0);
}
