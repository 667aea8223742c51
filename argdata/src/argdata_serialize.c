#include "argdata_impl.h"

size_t argdata_serialize(const argdata_t *ad, void *buf, int *fds) {
  struct __argdata_fd_table table = {fds, 0};
  __argdata_write(ad, buf, &table);
  return table.count;
}
