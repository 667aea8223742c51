// Eight threads contending on one lock (write locks, and readers mixed with
// writers) and on one condition variable (producers and consumers), in both
// scopes. Counters protected by the lock must come out exact.
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

#define NTHREADS 8
#define ITERATIONS 2000

struct shared_state {
  _Atomic(cloudabi_lock_t) lock;
  _Atomic(cloudabi_condvar_t) cv;
  cloudabi_scope_t scope;
  // Protected by lock.
  uint64_t counter;
  uint64_t a, b;  // always equal outside the write lock
  int inside;     // writers inside the critical section
  // Producer/consumer queue, protected by lock.
  int queue[16];
  int head, count;
  int produced_total, consumed_total;
  uint64_t consumed_sum;
  int consumers_done;
  // Statistics.
  _Atomic int read_ok;
};

static struct shared_state *state;

static void writer(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  for (int i = 0; i < ITERATIONS; ++i) {
    test_wrlock(&state->lock, tid, state->scope);
    CHECK_EQ(state->inside, 0);
    state->inside = 1;
    uint64_t c = state->counter;
    if (i % 64 == 0) CHECK_OK(cloudabi_sys_thread_yield());
    state->counter = c + 1;
    state->inside = 0;
    test_wrunlock(&state->lock, tid, state->scope);
  }
}

static void run_writers(cloudabi_scope_t scope) {
  state->scope = scope;
  state->counter = 0;
  atomic_store(&state->lock, 0);
  struct test_thread t[NTHREADS];
  for (int i = 0; i < NTHREADS; ++i) CHECK_OK(test_thread_start(&t[i], writer, NULL));
  for (int i = 0; i < NTHREADS; ++i) test_thread_join(&t[i]);
  CHECK_EQ(state->counter, (uint64_t)NTHREADS * ITERATIONS);
  CHECK_EQ(atomic_load(&state->lock), 0);
}

static void reader_writer(cloudabi_tid_t tid, void *arg) {
  int id = (int)(intptr_t)arg;
  for (int i = 0; i < ITERATIONS; ++i) {
    if ((i + id) % 4 == 0) {
      test_wrlock(&state->lock, tid, state->scope);
      ++state->a;
      if (i % 32 == 0) CHECK_OK(cloudabi_sys_thread_yield());
      ++state->b;
      test_wrunlock(&state->lock, tid, state->scope);
    } else {
      test_rdlock(&state->lock, state->scope);
      CHECK_EQ(atomic_load(&state->lock) & CLOUDABI_LOCK_WRLOCKED, 0);
      uint64_t a = state->a;
      if (i % 32 == 0) CHECK_OK(cloudabi_sys_thread_yield());
      CHECK_EQ(state->b, a);
      atomic_fetch_add(&state->read_ok, 1);
      test_rdunlock(&state->lock, tid, state->scope);
    }
  }
}

static void run_readers_writers(cloudabi_scope_t scope) {
  state->scope = scope;
  state->a = state->b = 0;
  atomic_store(&state->read_ok, 0);
  atomic_store(&state->lock, 0);
  struct test_thread t[NTHREADS];
  for (int i = 0; i < NTHREADS; ++i)
    CHECK_OK(test_thread_start(&t[i], reader_writer, (void *)(intptr_t)i));
  for (int i = 0; i < NTHREADS; ++i) test_thread_join(&t[i]);
  CHECK_EQ(state->a, (uint64_t)NTHREADS * ITERATIONS / 4);
  CHECK_EQ(state->b, state->a);
  CHECK_EQ(atomic_load(&state->read_ok), NTHREADS * ITERATIONS * 3 / 4);
  CHECK_EQ(atomic_load(&state->lock), 0);
}

#define ITEMS_PER_PRODUCER 3000

static void producer(cloudabi_tid_t tid, void *arg) {
  int id = (int)(intptr_t)arg;
  for (int i = 0; i < ITEMS_PER_PRODUCER; ++i) {
    test_wrlock(&state->lock, tid, state->scope);
    while (state->count == 16) {
      CHECK_OK(test_cond_wait(&state->cv, &state->lock, state->scope, 0, NULL));
      CHECK_EQ(atomic_load(&state->lock) & ~CLOUDABI_LOCK_KERNEL_MANAGED,
               tid | CLOUDABI_LOCK_WRLOCKED);
    }
    state->queue[(state->head + state->count) % 16] = id * ITEMS_PER_PRODUCER + i;
    ++state->count;
    ++state->produced_total;
    // One condvar for "not empty" and "not full": wake everybody.
    test_cond_signal(&state->cv, state->scope, UINT32_MAX);
    test_wrunlock(&state->lock, tid, state->scope);
  }
}

