#include "argdata_impl.h"

/* Loads the key-value pair at the iterator's position, or marks the
 * iterator as finished or invalid. */
void __argdata_map_load(struct __argdata_iterator *it) {
  if (it->u.buffer.remaining == 0) {
    it->index = ARGDATA_ITERATOR_END;
    return;
  }
  for (size_t i = 0; i < 2; ++i) {
    const unsigned char *value;
    size_t len;
    if (!__argdata_read_subfield(&it->u.buffer.pos, &it->u.buffer.remaining, &value, &len)) {
      it->index = ARGDATA_ITERATOR_INVALID;
      return;
    }
    argdata_init_buffer(&it->u.buffer.current[i], value, len, it->u.buffer.convert_fd,
                        it->u.buffer.convert_fd_arg);
  }
}

void argdata_map_iterate(const argdata_t *ad, argdata_map_iterator_t *it_) {
  struct __argdata_iterator *it = (struct __argdata_iterator *)it_;
  const unsigned char *payload;
  size_t len;

  it->index = 0;
  if (ad->kind == AD_MAP) {
    it->created = 1;
    it->u.container = ad;
    if (ad->u.map.count == 0) it->index = ARGDATA_ITERATOR_END;
  } else if (__argdata_payload(ad, ADT_MAP, &payload, &len)) {
    it->created = 0;
    it->u.buffer.pos = payload;
    it->u.buffer.remaining = len;
    it->u.buffer.convert_fd = ad->u.buffer.convert_fd;
    it->u.buffer.convert_fd_arg = ad->u.buffer.convert_fd_arg;
    __argdata_map_load(it);
  } else {
    it->created = 1;
    it->u.container = NULL;
    it->index = ARGDATA_ITERATOR_INVALID;
  }
}
