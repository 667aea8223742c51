#include <errno.h>

#include "pthread_impl.h"

int __pthread_wait_and_free(struct __pthread *t, void **result);

int pthread_detach(pthread_t t) {
  int expected = THREAD_JOINABLE;
  if (atomic_compare_exchange_strong(&t->detach, &expected, THREAD_DETACHED)) return 0;
  if (expected == THREAD_DETACHED) return EINVAL;
  // The thread is already ending and will not free itself: free it now.
  return __pthread_wait_and_free(t, NULL);
}
