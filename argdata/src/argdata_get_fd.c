#include <errno.h>

#include "argdata_impl.h"

int argdata_get_fd(const argdata_t *ad, int *fd) {
  if (ad->kind == AD_FD) {
    if (ad->u.fd < 0) return EBADF;
    *fd = ad->u.fd;
    return 0;
  }
  const unsigned char *p;
  size_t len;
  if (!__argdata_payload(ad, ADT_FD, &p, &len) || len != 4) return EINVAL;
  int converted = __argdata_convert_fd(ad->u.buffer.convert_fd, ad->u.buffer.convert_fd_arg,
                                       __argdata_load_be32(p));
  if (converted < 0) return EBADF;
  *fd = converted;
  return 0;
}
