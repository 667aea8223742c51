#include <errno.h>

#include "pthread_impl.h"

struct __pthread_key __pthread_keys[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *)) {
  for (size_t i = 0; i < PTHREAD_KEYS_MAX; ++i) {
    struct __pthread_key *k = &__pthread_keys[i];
    uint64_t seq = atomic_load(&k->seq);
    if (seq % 2 == 0 && atomic_compare_exchange_strong(&k->seq, &seq, seq + 1)) {
      atomic_store(&k->destructor, destructor);
      *key = k;
      return 0;
    }
  }
  return EAGAIN;
}
