#include <pthread.h>
#include <stddef.h>
#include <threads.h>

int cnd_init(cnd_t *c) { return pthread_cond_init(c, NULL) == 0 ? thrd_success : thrd_error; }
