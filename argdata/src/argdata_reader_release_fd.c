#include "argdata_reader_impl.h"

void argdata_reader_release_fd(argdata_reader_t *r, int fd) {
  for (size_t i = 0; i < r->n_fds; ++i) {
    if (r->fds[i] == fd) r->fds[i] = -1;
  }
}
