#include <errno.h>

#include "pthread_impl.h"

_Thread_local struct __pthread_specific __pthread_specific[PTHREAD_KEYS_MAX];

int pthread_setspecific(pthread_key_t key, const void *value) {
  uint64_t seq = atomic_load_explicit(&key->seq, memory_order_relaxed);
  if (seq % 2 == 0) return EINVAL;
  struct __pthread_specific *s = &__pthread_specific[key - __pthread_keys];
  s->value = (void *)value;
  s->seq = seq;
  return 0;
}

// Called by pthread_exit (weakly: programs that never set a value do not
// need it). Destructors may store new values; up to
// PTHREAD_DESTRUCTOR_ITERATIONS rounds run.
void __pthread_key_run_destructors(void) {
  for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; ++round) {
    bool called = false;
    for (size_t i = 0; i < PTHREAD_KEYS_MAX; ++i) {
      struct __pthread_specific *s = &__pthread_specific[i];
      uint64_t seq = atomic_load(&__pthread_keys[i].seq);
      if (s->value == NULL || s->seq != seq || seq % 2 == 0) continue;
      void *value = s->value;
      s->value = NULL;
      void (*destructor)(void *) = atomic_load(&__pthread_keys[i].destructor);
      if (destructor != NULL) {
        destructor(value);
        called = true;
      }
    }
    if (!called) break;
  }
}
