#include <errno.h>
#include <stdlib.h>

#include "stdio_impl.h"

// A write-only stream into a growing buffer. After every flush *bufp points
// to the contents, null terminated, and *sizep holds their length (up to the
// current position). The caller frees the buffer after fclose().
FILE *open_memstream_l(char **bufp, size_t *sizep, locale_t locale) {
  FILE *f = malloc(sizeof(*f));
  char *data = calloc(1, 64);
  if (f == NULL || data == NULL) {
    free(f);
    free(data);
    return NULL;
  }
  __stream_init(f, &__stream_memory_ops, F_WRITE, locale);
  struct memory_store *m = &f->memory;
  m->data = data;
  m->size = 64;
  m->grow = true;
  m->terminate = true;
  m->user_data = bufp;
  m->user_size = sizep;
  *bufp = data;
  *sizep = 0;
  return f;
}

FILE *open_memstream(char **bufp, size_t *sizep) {
  return open_memstream_l(bufp, sizep, LC_C_LOCALE);
}
