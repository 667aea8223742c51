#include <errno.h>

#include "argdata_impl.h"

int argdata_get_binary(const argdata_t *ad, const void **buf, size_t *len) {
  if (ad->kind == AD_BINARY) {
    *buf = ad->u.binary.ptr;
    *len = ad->u.binary.len;
    return 0;
  }
  const unsigned char *p;
  size_t n;
  if (!__argdata_payload(ad, ADT_BINARY, &p, &n)) return EINVAL;
  *buf = p;
  *len = n;
  return 0;
}
