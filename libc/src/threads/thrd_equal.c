#include <pthread.h>
#include <threads.h>

int thrd_equal(thrd_t a, thrd_t b) { return pthread_equal(a, b); }