static void consumer(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  const int total = NTHREADS / 2 * ITEMS_PER_PRODUCER;
  for (;;) {
    test_wrlock(&state->lock, tid, state->scope);
    while (state->count == 0 && state->consumed_total < total) {
      CHECK_OK(test_cond_wait(&state->cv, &state->lock, state->scope, 0, NULL));
      CHECK_EQ(atomic_load(&state->lock) & ~CLOUDABI_LOCK_KERNEL_MANAGED,
               tid | CLOUDABI_LOCK_WRLOCKED);
    }
    if (state->consumed_total == total) {
      test_cond_signal(&state->cv, state->scope, UINT32_MAX);
      test_wrunlock(&state->lock, tid, state->scope);
      return;
    }
    int item = state->queue[state->head];
    state->head = (state->head + 1) % 16;
    --state->count;
    ++state->consumed_total;
    state->consumed_sum += (uint64_t)item;
    // Alternate between waking one thread and all of them.
    test_cond_signal(&state->cv, state->scope, item % 2 ? 1 : UINT32_MAX);
    test_wrunlock(&state->lock, tid, state->scope);
  }
}

static void run_producers_consumers(cloudabi_scope_t scope) {
  state->scope = scope;
  atomic_store(&state->lock, 0);
  atomic_store(&state->cv, 0);
  state->head = state->count = state->produced_total = state->consumed_total = 0;
  state->consumed_sum = 0;
  struct test_thread t[NTHREADS];
  for (int i = 0; i < NTHREADS; ++i) {
    if (i % 2 == 0) {
      CHECK_OK(test_thread_start(&t[i], producer, (void *)(intptr_t)(i / 2)));
    } else {
      CHECK_OK(test_thread_start(&t[i], consumer, NULL));
    }
  }
  for (int i = 0; i < NTHREADS; ++i) test_thread_join(&t[i]);
  const uint64_t n = NTHREADS / 2 * ITEMS_PER_PRODUCER;
  CHECK_EQ(state->produced_total, n);
  CHECK_EQ(state->consumed_total, n);
  CHECK_EQ(state->consumed_sum, n * (n - 1) / 2);
  CHECK_EQ(state->count, 0);
  CHECK_EQ(atomic_load(&state->lock), 0);
  // Nobody waits any more.
  CHECK_EQ(atomic_load(&state->cv), CLOUDABI_CONDVAR_HAS_NO_WAITERS);
}

TEST(setup) {
  static struct shared_state private_state;
  state = &private_state;
}

TEST(private_write_locks) { run_writers(CLOUDABI_SCOPE_PRIVATE); }
TEST(private_read_write_locks) { run_readers_writers(CLOUDABI_SCOPE_PRIVATE); }
TEST(private_condvar) { run_producers_consumers(CLOUDABI_SCOPE_PRIVATE); }

// Shared scope, in anonymous shared memory.
TEST(shared_setup) {
  void *mem;
  CHECK_OK(cloudabi_sys_mem_map(
      NULL, sizeof(struct shared_state), CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
      CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED, CLOUDABI_MAP_ANON_FD, 0, &mem));
  state = mem;
}

TEST(shared_write_locks) { run_writers(CLOUDABI_SCOPE_SHARED); }
TEST(shared_read_write_locks) { run_readers_writers(CLOUDABI_SCOPE_SHARED); }
TEST(shared_condvar) { run_producers_consumers(CLOUDABI_SCOPE_SHARED); }

// A condvar is bound to one lock while it has waiters.
static _Atomic(cloudabi_lock_t) lock_a, lock_b;
static _Atomic(cloudabi_condvar_t) bound_cv;
static _Atomic int waiting, go;

static void wait_with_a(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  test_wrlock(&lock_a, tid, CLOUDABI_SCOPE_PRIVATE);
  atomic_store(&waiting, 1);
  while (!atomic_load(&go))
    CHECK_OK(test_cond_wait(&bound_cv, &lock_a, CLOUDABI_SCOPE_PRIVATE, 0, NULL));
  test_wrunlock(&lock_a, tid, CLOUDABI_SCOPE_PRIVATE);
}

