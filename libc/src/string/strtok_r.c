#include <string.h>

char *strtok_r(char *restrict s, const char *restrict delim, char **restrict state) {
  if (s == NULL) s = *state;
  if (s == NULL) return NULL;
  s += strspn(s, delim);
  if (*s == '\0') {
    *state = NULL;
    return NULL;
  }
  char *end = s + strcspn(s, delim);
  if (*end == '\0') {
    *state = NULL;
  } else {
    *end = '\0';
    *state = end + 1;
  }
  return s;
}
