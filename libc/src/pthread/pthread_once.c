// pthread_once uses a lock word: LOCK_BOGUS before the routine has run,
// write-locked by the thread running it, and unlocked (or read-locked by
// threads that waited) afterwards. Waiters block as readers until the
// running thread lets go.
#include "pthread_impl.h"

#define WRLOCKED CLOUDABI_LOCK_WRLOCKED
#define KM CLOUDABI_LOCK_KERNEL_MANAGED

int pthread_once(pthread_once_t *once, void (*routine)(void)) {
  _Atomic(uint32_t) *w = (_Atomic(uint32_t) *)&once->__state;
  uint32_t self = __pthread_thread_id | WRLOCKED;
  uint32_t v = atomic_load_explicit(w, memory_order_acquire);
  if (v == CLOUDABI_LOCK_BOGUS && atomic_compare_exchange_strong_explicit(
                                      w, &v, self, memory_order_acquire, memory_order_acquire)) {
    routine();
    v = self;
    if (!atomic_compare_exchange_strong_explicit(w, &v, CLOUDABI_LOCK_UNLOCKED,
                                                 memory_order_release, memory_order_relaxed) &&
        cloudabi_sys_lock_unlock(w, CLOUDABI_SCOPE_PRIVATE) != 0)
      __pthread_terminate("pthread_once could not release its lock");
    return 0;
  }
  if ((v & WRLOCKED) == 0) return 0;  // done
  if ((v & ~KM) == self) __pthread_terminate("pthread_once called from its own routine");

  // Another thread runs the routine: wait for it as a reader.
  cloudabi_subscription_t sub = {
      .type = CLOUDABI_EVENTTYPE_LOCK_RDLOCK,
      .lock = {.lock = w, .lock_scope = CLOUDABI_SCOPE_PRIVATE},
  };
  cloudabi_event_t ev;
  size_t n;
  if (cloudabi_sys_poll(&sub, &ev, 1, &n) != 0 || n != 1 || ev.error != 0)
    __pthread_terminate("pthread_once could not wait for the routine");
  v = atomic_load_explicit(w, memory_order_acquire);
  for (;;) {
    if (v == (1 | KM)) {
      if (atomic_compare_exchange_weak(w, &v, self | KM)) {
        if (cloudabi_sys_lock_unlock(w, CLOUDABI_SCOPE_PRIVATE) != 0)
          __pthread_terminate("pthread_once could not release its lock");
        return 0;
      }
    } else if (atomic_compare_exchange_weak(w, &v, v - 1)) {
      return 0;
    }
  }
}
