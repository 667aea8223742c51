// The allocator under several threads: random malloc/free/realloc of mixed
// sizes, every block filled with a pattern that a per-thread shadow table
// checks before the block is resized or freed; some blocks are handed to
// other threads and freed there.
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define THREADS 4
#define SLOTS 256
#define OPS 30000
#define HANDOFF 64

struct block {
  unsigned char *p;
  size_t size;
  unsigned char seed;
};

static uint64_t next_random(uint64_t *state) {
  uint64_t x = *state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *state = x;
}

// Mostly small blocks, some medium, a few large (own mappings).
static size_t random_size(uint64_t *rng) {
  uint64_t r = next_random(rng);
  switch (r % 16) {
    case 0:
      return 65536 + (size_t)(r >> 8) % (512 * 1024);
    case 1:
    case 2:
      return 1024 + (size_t)(r >> 8) % 32768;
    default:
      return 1 + (size_t)(r >> 8) % 512;
  }
}

static void fill(unsigned char *p, size_t from, size_t to, unsigned char seed) {
  for (size_t i = from; i < to; ++i) p[i] = (unsigned char)(seed + i * 7);
}

static void check(const struct block *b, size_t n) {
  CHECK(((uintptr_t)b->p & 15) == 0);
  for (size_t i = 0; i < n; ++i) {
    if (b->p[i] != (unsigned char)(b->seed + i * 7)) CHECK_EQ(b->p[i], b->seed + i * 7);
  }
}

// Blocks in transit between threads.
static pthread_mutex_t handoff_lock = PTHREAD_MUTEX_INITIALIZER;
static struct block handoff[HANDOFF];
static int handoff_len;
static long cross_frees;

// Frees *b here or leaves it for another thread.
static void release(struct block *b, uint64_t *rng) {
  check(b, b->size);
  if (next_random(rng) % 4 == 0) {
    pthread_mutex_lock(&handoff_lock);
    if (handoff_len < HANDOFF) {
      handoff[handoff_len++] = *b;
      b->p = NULL;
    }
    pthread_mutex_unlock(&handoff_lock);
    if (b->p == NULL) return;
  }
  free(b->p);
  b->p = NULL;
}

// Frees a block another thread left behind, after checking its contents.
static void take_one(void) {
  struct block b = {NULL, 0, 0};
  pthread_mutex_lock(&handoff_lock);
  if (handoff_len > 0) {
    b = handoff[--handoff_len];
    ++cross_frees;
  }
  pthread_mutex_unlock(&handoff_lock);
  if (b.p == NULL) return;
  check(&b, b.size);
  free(b.p);
}

static void *stress(void *arg) {
  uint64_t rng = 0x9e3779b97f4a7c15ULL * ((uint64_t)(intptr_t)arg + 1);
  static _Thread_local struct block slots[SLOTS];
  for (int op = 0; op < OPS; ++op) {
    struct block *b = &slots[next_random(&rng) % SLOTS];
    uint64_t what = next_random(&rng) % 8;
    if (b->p == NULL) {
      b->size = random_size(&rng);
      b->seed = (unsigned char)next_random(&rng);
      b->p = what == 0 ? calloc(1, b->size) : malloc(b->size);
      CHECK(b->p != NULL);
      if (what == 0)
        for (size_t i = 0; i < b->size; ++i) CHECK_EQ(b->p[i], 0);
      fill(b->p, 0, b->size, b->seed);
    } else if (what < 3) {
      size_t size = random_size(&rng);
      check(b, b->size);
      unsigned char *p = realloc(b->p, size);
      CHECK(p != NULL);
      b->p = p;
      check(b, size < b->size ? size : b->size);
      if (size > b->size) fill(p, b->size, size, b->seed);
      b->size = size;
    } else if (what < 6) {
      release(b, &rng);
    } else {
      take_one();
    }
  }
  for (int i = 0; i < SLOTS; ++i) {
    if (slots[i].p != NULL) {
      check(&slots[i], slots[i].size);
      free(slots[i].p);
      slots[i].p = NULL;
    }
  }
  return NULL;
}

TEST(allocator_stress_with_cross_thread_frees) {
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i)
    CHECK_OK(pthread_create(&t[i], NULL, stress, (void *)(intptr_t)i));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  while (handoff_len > 0) take_one();
  harness_log("blocks freed by another thread: ");
  harness_log_int(cross_frees);
  harness_log("\n");
  CHECK(cross_frees > 0);
}
