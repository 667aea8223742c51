// Bounded-time stress: eight threads for about a second per scope mix
// blocking and timed write locks, read locks, condition variable waits with
// timeouts, signals and broadcasts on one lock. Nothing may deadlock (the
// runner's timeout catches that) and the protected counters must be exact.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

#define NTHREADS 8
#define RUN_NS 1000000000ull

struct state {
  _Atomic(cloudabi_lock_t) lock;
  _Atomic(cloudabi_condvar_t) cv;
  cloudabi_scope_t scope;
  cloudabi_timestamp_t end;
  uint64_t counter;  // protected by lock
  uint64_t a, b;     // equal outside the write lock
  _Atomic uint64_t writes, reads, timeouts, waits;
};

static struct state *st;

static uint32_t next_random(uint32_t *seed) {
  *seed = *seed * 1103515245u + 12345u;
  return *seed >> 8;
}

// [lock, relative MONOTONIC clock]; 1 if acquired, 0 if the clock fired.
static int timed_lock(cloudabi_eventtype_t type, uint64_t ns) {
  cloudabi_subscription_t subs[2] = {
      {.userdata = 1, .type = type, .lock = {.lock = &st->lock, .lock_scope = st->scope}},
      {.userdata = 2,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC, .timeout = ns}},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, &ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.error, 0);
  if (ev.type == CLOUDABI_EVENTTYPE_CLOCK) {
    CHECK_EQ(ev.userdata, 2);
    return 0;
  }
  CHECK_EQ(ev.type, type);
  return 1;
}

static void write_section(void) {
  ++st->counter;
  ++st->a;
  ++st->b;
}

static void check_read_section(void) { CHECK_EQ(st->a, st->b); }

static void worker(cloudabi_tid_t tid, void *arg) {
  uint32_t seed = (uint32_t)(uintptr_t)arg * 7919u + 1;
  uint64_t writes = 0, reads = 0, timeouts = 0, waits = 0;
  while (test_now(CLOUDABI_CLOCK_MONOTONIC) < st->end) {
    switch (next_random(&seed) % 8) {
      case 0:
      case 1:
        test_wrlock(&st->lock, tid, st->scope);
        write_section();
        ++writes;
        test_wrunlock(&st->lock, tid, st->scope);
        break;
      case 2:
        if (timed_lock(CLOUDABI_EVENTTYPE_LOCK_WRLOCK, 20000)) {
          CHECK_EQ(atomic_load(&st->lock) & ~CLOUDABI_LOCK_KERNEL_MANAGED,
                   tid | CLOUDABI_LOCK_WRLOCKED);
          write_section();
          ++writes;
          test_wrunlock(&st->lock, tid, st->scope);
        } else {
          ++timeouts;
        }
        break;
      case 3:
      case 4:
        test_rdlock(&st->lock, st->scope);
        check_read_section();
        ++reads;
        test_rdunlock(&st->lock, tid, st->scope);
        break;
      case 5:
        if (timed_lock(CLOUDABI_EVENTTYPE_LOCK_RDLOCK, 20000)) {
          check_read_section();
          ++reads;
          test_rdunlock(&st->lock, tid, st->scope);
        } else {
          ++timeouts;
        }
        break;
      case 6: {
        test_wrlock(&st->lock, tid, st->scope);
        int timed_out;
        CHECK_OK(test_cond_wait(&st->cv, &st->lock, st->scope, 500000, &timed_out));
        CHECK_EQ(atomic_load(&st->lock) & ~CLOUDABI_LOCK_KERNEL_MANAGED,
                 tid | CLOUDABI_LOCK_WRLOCKED);
        write_section();
        ++writes;
        ++waits;
        test_wrunlock(&st->lock, tid, st->scope);
        break;
      }
      case 7:
        test_wrlock(&st->lock, tid, st->scope);
        test_cond_signal(&st->cv, st->scope, next_random(&seed) % 2 ? 1 : UINT32_MAX);
        write_section();
        ++writes;
        test_wrunlock(&st->lock, tid, st->scope);
        break;
    }
  }
  atomic_fetch_add(&st->writes, writes);
  atomic_fetch_add(&st->reads, reads);
  atomic_fetch_add(&st->timeouts, timeouts);
  atomic_fetch_add(&st->waits, waits);
}

static void run(cloudabi_scope_t scope) {
  memset(st, 0, sizeof(*st));
  st->scope = scope;
  st->end = test_now(CLOUDABI_CLOCK_MONOTONIC) + RUN_NS;
  struct test_thread t[NTHREADS];
  for (int i = 0; i < NTHREADS; ++i)
    CHECK_OK(test_thread_start(&t[i], worker, (void *)(uintptr_t)(i + 1)));
  for (int i = 0; i < NTHREADS; ++i) test_thread_join(&t[i]);
  CHECK_EQ(st->counter, atomic_load(&st->writes));
  CHECK_EQ(st->a, st->counter);
  CHECK_EQ(st->b, st->counter);
  CHECK(atomic_load(&st->writes) > 0);
  CHECK(atomic_load(&st->reads) > 0);
  CHECK_EQ(atomic_load(&st->lock), 0);
  CHECK_EQ(atomic_load(&st->cv), 0);
  harness_log("  writes ");
  harness_log_int((int64_t)atomic_load(&st->writes));
  harness_log(", reads ");
  harness_log_int((int64_t)atomic_load(&st->reads));
  harness_log(", timeouts ");
  harness_log_int((int64_t)atomic_load(&st->timeouts));
  harness_log(", condvar waits ");
  harness_log_int((int64_t)atomic_load(&st->waits));
  harness_log("\n");
}

TEST(private_scope) {
  static struct state s;
  st = &s;
  run(CLOUDABI_SCOPE_PRIVATE);
}

TEST(shared_scope) {
  void *mem;
  CHECK_OK(
      cloudabi_sys_mem_map(NULL, sizeof(struct state), CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                           CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED, CLOUDABI_MAP_ANON_FD, 0, &mem));
  st = mem;
  run(CLOUDABI_SCOPE_SHARED);
  CHECK_OK(cloudabi_sys_mem_unmap(mem, sizeof(struct state)));
}
