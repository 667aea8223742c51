#include <stdlib.h>

#include "argdata_writer_impl.h"

void __argdata_writer_clear(argdata_writer_t *w) {
  free(w->message);
  free(w->fds);
  w->message = NULL;
  w->fds = NULL;
  w->length = 0;
  w->written = 0;
  w->n_fds = 0;
  w->fds_sent = false;
}

void argdata_writer_free(argdata_writer_t *w) {
  if (w == NULL) return;
  __argdata_writer_clear(w);
  free(w);
}
