#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <sys/socket.h>

#include "argdata_reader_impl.h"

argdata_reader_t *argdata_reader_create(size_t max_data_len, size_t max_fds_len) {
  argdata_reader_t *r = calloc(1, sizeof(*r));
  if (r == NULL) return NULL;
  r->max_data_len = max_data_len;
  r->max_fds_len = max_fds_len;
  if (max_fds_len > 0) {
    size_t n = max_fds_len < ARGDATA_READER_CONTROL_FDS ? max_fds_len : ARGDATA_READER_CONTROL_FDS;
    r->control_len = CMSG_SPACE(n * sizeof(int));
    r->control = calloc(1, r->control_len);
    if (r->control == NULL) {
      free(r);
      return NULL;
    }
  }
  return r;
}
