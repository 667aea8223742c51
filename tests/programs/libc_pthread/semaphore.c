// Unnamed semaphores: counting across threads, trywait, timed waits, limits.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <time.h>

#include "harness.h"

_Static_assert(sizeof(sem_t) == 28, "cloudlibc's sem_t is 28 bytes");

#define ITEMS 20000

static sem_t items, slots;
static long produced_sum;

static void *producer(void *arg) {
  (void)arg;
  for (long i = 1; i <= ITEMS; ++i) {
    CHECK_OK(sem_wait(&slots));
    produced_sum += i;  // the semaphores order this against the consumer
    CHECK_OK(sem_post(&items));
  }
  return NULL;
}

TEST(producer_consumer) {
  CHECK_OK(sem_init(&items, 0, 0));
  CHECK_OK(sem_init(&slots, 0, 1));
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, producer, NULL));
  long seen = 0;
  for (long i = 1; i <= ITEMS; ++i) {
    CHECK_OK(sem_wait(&items));
    seen += i;
    CHECK_EQ(produced_sum, seen);
    CHECK_OK(sem_post(&slots));
  }
  CHECK_OK(pthread_join(t, NULL));
  int v = -1;
  CHECK_OK(sem_getvalue(&items, &v));
  CHECK_EQ(v, 0);
  CHECK_OK(sem_getvalue(&slots, &v));
  CHECK_EQ(v, 1);
  CHECK_OK(sem_destroy(&items));
  CHECK_OK(sem_destroy(&slots));
}

TEST(trywait_timedwait_and_limits) {
  sem_t s;
  CHECK_OK(sem_init(&s, 0, 1));
  CHECK_OK(sem_trywait(&s));
  CHECK_EQ(sem_trywait(&s), -1);
  CHECK_EQ(errno, EAGAIN);

  struct timespec start, deadline, end;
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &start));
  deadline = start;
  deadline.tv_nsec += 30 * 1000000;
  deadline.tv_sec += deadline.tv_nsec / 1000000000;
  deadline.tv_nsec %= 1000000000;
  CHECK_EQ(sem_timedwait(&s, &deadline), -1);
  CHECK_EQ(errno, ETIMEDOUT);
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &end));
  CHECK(end.tv_sec > deadline.tv_sec ||
        (end.tv_sec == deadline.tv_sec && end.tv_nsec >= deadline.tv_nsec));
  struct timespec bad = {.tv_sec = 0, .tv_nsec = -5};
  CHECK_EQ(sem_timedwait(&s, &bad), -1);
  CHECK_EQ(errno, EINVAL);
  CHECK_OK(sem_post(&s));
  CHECK_OK(sem_timedwait(&s, &bad));  // not looked at: no need to wait
  CHECK_OK(sem_destroy(&s));

  CHECK_EQ(sem_init(&s, 0, (unsigned int)SEM_VALUE_MAX + 1), -1);
  CHECK_EQ(errno, EINVAL);
  CHECK_OK(sem_init(&s, 1, SEM_VALUE_MAX));
  CHECK_EQ(sem_post(&s), -1);
  CHECK_EQ(errno, EOVERFLOW);
  CHECK_OK(sem_wait(&s));
  CHECK_OK(sem_post(&s));
  CHECK_OK(sem_destroy(&s));
}
