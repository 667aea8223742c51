#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

struct start {
  thrd_start_t func;
  void *arg;
};

static void *trampoline(void *arg) {
  struct start s = *(struct start *)arg;
  free(arg);
  return (void *)(intptr_t)s.func(s.arg);
}

int thrd_create(thrd_t *thr, thrd_start_t func, void *arg) {
  struct start *s = malloc(sizeof(*s));
  if (s == NULL) return thrd_nomem;
  s->func = func;
  s->arg = arg;
  int error = pthread_create(thr, NULL, trampoline, s);
  if (error == 0) return thrd_success;
  free(s);
  return error == EAGAIN || error == ENOMEM ? thrd_nomem : thrd_error;
}
