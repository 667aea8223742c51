// Workload 5, C library micro-benchmarks: the same calls against glibc
// (native) and cloudlibc (CloudABI). Each case is timed on its own; none makes
// a system call in its loop except malloc when it grows the heap.
//
//   printf_int     snprintf of four integers (%d %ld %u %x)
//   printf_double  snprintf of three doubles (%.17g %f %e)
//   strtod         strtod of a mix of short, long and exponent-form decimals
//   malloc         malloc/free of mixed sizes (16 B to 64 KiB) in a ring of 256
//   malloc_mt      the malloc case in two threads at once (needs pthread.h)
//   memcpy         memcpy of 64 B and 4 KiB blocks
//   strlen         strlen of strings of 7 to 1000 bytes
//
// `iterations` scales every case (100 is some 20 to 100 ms per case natively).
// Reports: <case>_ns and <case>_cpu_ns (process CPU time) for every case, or
// <case>=skipped, and a checksum of the
// single-threaded cases' results (equal on both builds if they are correct).
#include <stdio.h>

#include "bench.h"

#if !defined(BENCH_NO_THREADS) && (!defined(__CloudABI__) || __has_include(<pthread.h>))
#include <pthread.h>
#define HAVE_THREADS 1
#else
#define HAVE_THREADS 0
#endif

// Called through volatile pointers so that the compiler calls the library
// instead of expanding them inline.
static void *(*volatile memcpy_fn)(void *, const void *, size_t) = memcpy;
static size_t (*volatile strlen_fn)(const char *) = strlen;

static uint64_t case_printf_int(long long scale) {
  char buf[128];
  uint64_t sum = 0;
  for (long long i = 0; i < scale * 4000; ++i) {
    int n = snprintf(buf, sizeof(buf), "%d %ld %u %x", (int)(i * 7919 - 1000000), (long)i * 104729,
                     (unsigned)i, (unsigned)(i * 31));
    sum += (uint64_t)n + (unsigned char)buf[n / 2];
  }
  return sum;
}

static uint64_t case_printf_double(long long scale) {
  char buf[256];
  uint64_t sum = 0;
  double x = 0.1;
  for (long long i = 0; i < scale * 1000; ++i) {
    x = x * 1.000123 + 0.37;
    if (x > 1e12) x = 0.1;
    int n = snprintf(buf, sizeof(buf), "%.17g %f %e", x, x / 3.0, 1.0 / (x + 1.0));
    sum += (uint64_t)n + (unsigned char)buf[n / 2];
  }
  return sum;
}

static const char *const kDecimals[] = {
    "0",
    "1",
    "3.14159265358979323846",
    "-2.5e-3",
    "6.02214076e23",
    "1e-300",
    "12345.6789",
    "0.1",
    "2.2250738585072014e-308",
    "179.5",
    "9007199254740993",
    "-0.0",
    "4.9e-324",
    "1.7976931348623157e308",
    "42",
};

static uint64_t case_strtod(long long scale) {
  uint64_t sum = 0;
  size_t count = sizeof(kDecimals) / sizeof(kDecimals[0]);
  for (long long i = 0; i < scale * 8000; ++i) {
    const char *s = kDecimals[(size_t)i % count];
    char *end;
    double d = strtod(s, &end);
    uint64_t bits;
    memcpy(&bits, &d, sizeof(bits));
    sum += bits ^ (uint64_t)(end - s);
  }
  return sum;
}

static uint64_t malloc_loop(long long scale, uint64_t seed) {
  enum { kSlots = 256 };
  void *slots[kSlots] = {0};
  uint64_t sum = 0, x = seed | 1;
  for (long long i = 0; i < scale * 6000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    size_t slot = (size_t)(x % kSlots);
    free(slots[slot]);
    // Mostly small sizes, some medium, a few large.
    unsigned pick = (unsigned)(x >> 32) % 100;
    size_t size = pick < 80 ? 16 + (x >> 40) % 240 : pick < 98 ? 256 + (x >> 40) % 3840 : 65536;
    char *p = malloc(size);
    if (p == NULL) return 0;
    p[0] = (char)i;
    p[size - 1] = (char)(i >> 8);
    sum += (unsigned char)p[0];
    slots[slot] = p;
  }
  for (size_t i = 0; i < kSlots; ++i) free(slots[i]);
  return sum;
}

