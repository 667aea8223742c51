// Allocator tests: a random workload checked against a shadow table (every
// block is filled with a pattern that must survive until it is freed),
// alignment requests, realloc, memory going back to the system, and the same
// workload on several threads at once.
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../libc_support/libc_check.h"
#include "test_threads.h"

size_t __malloc_mapped_bytes(void);

// Keeps the compiler from eliding allocations whose memory is never read.
static void *volatile sink;
// Calls through these are opaque: the compiler assumes the allocation
// functions leave errno alone, which failing ones do not.
static void *(*volatile opaque_malloc)(size_t) = malloc;
static void *(*volatile opaque_calloc)(size_t, size_t) = calloc;

struct slot {
  unsigned char *ptr;
  size_t size;
  unsigned char pattern;
};

static uint64_t next_random(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

// Mostly small sizes, some medium, a few large.
static size_t random_size(uint64_t *state) {
  uint64_t r = next_random(state);
  if (r % 64 == 0) return (size_t)(r >> 8) % (256 << 10);
  if (r % 8 == 0) return (size_t)(r >> 8) % 20000;
  return (size_t)(r >> 8) % 300;
}

static bool check_block(const struct slot *s) {
  for (size_t i = 0; i < s->size; ++i)
    if (s->ptr[i] != (unsigned char)(s->pattern + i)) return false;
  return true;
}

static void fill(struct slot *s) {
  for (size_t i = 0; i < s->size; ++i) s->ptr[i] = (unsigned char)(s->pattern + i);
}

// Runs `ops` random operations on a table of `n` slots; returns false on the
// first corrupted block.
static bool workload(struct slot *table, size_t n, long ops, uint64_t seed) {
  uint64_t state = seed;
  for (long op = 0; op < ops; ++op) {
    struct slot *s = &table[next_random(&state) % n];
    if (s->ptr != NULL) {
      if (!check_block(s)) return false;
      if (next_random(&state) % 4 == 0) {
        // Grow or shrink; the common prefix must be kept.
        size_t size = random_size(&state);
        unsigned char *p = realloc(s->ptr, size);
        if (p == NULL && size != 0) return false;
        size_t keep = size < s->size ? size : s->size;
        for (size_t i = 0; i < keep; ++i)
          if (p[i] != (unsigned char)(s->pattern + i)) return false;
        s->ptr = p;
        s->size = size;
        fill(s);
      } else {
        free(s->ptr);
        s->ptr = NULL;
      }
    } else {
      s->size = random_size(&state);
      s->pattern = (unsigned char)next_random(&state);
      switch (next_random(&state) % 4) {
        case 0: {
          s->ptr = calloc(1, s->size);
          if (s->ptr == NULL) return false;
          for (size_t i = 0; i < s->size; ++i)
            if (s->ptr[i] != 0) return false;
          break;
        }
        case 1: {
          size_t align = (size_t)1 << (3 + next_random(&state) % 15);  // 8 .. 128 KiB
          void *p;
          if (posix_memalign(&p, align, s->size) != 0) return false;
          if ((uintptr_t)p % align != 0) return false;
          s->ptr = p;
          break;
        }
        default:
          s->ptr = malloc(s->size);
          if (s->ptr == NULL) return false;
          break;
      }
      fill(s);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (table[i].ptr != NULL && !check_block(&table[i])) return false;
    free(table[i].ptr);
    table[i].ptr = NULL;
  }
  return true;
}

TEST(random_workload_with_shadow_table) {
  size_t before = __malloc_mapped_bytes();
  static struct slot table[4096];
  CHECK(workload(table, 4096, 100000, 1));
  // Everything was freed: apart from one spare span per size class (36 of
  // 64 KiB) and the cache of large blocks (4 MiB at most), the memory went
  // back to the system.
  size_t after = __malloc_mapped_bytes();
  CHECK(after <= before + 36 * 65536 + (4 << 20));
}

TEST(large_blocks_are_reused_within_bounds) {
  // A freed large block serves the next request of its size: no new
  // mapping per allocation.
  size_t before = __malloc_mapped_bytes();
  for (int i = 0; i < 1000; ++i) {
    unsigned char *p = malloc(65536);
    CHECK(p != NULL);
    p[0] = p[65535] = (unsigned char)i;
    sink = p;
    free(p);
  }
  CHECK(__malloc_mapped_bytes() <= before + 65536 + 2 * 4096);
  // A reused block is cleared for calloc.
  for (int i = 0; i < 3; ++i) {
    unsigned char *p = malloc(100000);
    CHECK(p != NULL);
    memset(p, 0xab, 100000);
    free(p);
    unsigned char *q = opaque_calloc(1, 100000);
    CHECK(q != NULL);
    size_t nonzero = 0;
    for (size_t k = 0; k < 100000; ++k) nonzero += q[k] != 0;
    CHECK_EQ(nonzero, 0);
    free(q);
  }
  // The cache is bounded: after freeing many blocks at most 4 MiB stay.
  enum { N = 40 };
  static void *blocks[N];
  before = __malloc_mapped_bytes();
  for (int i = 0; i < N; ++i) {
    CHECK((blocks[i] = malloc(200 << 10)) != NULL);
    memset(blocks[i], i, 200 << 10);
  }
  CHECK(__malloc_mapped_bytes() >= before + N * (200 << 10) - (4 << 20));
  for (int i = 0; i < N; ++i) free(blocks[i]);
  CHECK(__malloc_mapped_bytes() <= before + (4 << 20));
}

TEST(memory_goes_back) {
  size_t before = __malloc_mapped_bytes();
  enum { N = 20000 };
  static void *p[N];
  for (int i = 0; i < N; ++i) {
    CHECK((p[i] = malloc(100)) != NULL);
    sink = p[i];
  }
  size_t peak = __malloc_mapped_bytes();
  CHECK(peak >= before + N * 100);
  for (int i = 0; i < N; ++i) free(p[i]);
  CHECK(__malloc_mapped_bytes() <= before + 65536);
  void *big = malloc(50 << 20);
  CHECK(big != NULL);
  sink = big;
  memset(big, 1, 50 << 20);
  CHECK(__malloc_mapped_bytes() >= before + (50 << 20));
  free(big);
  CHECK(__malloc_mapped_bytes() <= before + 65536);
  // Repeated allocation of a lone object does not map and unmap each time.
  size_t steady = __malloc_mapped_bytes();
  for (int i = 0; i < 100000; ++i) {
    sink = malloc(5000);
    free(sink);
  }
  CHECK(__malloc_mapped_bytes() <= steady + 65536);
}

TEST(edge_cases) {
  void *p = malloc(0);
  CHECK(p != NULL);
  free(p);
  free(NULL);
  errno = 0;
  sink = opaque_malloc(SIZE_MAX);
  CHECK(sink == NULL);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  sink = opaque_calloc(SIZE_MAX / 2, 3);
  CHECK(sink == NULL);
  CHECK_EQ(errno, ENOMEM);
  sink = reallocarray(NULL, SIZE_MAX / 2, 3);
  CHECK(sink == NULL);
  void *q;
  CHECK_EQ(posix_memalign(&q, 3, 10), EINVAL);
  CHECK_EQ(posix_memalign(&q, 0, 10), EINVAL);
  sink = aligned_alloc(1 << 20, 100);
  CHECK(sink != NULL && (uintptr_t)sink % (1 << 20) == 0);
  free(sink);
  p = realloc(NULL, 10);
  CHECK(p != NULL);
  memset(p, 7, 10);
  p = realloc(p, 100000);
  CHECK(((unsigned char *)p)[9] == 7);
  free(p);
}

struct worker {
  struct test_thread thread;
  uint64_t seed;
  bool ok;
  struct slot table[512];
};

static void run_worker(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  struct worker *w = arg;
  w->ok = workload(w->table, 512, 40000, w->seed);
}

TEST(threads) {
  enum { THREADS = 4 };
  static struct worker workers[THREADS];
  for (int i = 0; i < THREADS; ++i) {
    workers[i].seed = 100 + (uint64_t)i;
    cloudabi_errno_t error = test_thread_start(&workers[i].thread, run_worker, &workers[i]);
    if (error == CLOUDABI_ENOSYS) {
      harness_log("thread_create not available: single-threaded only\n");
      return;
    }
    CHECK_OK(error);
  }
  // Meanwhile this thread frees what the others did not allocate.
  static struct slot mine[512];
  CHECK(workload(mine, 512, 40000, 99));
  for (int i = 0; i < THREADS; ++i) {
    test_thread_join(&workers[i].thread);
    CHECK(workers[i].ok);
  }
}
