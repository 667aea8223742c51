#include <stdlib.h>

#include "stdio_impl.h"

// Temporary files live in memory: there is no directory to create them in.
FILE *tmpfile_l(locale_t locale) {
  FILE *f = malloc(sizeof(*f));
  if (f == NULL) return NULL;
  __stream_init(f, &__stream_memory_ops, F_READ | F_WRITE, locale);
  f->memory.grow = true;
  f->memory.owned = true;
  return f;
}

FILE *tmpfile(void) { return tmpfile_l(LC_C_LOCALE); }
