#include <errno.h>

#include "pthread_impl.h"

// Values other threads stored under the key become unreachable; their
// destructors are not called (POSIX).
int pthread_key_delete(pthread_key_t key) {
  uint64_t seq = atomic_load(&key->seq);
  if (seq % 2 == 0 || !atomic_compare_exchange_strong(&key->seq, &seq, seq + 1)) return EINVAL;
  return 0;
}