static uint64_t case_malloc(long long scale) { return malloc_loop(scale, 0x9e3779b97f4a7c15ULL); }

#if HAVE_THREADS
struct thread_job {
  long long scale;
  uint64_t seed, result;
};

static void *malloc_thread(void *arg) {
  struct thread_job *job = arg;
  job->result = malloc_loop(job->scale, job->seed);
  return NULL;
}

// Returns 0 if the threads could not be started.
static int case_malloc_mt(long long scale, uint64_t *sum) {
  struct thread_job jobs[2] = {{scale, 0x1234567ULL, 0}, {scale, 0x7654321ULL, 0}};
  pthread_t threads[2];
  for (int i = 0; i < 2; ++i) {
    if (pthread_create(&threads[i], NULL, malloc_thread, &jobs[i]) != 0) {
      for (int j = 0; j < i; ++j) pthread_join(threads[j], NULL);
      return 0;
    }
  }
  for (int i = 0; i < 2; ++i) pthread_join(threads[i], NULL);
  *sum = jobs[0].result + jobs[1].result;
  return 1;
}
#endif

static uint64_t case_memcpy(long long scale) {
  static char src[4096], dst[4096];
  for (size_t i = 0; i < sizeof(src); ++i) src[i] = (char)i;
  uint64_t sum = 0;
  for (long long i = 0; i < scale * 8000; ++i) {
    memcpy_fn(dst, src, 4096);
    for (int k = 0; k < 8; ++k) memcpy_fn(dst + 64 * k, src + 128 + k, 64);
    sum += (unsigned char)dst[(size_t)i % 4096];
    src[(size_t)i % 4096] = (char)i;
  }
  return sum;
}

static uint64_t case_strlen(long long scale) {
  static char strings[4][1001];
  static const size_t lengths[4] = {7, 40, 200, 1000};
  for (int s = 0; s < 4; ++s) {
    memset(strings[s], 'x', lengths[s]);
    strings[s][lengths[s]] = '\0';
  }
  uint64_t sum = 0;
  for (long long i = 0; i < scale * 200000; ++i) sum += strlen_fn(strings[i & 3] + (i >> 2 & 3));
  return sum;
}

int bench_main(const bench_args *args) {
  long long scale = bench_int(args, "iterations", 100);
  if (scale < 1) scale = 1;
  bench_report r = {.len = 0};
  uint64_t checksum = 0, t, cpu;

#define RUN_CASE(name)                                   \
  t = bench_now_ns();                                    \
  cpu = bench_cpu_ns();                                  \
  checksum += case_##name(scale);                        \
  bench_report_u64(&r, #name "_ns", bench_now_ns() - t); \
  bench_report_u64(&r, #name "_cpu_ns", bench_cpu_ns() - cpu);

  RUN_CASE(printf_int);
  RUN_CASE(printf_double);
  RUN_CASE(strtod);
  RUN_CASE(malloc);
#if HAVE_THREADS
  uint64_t mt = 0;
  t = bench_now_ns();
  cpu = bench_cpu_ns();
  if (case_malloc_mt(scale, &mt)) {
    bench_report_u64(&r, "malloc_mt_ns", bench_now_ns() - t);
    bench_report_u64(&r, "malloc_mt_cpu_ns", bench_cpu_ns() - cpu);
    bench_report_u64(&r, "malloc_mt_sum", mt);  // Not in the checksum: it needs threads.
  } else {
    bench_report_str(&r, "malloc_mt", "skipped:pthread_create-failed");
  }
#else
  bench_report_str(&r, "malloc_mt", "skipped:no-threads-in-cloudlibc-yet");
#endif
  RUN_CASE(memcpy);
  RUN_CASE(strlen);
#undef RUN_CASE

  bench_report_u64(&r, "checksum", checksum);
  return bench_report_send(args, &r) == 0 ? 0 : 1;
}
