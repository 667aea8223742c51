/* Internal state of argdata_reader_t. */

#ifndef ARGDATA_READER_IMPL_H
#define ARGDATA_READER_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "argdata_impl.h"

/* Never ask the kernel for more descriptors than this in one recvmsg call
 * (Linux delivers at most 253 per SCM_RIGHTS message anyway). */
#define ARGDATA_READER_CONTROL_FDS 1024

struct argdata_reader_t {
  size_t max_data_len;
  size_t max_fds_len;

  /* Message being read. */
  unsigned char header[8];
  size_t header_read;
  size_t data_len;
  size_t data_read;
  unsigned char *data;
  size_t data_capacity;

  /* Descriptors received with the message; -1 once released. */
  int *fds;
  size_t n_fds;
  size_t fds_capacity;

  /* Ancillary data buffer for recvmsg. */
  void *control;
  size_t control_len;

  bool complete;  /* the last pull finished a message or hit EOF */
  bool has_value; /* `value' holds the last message */
  argdata_t value;
};

/* Closes owned descriptors and returns to the initial state. */
void __argdata_reader_reset(argdata_reader_t *r);

#endif
