#include "argdata_impl.h"

bool __argdata_read_subfield(const unsigned char **pos, size_t *remaining,
                             const unsigned char **value, size_t *value_len) {
  const unsigned char *p = *pos;
  size_t left = *remaining;

  /* A leading zero group would make the encoding overlong. */
  if (left == 0 || *p == 0x00) return false;

  size_t len = 0;
  for (;;) {
    if (left == 0) return false;
    unsigned char byte = *p++;
    --left;
    if (len > (SIZE_MAX >> 7)) return false;
    len = len << 7 | (size_t)(byte & 0x7f);
    if ((byte & 0x80) != 0) break;
  }
  if (len > left) return false;

  *value = p;
  *value_len = len;
  *pos = p + len;
  *remaining = left - len;
  return true;
}

size_t __argdata_varint_size(size_t value) {
  size_t size = 1;
  while ((value >>= 7) != 0) ++size;
  return size;
}

unsigned char *__argdata_varint_put(unsigned char *out, size_t value) {
  size_t size = __argdata_varint_size(value);
  for (size_t i = size; i-- > 0;) {
    out[i] = (unsigned char)(value & 0x7f);
    value >>= 7;
  }
  out[size - 1] |= 0x80;
  return out + size;
}
