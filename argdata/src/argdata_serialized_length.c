#include "argdata_impl.h"

void argdata_serialized_length(const argdata_t *ad, size_t *size, size_t *n_fds) {
  if (size != NULL) *size = __argdata_length(ad);
  if (n_fds != NULL) *n_fds = __argdata_count_fds(ad);
}
