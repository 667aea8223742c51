#include <string.h>

char *strstr(const char *haystack, const char *needle) {
  size_t nlen = strlen(needle);
  if (nlen == 0) return (char *)haystack;
  // Only the part of the haystack from the first candidate onwards matters.
  const char *first = strchr(haystack, needle[0]);
  if (first == NULL) return NULL;
  return memmem(first, strlen(first), needle, nlen);
}
