#include <stdbool.h>
#include <string.h>

#include "stdio_impl.h"

char *fgets(char *restrict s, int size, FILE *restrict f) {
  if (size <= 0) return NULL;
  libc_lock(&f->lock);
  int i = 0;
  bool failed = false;
  while (i < size - 1) {
    if (f->mode == MODE_READ && f->rpos < f->rend) {
      // Copy straight from the buffer up to a newline.
      size_t avail = (size_t)(f->rend - f->rpos);
      if (avail > (size_t)(size - 1 - i)) avail = (size_t)(size - 1 - i);
      unsigned char *nl = memchr(f->rpos, '\n', avail);
      size_t n = nl != NULL ? (size_t)(nl - f->rpos) + 1 : avail;
      memcpy(s + i, f->rpos, n);
      f->rpos += n;
      i += (int)n;
      if (nl != NULL) break;
      continue;
    }
    int c = __stream_getc(f);
    if (c == EOF) {
      failed = !(f->flags & F_EOF);
      break;
    }
    s[i++] = (char)c;
    if (c == '\n') break;
  }
  libc_unlock(&f->lock);
  if (i == 0 || failed) return NULL;
  s[i] = '\0';
  return s;
}
