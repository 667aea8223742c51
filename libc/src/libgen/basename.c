#include <libgen.h>
#include <string.h>

// The last component, without trailing slashes. "" and NULL give ".", a
// path of slashes gives "/".
char *basename(char *path) {
  if (path == NULL || *path == '\0') return (char *)".";
  size_t end = strlen(path);
  while (end > 1 && path[end - 1] == '/') --end;
  if (end == 1 && path[0] == '/') return (char *)"/";
  path[end] = '\0';
  char *slash = strrchr(path, '/');
  return slash != NULL ? slash + 1 : path;
}

// Everything before the last component, without trailing slashes.
char *dirname(char *path) {
  if (path == NULL || *path == '\0') return (char *)".";
  size_t end = strlen(path);
  while (end > 1 && path[end - 1] == '/') --end;
  while (end > 0 && path[end - 1] != '/') --end;  // the last component
  if (end == 0) return (char *)".";
  while (end > 1 && path[end - 1] == '/') --end;
  path[end] = '\0';
  return path;
}
