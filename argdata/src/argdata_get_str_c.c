#include <errno.h>

#include "argdata_impl.h"

int argdata_get_str_c(const argdata_t *ad, const char **str) {
  const char *s;
  size_t len;
  int error = argdata_get_str(ad, &s, &len);
  if (error != 0) return error;
  for (size_t i = 0; i < len; ++i) {
    if (s[i] == '\0') return EILSEQ;
  }
  *str = s;
  return 0;
}
