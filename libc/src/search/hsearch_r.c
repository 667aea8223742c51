// Hash tables with open addressing (linear probing) over a power-of-two
// number of slots, twice the requested capacity. hsearch_r(ENTER) fails with
// ENOMEM once the table holds the capacity given to hcreate_r().
#include <errno.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

struct __hsearch {
  size_t mask, used, capacity;
  ENTRY entries[];
};

static size_t hash(const char *s) {
  // FNV-1a.
  size_t h = 14695981039346656037u;
  for (; *s != '\0'; ++s) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

int hcreate_r(size_t nel, struct hsearch_data *table) {
  size_t slots = 16;
  while (slots < 2 * nel) {
    if (slots > SIZE_MAX / 4 / sizeof(ENTRY)) {
      errno = ENOMEM;
      return 0;
    }
    slots *= 2;
  }
  struct __hsearch *h = calloc(1, sizeof(*h) + slots * sizeof(ENTRY));
  if (h == NULL) return 0;
  h->mask = slots - 1;
  h->capacity = nel > 0 ? nel : 1;
  table->__hsearch = h;
  return 1;
}

void hdestroy_r(struct hsearch_data *table) {
  free(table->__hsearch);
  table->__hsearch = NULL;
}

int hsearch_r(ENTRY item, ACTION action, ENTRY **result, struct hsearch_data *table) {
  struct __hsearch *h = table->__hsearch;
  for (size_t i = hash(item.key) & h->mask;; i = (i + 1) & h->mask) {
    ENTRY *e = &h->entries[i];
    if (e->key == NULL) {
      if (action == FIND || h->used >= h->capacity) {
        *result = NULL;
        errno = action == FIND ? ESRCH : ENOMEM;
        return 0;
      }
      *e = item;
      ++h->used;
      *result = e;
      return 1;
    }
    if (strcmp(e->key, item.key) == 0) {
      *result = e;
      return 1;
    }
  }
}
