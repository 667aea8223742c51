#include <string.h>

size_t strnlen(const char *s, size_t maxlen) {
  const char *end = memchr(s, '\0', maxlen);
  return end == NULL ? maxlen : (size_t)(end - s);
}
