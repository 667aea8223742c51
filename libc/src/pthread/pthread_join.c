#include <errno.h>

#include "pthread_impl.h"

// Waits for the thread to end and frees it: the thread holds its join lock
// for writing until the system's thread_exit releases it after the thread is
// gone, so acquiring it for reading is waiting for the end.
int __pthread_wait_and_free(struct __pthread *t, void **result) {
  cloudabi_subscription_t sub = {
      .type = CLOUDABI_EVENTTYPE_LOCK_RDLOCK,
      .lock = {.lock = &t->join, .lock_scope = CLOUDABI_SCOPE_PRIVATE},
  };
  cloudabi_event_t ev;
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_poll(&sub, &ev, 1, &n);
  if (error == 0 && n == 1) error = ev.error;
  if (error != 0) return error;
  if (result != NULL) *result = t->result;
  if (t->map != NULL) cloudabi_sys_mem_unmap(t->map, t->map_len);
  return 0;
}

int pthread_join(pthread_t t, void **result) {
  if (t == __pthread_self()) return EDEADLK;
  if (atomic_load(&t->detach) == THREAD_DETACHED) return EINVAL;
  return __pthread_wait_and_free(t, result);
}
