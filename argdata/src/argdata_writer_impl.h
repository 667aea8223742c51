/* Internal state of argdata_writer_t. */

#ifndef ARGDATA_WRITER_IMPL_H
#define ARGDATA_WRITER_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "argdata_impl.h"

struct argdata_writer_t {
  unsigned char *message; /* 8-byte length header + serialized value */
  size_t length;
  size_t written;

  int *fds; /* descriptors to pass, in index order */
  size_t n_fds;
  bool fds_sent;

  int error; /* deferred from argdata_writer_set, reported by push */
};

/* Discards the pending message. */
void __argdata_writer_clear(argdata_writer_t *w);

#endif
