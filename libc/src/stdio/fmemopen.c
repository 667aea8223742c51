#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stdio_impl.h"

// A stream over a fixed buffer. Reading stops at the end of the contents;
// writing past the end of the buffer fails with ENOSPC. Contents written are
// followed by a null byte while there is room for it. Without a buffer the
// stream allocates one of the given size.
FILE *fmemopen_l(void *restrict buf, size_t size, const char *restrict mode, locale_t locale) {
  int how;
  int flags = __stream_parse_mode(mode, &how);
  if (flags < 0) return NULL;
  if (size == 0) {
    errno = EINVAL;
    return NULL;
  }
  FILE *f = malloc(sizeof(*f));
  if (f == NULL) return NULL;
  char *data = buf;
  bool owned = false;
  if (data == NULL) {
    data = calloc(1, size);
    if (data == NULL) {
      free(f);
      return NULL;
    }
    owned = true;
  }
  __stream_init(f, &__stream_memory_ops, (unsigned int)flags, locale);
  struct memory_store *m = &f->memory;
  m->data = data;
  m->size = size;
  m->owned = owned;
  m->terminate = (flags & F_WRITE) != 0;
  switch (how & 3) {
    case 0:  // "r": the whole buffer is the contents
      m->length = size;
      break;
    case 1:  // "w": truncated
      m->length = 0;
      data[0] = '\0';
      break;
    case 2:  // "a": the contents end at the first null byte
      m->length = strnlen(data, size);
      m->position = m->length;
      m->append = true;
      break;
  }
  if (owned) m->length = 0;
  return f;
}

FILE *fmemopen(void *restrict buf, size_t size, const char *restrict mode) {
  return fmemopen_l(buf, size, mode, LC_C_LOCALE);
}
