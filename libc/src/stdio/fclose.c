#include "stdio_impl.h"

int fclose(FILE *f) {
  libc_lock(&f->lock);
  int result = __stream_flush(f);
  if (f->ops->close(f) != 0) result = EOF;
  libc_unlock(&f->lock);
  __stream_release(f);
  return result;
}
