// Misuse the caller cannot be told about ends the process, like cloudlibc.
#include <stdio.h>
#include <stdlib.h>

#include "pthread_impl.h"

_Noreturn void __pthread_terminate(const char *why) {
  fprintf(stderr, "pthread: %s\n", why);
  abort();
}
