// Workload 1, the file-system call loop: in the directory `dir`, `iterations`
// times: create (or truncate) a file, write 256 bytes, fstat it, pread them
// back, close it; after every 64 files, unlink all 64. Every call goes through
// the C library to the kernel (natively) or to the runtime (CloudABI, WASI).
//
// Reports: ns (time of the loop), cpu_ns (CPU time of the loop), iterations, bytes (read back, a
// check).
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

#define BATCH 64
#define SIZE 256

static void name_of(char *name, unsigned i) {
  // "f00".."f63": fixed, short names, as a program's scratch files would be.
  name[0] = 'f';
  name[1] = (char)('0' + i / 10);
  name[2] = (char)('0' + i % 10);
  name[3] = '\0';
}

static int fail(const bench_args *args, const char *what) {
  bench_report r = {.len = 0};
  bench_report_str(&r, "error", what);
  bench_report_u64(&r, "errno", (uint64_t)errno);
  bench_report_send(args, &r);
  return 1;
}

int bench_main(const bench_args *args) {
  int dir = bench_fd(args, "dir");
  long long iterations = bench_int(args, "iterations", 10000);
  if (dir < 0) return fail(args, "no-dir");
  if (iterations < 0) iterations = 0;

  char data[SIZE], back[SIZE];
  for (unsigned i = 0; i < SIZE; ++i) data[i] = (char)('a' + i % 26);
  uint64_t bytes = 0;
  char name[4];

  uint64_t start = bench_now_ns(), cpu_start = bench_cpu_ns();
  for (long long n = 0; n < iterations; ++n) {
    unsigned slot = (unsigned)(n % BATCH);
    name_of(name, slot);
    int fd = openat(dir, name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return fail(args, "openat");
    if (write(fd, data, SIZE) != SIZE) return fail(args, "write");
    struct stat st;
    if (fstat(fd, &st) != 0) return fail(args, "fstat");
    if (st.st_size != SIZE) return fail(args, "fstat-size");
    if (pread(fd, back, SIZE, 0) != SIZE) return fail(args, "pread");
    if (memcmp(back, data, SIZE) != 0) return fail(args, "pread-data");
    bytes += SIZE;
    if (close(fd) != 0) return fail(args, "close");
    if (slot == BATCH - 1 || n == iterations - 1) {
      for (unsigned i = 0; i <= slot; ++i) {
        name_of(name, i);
        if (unlinkat(dir, name, 0) != 0) return fail(args, "unlinkat");
      }
    }
  }
  uint64_t elapsed = bench_now_ns() - start, cpu = bench_cpu_ns() - cpu_start;

  bench_report r = {.len = 0};
  bench_report_u64(&r, "ns", elapsed);
  if (cpu != 0) bench_report_u64(&r, "cpu_ns", cpu);
  bench_report_u64(&r, "iterations", (uint64_t)iterations);
  bench_report_u64(&r, "bytes", bytes);
  return bench_report_send(args, &r) == 0 ? 0 : 1;
}
