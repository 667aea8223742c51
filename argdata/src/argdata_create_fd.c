#include <stdlib.h>

#include "argdata_impl.h"

argdata_t *argdata_create_fd(int fd) {
  argdata_t *ad = malloc(sizeof(*ad));
  if (ad == NULL) return NULL;
  ad->kind = AD_FD;
  ad->u.fd = fd;
  return ad;
}
