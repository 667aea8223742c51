#include <stdlib.h>
#include <string.h>

// There is no environment: environ is an empty list that cannot be changed
// (there are no setters), and getenv() never finds anything.
static char *const empty_environment[] = {NULL};
char **environ = (char **)empty_environment;

char *getenv(const char *name) {
  size_t len = strlen(name);
  for (char **e = environ; *e != NULL; ++e)
    if (strncmp(*e, name, len) == 0 && (*e)[len] == '=') return *e + len + 1;
  return NULL;
}
