// bench.h: the one header every benchmark workload includes, so that the same
// C source builds natively (gcc/glibc, and clang for wasm32-wasi) and for
// CloudABI.
//
// A workload defines
//
//   int bench_main(const bench_args *args);
//
// and reads its parameters through bench_fd() and bench_int(). On CloudABI the
// parameters come from the argument data (a map such as
// {dir: !file {path: ..., type: directory}, out: !fd stdout, iterations: 1000});
// natively from "key=value" command-line words (dir=/tmp/x out=1
// iterations=1000), where a descriptor value is either a number (an inherited
// descriptor) or a path, opened as a directory.
//
// Results go to the "out" descriptor as one line of "key=value" words, written
// with bench_report_*(): the runner parses them. Timing uses a monotonic clock
// read directly (the system call on CloudABI, clock_gettime natively), so it
// does not depend on the C library being measured.
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __CloudABI__
#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <program.h>
#else
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#endif

typedef struct bench_args {
#ifdef __CloudABI__
  const argdata_t *ad;
#else
  int argc;
  char **argv;
#endif
} bench_args;

int bench_main(const bench_args *args);

// The value of "key=..." natively; NULL if absent.
#ifndef __CloudABI__
static inline const char *bench_native_value(const bench_args *args, const char *key) {
  size_t len = strlen(key);
  for (int i = 1; i < args->argc; ++i) {
    if (strncmp(args->argv[i], key, len) == 0 && args->argv[i][len] == '=') {
      return args->argv[i] + len + 1;
    }
  }
  return NULL;
}
#else
static inline const argdata_t *bench_cloudabi_value(const bench_args *args, const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(args->ad, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(k, &name) == 0 && strcmp(name, key) == 0) return v;
  }
  return NULL;
}
#endif

// The descriptor passed as `key`, or -1.
static inline int bench_fd(const bench_args *args, const char *key) {
#ifdef __CloudABI__
  const argdata_t *v = bench_cloudabi_value(args, key);
  int fd;
  return v != NULL && argdata_get_fd(v, &fd) == 0 ? fd : -1;
#else
  const char *v = bench_native_value(args, key);
  if (v == NULL || *v == '\0') return -1;
  char *end;
  long n = strtol(v, &end, 10);
  if (*end == '\0') return n >= 0 && n < 1 << 20 ? (int)n : -1;
  return open(v, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
}

// The integer passed as `key`, or `fallback`.
static inline long long bench_int(const bench_args *args, const char *key, long long fallback) {
#ifdef __CloudABI__
  const argdata_t *v = bench_cloudabi_value(args, key);
  int64_t n;
  return v != NULL && argdata_get_int(v, &n) == 0 ? (long long)n : fallback;
#else
  const char *v = bench_native_value(args, key);
  if (v == NULL) return fallback;
  char *end;
  long long n = strtoll(v, &end, 10);
  return *v != '\0' && *end == '\0' ? n : fallback;
#endif
}

static inline uint64_t bench_now_ns(void) {
#ifdef __CloudABI__
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 1, &t);
  return t;
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
#endif
}

// CPU time of the whole process (runtime included on CloudABI), or 0 where
// the platform has no such clock (WASI without its emulation library).
static inline uint64_t bench_cpu_ns(void) {
#ifdef __CloudABI__
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 1, &t);
  return t;
#elif defined(CLOCK_PROCESS_CPUTIME_ID)
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
#else
  return 0;
#endif
}

// Writes all of buf to fd; returns 0 or -1.
static inline int bench_write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
#ifdef __CloudABI__
    cloudabi_ciovec_t iov = {.buf = buf, .buf_len = len};
    size_t n;
    if (cloudabi_sys_fd_write((cloudabi_fd_t)fd, &iov, 1, &n) != 0 || n == 0) return -1;
#else
    ssize_t n = write(fd, buf, len);
    if (n <= 0) return -1;
#endif
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

// A result line under construction: "key=value key=value\n".
typedef struct bench_report {
  char buf[1024];
  size_t len;
} bench_report;

static inline void bench_report_raw(bench_report *r, const char *s) {
  size_t n = strlen(s);
  if (n > sizeof(r->buf) - 2 - r->len) n = sizeof(r->buf) - 2 - r->len;
  memcpy(r->buf + r->len, s, n);
  r->len += n;
}

static inline void bench_report_u64(bench_report *r, const char *key, uint64_t value) {
  char digits[24];
  size_t i = sizeof(digits);
  digits[--i] = '\0';
  do {
    digits[--i] = (char)('0' + value % 10);
    value /= 10;
  } while (value != 0);
  if (r->len != 0) bench_report_raw(r, " ");
  bench_report_raw(r, key);
  bench_report_raw(r, "=");
  bench_report_raw(r, digits + i);
}

static inline void bench_report_str(bench_report *r, const char *key, const char *value) {
  if (r->len != 0) bench_report_raw(r, " ");
  bench_report_raw(r, key);
  bench_report_raw(r, "=");
  bench_report_raw(r, value);
}

// Ends the line and writes it to the "out" descriptor (standard output by default).
static inline int bench_report_send(const bench_args *args, bench_report *r) {
  int out = bench_fd(args, "out");
  if (out < 0) out = 1;
  r->buf[r->len++] = '\n';
  return bench_write_all(out, r->buf, r->len);
}

// Keeps the compiler from removing computations whose results are unused.
static volatile uint64_t bench_sink;
static inline void bench_keep(uint64_t value) { bench_sink += value; }

#ifdef __CloudABI__
void program_main(const argdata_t *ad) {
  bench_args args = {ad};
  exit(bench_main(&args));
}
#else
int main(int argc, char **argv) {
  bench_args args = {argc, argv};
  return bench_main(&args);
}
#endif

#endif
