#include <stdlib.h>

#include "argdata_impl.h"

argdata_t *__argdata_alloc_encoded(size_t len, unsigned char **bytes) {
  argdata_t *ad = malloc(sizeof(argdata_t) + len);
  if (ad == NULL) return NULL;
  *bytes = (unsigned char *)(ad + 1);
  argdata_init_buffer(ad, *bytes, len, NULL, NULL);
  return ad;
}
