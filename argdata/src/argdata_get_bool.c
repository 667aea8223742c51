#include <errno.h>

#include "argdata_impl.h"

int argdata_get_bool(const argdata_t *ad, bool *value) {
  const unsigned char *p;
  size_t len;
  if (!__argdata_payload(ad, ADT_BOOL, &p, &len)) return EINVAL;
  if (len == 0) {
    *value = false;
  } else if (len == 1 && p[0] == 0x01) {
    *value = true;
  } else {
    return EINVAL;
  }
  return 0;
}
