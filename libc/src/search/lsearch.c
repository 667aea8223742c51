#include <search.h>
#include <string.h>

void *lfind(const void *key, const void *base, size_t *n, size_t size,
            int (*compar)(const void *, const void *)) {
  const char *p = base;
  for (size_t i = 0; i < *n; ++i, p += size)
    if (compar(key, p) == 0) return (void *)p;
  return NULL;
}

void *lsearch(const void *key, void *base, size_t *n, size_t size,
              int (*compar)(const void *, const void *)) {
  void *found = lfind(key, base, n, size, compar);
  if (found != NULL) return found;
  void *slot = (char *)base + *n * size;
  memcpy(slot, key, size);
  ++*n;
  return slot;
}

struct queue_element {
  struct queue_element *next, *prev;
};

void insque(void *element, void *pred) {
  struct queue_element *e = element, *p = pred;
  if (p == NULL) {
    e->next = e->prev = NULL;
    return;
  }
  e->next = p->next;
  e->prev = p;
  p->next = e;
  if (e->next != NULL) e->next->prev = e;
}

void remque(void *element) {
  struct queue_element *e = element;
  if (e->next != NULL) e->next->prev = e->prev;
  if (e->prev != NULL) e->prev->next = e->next;
}
