#include <stdlib.h>

#include "argdata_impl.h"

argdata_t *argdata_create_seq(argdata_t const *const *elements, size_t n_elements) {
  argdata_t *ad = malloc(sizeof(*ad));
  if (ad == NULL) return NULL;
  ad->kind = AD_SEQ;
  ad->u.seq.elements = elements;
  ad->u.seq.count = n_elements;
  return ad;
}
