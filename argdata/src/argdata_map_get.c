#include "argdata_impl.h"

bool argdata_map_get(const argdata_map_iterator_t *it_, const argdata_t **key,
                     const argdata_t **value) {
  const struct __argdata_iterator *it = (const struct __argdata_iterator *)it_;
  if (it->index >= ARGDATA_ITERATOR_INVALID) return false;
  if (it->created) {
    *key = it->u.container->u.map.keys[it->index];
    *value = it->u.container->u.map.values[it->index];
  } else {
    *key = &it->u.buffer.current[0];
    *value = &it->u.buffer.current[1];
  }
  return true;
}