TEST(condvar_bound_to_one_lock) {
  cloudabi_tid_t self = test_self_tid();
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, wait_with_a, NULL));
  // Wait until the thread sleeps on the condvar (it has registered once the
  // word is nonzero and lock_a is free again).
  while (atomic_load(&bound_cv) == 0 || atomic_load(&lock_a) != 0)
    CHECK_OK(cloudabi_sys_thread_yield());
  test_wrlock(&lock_b, self, CLOUDABI_SCOPE_PRIVATE);
  CHECK_ERRNO(test_cond_wait(&bound_cv, &lock_b, CLOUDABI_SCOPE_PRIVATE, 0, NULL), CLOUDABI_EINVAL);
  CHECK_EQ(atomic_load(&lock_b), self | CLOUDABI_LOCK_WRLOCKED);  // still ours
  test_wrunlock(&lock_b, self, CLOUDABI_SCOPE_PRIVATE);
  // Waiting with the same lock is fine.
  test_wrlock(&lock_a, self, CLOUDABI_SCOPE_PRIVATE);
  atomic_store(&go, 1);
  test_cond_signal(&bound_cv, CLOUDABI_SCOPE_PRIVATE, UINT32_MAX);
  test_wrunlock(&lock_a, self, CLOUDABI_SCOPE_PRIVATE);
  test_thread_join(&t);
  CHECK_EQ(atomic_load(&bound_cv), 0);
  // With no waiters left, the binding is gone: lock_b may be used now.
  test_wrlock(&lock_b, self, CLOUDABI_SCOPE_PRIVATE);
  int timed_out;
  CHECK_OK(test_cond_wait(&bound_cv, &lock_b, CLOUDABI_SCOPE_PRIVATE, 1000000, &timed_out));
  CHECK(timed_out);
  test_wrunlock(&lock_b, self, CLOUDABI_SCOPE_PRIVATE);
}

// Broadcast wakes every waiter; afterwards the word is 0 again.
static _Atomic(cloudabi_lock_t) bc_lock;
static _Atomic(cloudabi_condvar_t) bc_cv;
static int bc_generation, bc_entered, bc_woken;

static void broadcast_waiter(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  test_wrlock(&bc_lock, tid, CLOUDABI_SCOPE_PRIVATE);
  // Once the main thread holds the lock and sees bc_entered == n, all n
  // waiters are inside the wait: they only let go of the lock there.
  ++bc_entered;
  int gen = bc_generation;
  while (bc_generation == gen)
    CHECK_OK(test_cond_wait(&bc_cv, &bc_lock, CLOUDABI_SCOPE_PRIVATE, 0, NULL));
  ++bc_woken;
  test_wrunlock(&bc_lock, tid, CLOUDABI_SCOPE_PRIVATE);
}

TEST(broadcast_wakes_all) {
  cloudabi_tid_t self = test_self_tid();
  struct test_thread t[NTHREADS];
  bc_entered = 0;
  for (int i = 0; i < NTHREADS; ++i) CHECK_OK(test_thread_start(&t[i], broadcast_waiter, NULL));
  for (;;) {
    test_wrlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
    if (bc_entered == NTHREADS) break;
    test_wrunlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
    CHECK_OK(cloudabi_sys_thread_yield());
  }
  ++bc_generation;
  CHECK_OK(cloudabi_sys_condvar_signal(&bc_cv, CLOUDABI_SCOPE_PRIVATE, UINT32_MAX));
  // Waking every waiter resets the word at once (reference 1, 7.5), before
  // any of them runs: none of them touches it again, so the program may
  // destroy the condvar and reuse its memory now.
  CHECK_EQ(atomic_load(&bc_cv), 0);
  atomic_store(&bc_cv, 0x5a5a5a5a);
  test_wrunlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
  for (int i = 0; i < NTHREADS; ++i) test_thread_join(&t[i]);
  CHECK_EQ(bc_woken, NTHREADS);
  CHECK_EQ(atomic_load(&bc_cv), 0x5a5a5a5a);
  atomic_store(&bc_cv, 0);
}

// condvar_signal(1) wakes at least one of the threads waiting at the time;
// once every waiter is through, the word is 0 again.
TEST(signal_one_at_a_time) {
  cloudabi_tid_t self = test_self_tid();
  bc_woken = 0;
  bc_entered = 0;
  int gen0 = bc_generation;
  struct test_thread t[4];
  for (int i = 0; i < 4; ++i) CHECK_OK(test_thread_start(&t[i], broadcast_waiter, NULL));
  for (;;) {
    test_wrlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
    if (bc_entered == 4) break;
    test_wrunlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
    CHECK_OK(cloudabi_sys_thread_yield());
  }
  bc_generation = gen0 + 1;
  int signals = 0;
  while (bc_woken < 4) {
    CHECK(atomic_load(&bc_cv) != 0);
    int before = bc_woken;
    CHECK_OK(cloudabi_sys_condvar_signal(&bc_cv, CLOUDABI_SCOPE_PRIVATE, 1));
    ++signals;
    test_wrunlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
    // Wait for a woken one to get through (bc_woken counts them).
    for (;;) {
      test_wrlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
      if (bc_woken > before) break;
      test_wrunlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
      CHECK_OK(cloudabi_sys_thread_yield());
    }
  }
  CHECK(signals <= 4);
  CHECK_EQ(atomic_load(&bc_cv), 0);
  test_wrunlock(&bc_lock, self, CLOUDABI_SCOPE_PRIVATE);
  for (int i = 0; i < 4; ++i) test_thread_join(&t[i]);
}
