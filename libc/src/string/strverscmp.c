#include <string.h>

#define VERSCMP_NAME compare
#define VERSCMP_CHAR unsigned char
#include "verscmp.h"

int strverscmp(const char *a, const char *b) {
  return compare((const unsigned char *)a, (const unsigned char *)b);
}
