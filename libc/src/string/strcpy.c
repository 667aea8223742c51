// The unsafe copying functions; string.h declares them only under
// _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS, bound to these reserved names.
#include <string.h>

char *__stpcpy(char *restrict, const char *restrict);
char *__strcat(char *restrict, const char *restrict);
char *__strcpy(char *restrict, const char *restrict);
char *__strncat(char *restrict, const char *restrict, size_t);

char *__stpcpy(char *restrict dst, const char *restrict src) {
  size_t len = strlen(src);
  memcpy(dst, src, len + 1);
  return dst + len;
}

char *__strcpy(char *restrict dst, const char *restrict src) {
  __stpcpy(dst, src);
  return dst;
}

char *__strcat(char *restrict dst, const char *restrict src) {
  __stpcpy(dst + strlen(dst), src);
  return dst;
}

char *__strncat(char *restrict dst, const char *restrict src, size_t n) {
  char *end = dst + strlen(dst);
  size_t len = strnlen(src, n);
  memcpy(end, src, len);
  end[len] = '\0';
  return dst;
}
