#include <threads.h>
#include <time.h>

// Nothing interrupts a sleep (no signal handlers), so -1 never occurs.
int thrd_sleep(const struct timespec *duration, struct timespec *remaining) {
  return nanosleep(duration, remaining) == 0 ? 0 : -2;
}
