#include <errno.h>

#include "argdata_impl.h"

int argdata_get_str(const argdata_t *ad, const char **str, size_t *len) {
  if (ad->kind == AD_STR) {
    *str = ad->u.str.ptr;
    *len = ad->u.str.len;
    return 0;
  }
  const unsigned char *p;
  size_t n;
  if (!__argdata_payload(ad, ADT_STR, &p, &n)) return EINVAL;
  /* The payload carries a terminating NUL that is not part of the string. */
  if (n == 0 || p[n - 1] != '\0') return EINVAL;
  if (!__argdata_utf8_valid(p, n - 1)) return EILSEQ;
  *str = (const char *)p;
  *len = n - 1;
  return 0;
}
