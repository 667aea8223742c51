#include "argdata_impl.h"

bool argdata_seq_get(const argdata_seq_iterator_t *it_, const argdata_t **element) {
  const struct __argdata_iterator *it = (const struct __argdata_iterator *)it_;
  if (it->index >= ARGDATA_ITERATOR_INVALID) return false;
  if (it->created) {
    *element = it->u.container->u.seq.elements[it->index];
  } else {
    *element = &it->u.buffer.current[0];
  }
  return true;
}
