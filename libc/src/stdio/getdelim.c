#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "stdio_impl.h"

ssize_t getdelim(char **restrict line, size_t *restrict size, int delim, FILE *restrict f) {
  if (line == NULL || size == NULL) {
    errno = EINVAL;
    return -1;
  }
  if (*line == NULL) *size = 0;
  libc_lock(&f->lock);
  size_t len = 0;
  for (;;) {
    // Room for at least one more byte and the terminator.
    if (len + 2 > *size) {
      size_t grown = *size < 64 ? 128 : *size * 2;
      if (grown > SSIZE_MAX) {
        errno = EOVERFLOW;
        break;
      }
      char *p = realloc(*line, grown);
      if (p == NULL) break;
      *line = p;
      *size = grown;
    }
    if (f->mode == MODE_READ && f->rpos < f->rend) {
      size_t avail = (size_t)(f->rend - f->rpos);
      if (avail > *size - len - 1) avail = *size - len - 1;
      unsigned char *d = memchr(f->rpos, delim, avail);
      size_t n = d != NULL ? (size_t)(d - f->rpos) + 1 : avail;
      memcpy(*line + len, f->rpos, n);
      f->rpos += n;
      len += n;
      if (d != NULL) goto done;
      continue;
    }
    int c = __stream_getc(f);
    if (c == EOF) {
      if (len > 0 && !(f->flags & F_ERR)) goto done;
      break;
    }
    (*line)[len++] = (char)c;
    if (c == (unsigned char)delim) goto done;
  }
  // Nothing read (end of file), or an error.
  if (*line != NULL && *size > len) (*line)[len] = '\0';
  libc_unlock(&f->lock);
  return -1;
done:
  (*line)[len] = '\0';
  libc_unlock(&f->lock);
  return (ssize_t)len;
}

ssize_t getline(char **restrict line, size_t *restrict size, FILE *restrict f) {
  return getdelim(line, size, '\n', f);
}
