#include "argdata_impl.h"

void argdata_map_next(argdata_map_iterator_t *it_) {
  struct __argdata_iterator *it = (struct __argdata_iterator *)it_;
  if (it->index >= ARGDATA_ITERATOR_INVALID) return;
  ++it->index;
  if (it->created) {
    if (it->index >= it->u.container->u.map.count) it->index = ARGDATA_ITERATOR_END;
  } else {
    __argdata_map_load(it);
  }
}
