#include "argdata_reader_impl.h"

const argdata_t *argdata_reader_get(const argdata_reader_t *r) {
  return r->has_value ? &r->value : NULL;
}
