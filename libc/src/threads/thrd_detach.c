#include <pthread.h>
#include <threads.h>

int thrd_detach(thrd_t t) { return pthread_detach(t) == 0 ? thrd_success : thrd_error; }
