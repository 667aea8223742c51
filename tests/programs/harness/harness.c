#include "harness.h"

#include <program.h>
#include <stdlib.h>
#include <string.h>

int harness_log_fd = -1;
int harness_tmp_fd = -1;
const argdata_t *harness_args;

#define MAX_TESTS 256
static struct {
  const char *name;
  harness_test_fn *fn;
} tests[MAX_TESTS];
static int ntests;
static const char *current = "(setup)";

void harness_register(const char *name, harness_test_fn *fn) {
  if (ntests < MAX_TESTS) {
    tests[ntests].name = name;
    tests[ntests].fn = fn;
    ++ntests;
  }
}

void harness_log(const char *text) {
  if (harness_log_fd < 0) return;
  size_t len = strlen(text);
  while (len > 0) {
    cloudabi_ciovec_t iov = {.buf = text, .buf_len = len};
    size_t n;
    if (cloudabi_sys_fd_write((cloudabi_fd_t)harness_log_fd, &iov, 1, &n) != 0) return;
    text += n;
    len -= n;
  }
}

void harness_log_int(int64_t value) {
  char buf[24];
  char *p = buf + sizeof(buf);
  *--p = '\0';
  uint64_t v = value < 0 ? -(uint64_t)value : (uint64_t)value;
  do {
    *--p = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (value < 0) *--p = '-';
  harness_log(p);
}

void harness_fail(const char *file, int line, const char *expr, int64_t got, int64_t want,
                  int show_values) {
  harness_log("FAIL ");
  harness_log(current);
  harness_log(" at ");
  harness_log(file);
  harness_log(":");
  harness_log_int(line);
  harness_log(": ");
  harness_log(expr);
  if (show_values) {
    harness_log(" (got ");
    harness_log_int(got);
    harness_log(", want ");
    harness_log_int(want);
    harness_log(")");
  }
  harness_log("\n");
  exit(1);
}

const argdata_t *harness_arg(const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(harness_args, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && strcmp(s, key) == 0) return v;
  }
  return NULL;
}

cloudabi_fd_t harness_arg_fd(const char *key) {
  const argdata_t *v = harness_arg(key);
  CHECK(v != NULL);
  int fd;
  CHECK_OK(argdata_get_fd(v, &fd));
  return (cloudabi_fd_t)fd;
}

void harness_narrow(cloudabi_fd_t fd, cloudabi_rights_t base, cloudabi_rights_t inheriting) {
  cloudabi_fdstat_t st;
  memset(&st, 0, sizeof(st));
  st.fs_rights_base = base;
  st.fs_rights_inheriting = inheriting;
  CHECK_OK(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS));
}

void program_main(const argdata_t *ad) {
  harness_args = ad;
  const argdata_t *v;
  if ((v = harness_arg("log")) != NULL) argdata_get_fd(v, &harness_log_fd);
  if ((v = harness_arg("tmp")) != NULL) argdata_get_fd(v, &harness_tmp_fd);
  for (int i = 0; i < ntests; ++i) {
    current = tests[i].name;
    harness_log("[ RUN  ] ");
    harness_log(current);
    harness_log("\n");
    tests[i].fn();
    harness_log("[   OK ] ");
    harness_log(current);
    harness_log("\n");
  }
  harness_log("ALL PASSED\n");
  exit(0);
}
