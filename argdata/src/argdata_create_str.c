#include <errno.h>
#include <stdlib.h>

#include "argdata_impl.h"

argdata_t *argdata_create_str(const char *str, size_t len) {
  if (!__argdata_utf8_valid((const unsigned char *)str, len)) {
    errno = EILSEQ;
    return NULL;
  }
  argdata_t *ad = malloc(sizeof(*ad));
  if (ad == NULL) return NULL;
  ad->kind = AD_STR;
  ad->u.str.ptr = str;
  ad->u.str.len = len;
  return ad;
}
