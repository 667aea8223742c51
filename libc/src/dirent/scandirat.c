#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirent_impl.h"

int alphasort(const struct dirent **a, const struct dirent **b) {
  return strcoll((*a)->d_name, (*b)->d_name);
}

int versionsort(const struct dirent **a, const struct dirent **b) {
  return strverscmp((*a)->d_name, (*b)->d_name);
}

int scandirat(int dirfd, const char *path, struct dirent ***namelist,
              int (*filter)(const struct dirent *),
              int (*compar)(const struct dirent **, const struct dirent **)) {
  DIR *d = opendirat(dirfd, path);
  if (d == NULL) return -1;
  struct dirent **list = NULL;
  size_t n = 0, size = 0;
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d)) != NULL) {
    if (filter != NULL && !filter(e)) continue;
    if (n == size) {
      size = size < 16 ? 16 : size * 2;
      struct dirent **grown = reallocarray(list, size, sizeof(*list));
      if (grown == NULL) goto fail;
      list = grown;
    }
    size_t len = sizeof(struct dirent) + strlen(e->d_name) + 1;
    struct dirent *copy = malloc(len);
    if (copy == NULL) goto fail;
    memcpy(copy, e, len);
    list[n++] = copy;
    errno = 0;
  }
  if (errno != 0) goto fail;
  closedir(d);
  if (compar != NULL) qsort(list, n, sizeof(*list), (int (*)(const void *, const void *))compar);
  *namelist = list;
  return (int)n;
fail : {
  int saved = errno;
  while (n > 0) free(list[--n]);
  free(list);
  closedir(d);
  errno = saved;
  return -1;
}
}
