#include <stdlib.h>

#include "argdata_impl.h"

argdata_t *argdata_create_map(argdata_t const *const *keys, argdata_t const *const *values,
                              size_t n_key_value_pairs) {
  argdata_t *ad = malloc(sizeof(*ad));
  if (ad == NULL) return NULL;
  ad->kind = AD_MAP;
  ad->u.map.keys = keys;
  ad->u.map.values = values;
  ad->u.map.count = n_key_value_pairs;
  return ad;
}
