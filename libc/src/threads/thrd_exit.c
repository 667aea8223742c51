#include <pthread.h>
#include <stdint.h>
#include <threads.h>

void thrd_exit(int result) { pthread_exit((void *)(intptr_t)result); }
