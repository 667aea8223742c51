#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <unistd.h>

#include "argdata_reader_impl.h"

void __argdata_reader_reset(argdata_reader_t *r) {
  for (size_t i = 0; i < r->n_fds; ++i) {
    if (r->fds[i] >= 0) close(r->fds[i]);
  }
  r->n_fds = 0;
  r->header_read = 0;
  r->data_len = 0;
  r->data_read = 0;
  r->complete = false;
  r->has_value = false;
}

void argdata_reader_free(argdata_reader_t *r) {
  if (r == NULL) return;
  __argdata_reader_reset(r);
  free(r->data);
  free(r->fds);
  free(r->control);
  free(r);
}
