// Streams over strings for snprintf() and sscanf(). They are not in the
// list of open streams and need no closing.
#include <errno.h>
#include <string.h>

#include "stdio_impl.h"

static ssize_t string_write(FILE *f, const void *buf, size_t len) {
  struct memory_store *m = &f->memory;
  // Keep room for the terminator; the rest is dropped (but counted by the
  // caller).
  if (m->size > 0 && m->position < m->size - 1) {
    size_t n = m->size - 1 - m->position;
    if (n > len) n = len;
    memcpy(m->data + m->position, buf, n);
    m->position += n;
  }
  return (ssize_t)len;
}

static ssize_t string_read(FILE *f, void *buf, size_t len) {
  struct memory_store *m = &f->memory;
  // The string is read in pieces, so that its length is never computed
  // beyond what the conversion uses.
  size_t n = 0;
  char *out = buf;
  while (n < len && m->data[m->position] != '\0') out[n++] = m->data[m->position++];
  return (ssize_t)n;
}

static off_t string_seek(FILE *f, off_t offset, int whence) {
  (void)f;
  (void)offset;
  (void)whence;
  errno = ESPIPE;
  return -1;
}

static int string_close(FILE *f) {
  (void)f;
  return 0;
}

static const struct stream_ops string_ops = {string_read, string_write, string_seek, string_close};

void __stream_string_init(FILE *f, unsigned char *buf, size_t bufsize, char *dst, size_t size) {
  *f = (FILE){0};
  f->ops = &string_ops;
  f->fd = -1;
  f->flags = F_WRITE | F_STATIC;
  f->buftype = _IOFBF;
  f->bufbase = buf;
  f->buf = buf + UNGET;
  f->bufsize = bufsize - UNGET;
  f->locale = LC_C_LOCALE;
  f->memory.data = dst;
  f->memory.size = size;
}

void __stream_string_reader_init(FILE *f, const char *s) {
  *f = (FILE){0};
  f->ops = &string_ops;
  f->fd = -1;
  f->flags = F_READ | F_STATIC;
  f->buftype = _IOFBF;
  f->locale = LC_C_LOCALE;
  f->memory.data = (char *)s;
}
