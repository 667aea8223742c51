#include <errno.h>
#include <stdlib.h>

#include "argdata_writer_impl.h"

void argdata_writer_set(argdata_writer_t *w, const argdata_t *ad) {
  __argdata_writer_clear(w);
  w->error = 0;
  if (ad == NULL) return;

  size_t len, max_fds;
  argdata_serialized_length(ad, &len, &max_fds);
  if (len > SIZE_MAX - 8) {
    w->error = EMSGSIZE;
    return;
  }
  w->message = malloc(8 + len);
  if (max_fds > 0) w->fds = malloc(max_fds * sizeof(int));
  if (w->message == NULL || (max_fds > 0 && w->fds == NULL)) {
    __argdata_writer_clear(w);
    w->error = ENOMEM;
    return;
  }

  uint64_t len64 = (uint64_t)len;
  for (size_t i = 0; i < 8; ++i) w->message[i] = (unsigned char)(len64 >> (56 - 8 * i));
  w->n_fds = argdata_serialize(ad, w->message + 8, max_fds > 0 ? w->fds : NULL);
  w->length = 8 + len;
}
