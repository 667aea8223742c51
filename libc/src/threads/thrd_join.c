#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <threads.h>

int thrd_join(thrd_t t, int *result) {
  void *r;
  if (pthread_join(t, &r) != 0) return thrd_error;
  if (result != NULL) *result = (int)(intptr_t)r;
  return thrd_success;
}
