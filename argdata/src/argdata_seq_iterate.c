#include "argdata_impl.h"

/* Loads the element at the iterator's position, or marks the iterator as
 * finished or invalid. */
void __argdata_seq_load(struct __argdata_iterator *it) {
  if (it->u.buffer.remaining == 0) {
    it->index = ARGDATA_ITERATOR_END;
    return;
  }
  const unsigned char *value;
  size_t len;
  if (!__argdata_read_subfield(&it->u.buffer.pos, &it->u.buffer.remaining, &value, &len)) {
    it->index = ARGDATA_ITERATOR_INVALID;
    return;
  }
  argdata_init_buffer(&it->u.buffer.current[0], value, len, it->u.buffer.convert_fd,
                      it->u.buffer.convert_fd_arg);
}

void argdata_seq_iterate(const argdata_t *ad, argdata_seq_iterator_t *it_) {
  struct __argdata_iterator *it = (struct __argdata_iterator *)it_;
  const unsigned char *payload;
  size_t len;

  it->index = 0;
  if (ad->kind == AD_SEQ) {
    it->created = 1;
    it->u.container = ad;
    if (ad->u.seq.count == 0) it->index = ARGDATA_ITERATOR_END;
  } else if (__argdata_payload(ad, ADT_SEQ, &payload, &len)) {
    it->created = 0;
    it->u.buffer.pos = payload;
    it->u.buffer.remaining = len;
    it->u.buffer.convert_fd = ad->u.buffer.convert_fd;
    it->u.buffer.convert_fd_arg = ad->u.buffer.convert_fd_arg;
    __argdata_seq_load(it);
  } else {
    it->created = 1;
    it->u.container = NULL;
    it->index = ARGDATA_ITERATOR_INVALID;
  }
}
