#include <pthread.h>
#include <threads.h>

void cnd_destroy(cnd_t *c) { pthread_cond_destroy(c); }
