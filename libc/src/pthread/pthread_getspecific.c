#include "pthread_impl.h"

void *pthread_getspecific(pthread_key_t key) {
  const struct __pthread_specific *s = &__pthread_specific[key - __pthread_keys];
  return s->seq == atomic_load_explicit(&key->seq, memory_order_relaxed) ? s->value : NULL;
}
