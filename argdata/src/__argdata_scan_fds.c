#include <stdlib.h>
#include <string.h>

#include "argdata_impl.h"

/* The scan keeps, for every container it is inside of, the offset where that
 * container ends. The first levels live on the stack, deeper ones in a heap
 * array. If the heap array cannot grow, the end of an ancestor is recomputed
 * by descending from the root again: slower, but never wrong. */

#ifndef ARGDATA_SCAN_LOCAL_LEVELS
#define ARGDATA_SCAN_LOCAL_LEVELS 32
#endif

/* Returns the end offset of the container at nesting level `level' (0 is the
 * root) that contains offset `target'. */
static size_t find_container_end(const unsigned char *buf, size_t len, size_t target,
                                 size_t level) {
  size_t end = len;
  const unsigned char *pos = buf + 1;
  size_t remaining = len - 1;
  for (size_t d = 0; d < level; ++d) {
    const unsigned char *value;
    size_t value_len;
    while (__argdata_read_subfield(&pos, &remaining, &value, &value_len)) {
      size_t value_end = (size_t)(value - buf) + value_len;
      if (target < value_end) {
        end = value_end;
        pos = value + 1;
        remaining = value_len - 1;
        break;
      }
    }
  }
  return end;
}

void __argdata_scan_fds(const unsigned char *buf, size_t len, __argdata_fd_visitor *visit,
                        void *ctx) {
  if (len == 0) return;
  if (buf[0] == ADT_FD) {
    if (len == 5) visit(ctx, 1);
    return;
  }
  if (buf[0] != ADT_MAP && buf[0] != ADT_SEQ) return;

  size_t local[ARGDATA_SCAN_LOCAL_LEVELS];
  size_t *ends = local;
  size_t capacity = ARGDATA_SCAN_LOCAL_LEVELS;
  size_t depth = 0; /* number of enclosing containers saved */
  size_t pos = 1, end = len;

  for (;;) {
    if (pos == end) {
      if (depth == 0) break;
      --depth;
      size_t inner_end = end;
      pos = inner_end;
      end = depth < capacity ? ends[depth] : find_container_end(buf, len, inner_end - 1, depth);
      continue;
    }

    const unsigned char *cursor = buf + pos, *value;
    size_t remaining = end - pos, value_len;
    if (!__argdata_read_subfield(&cursor, &remaining, &value, &value_len)) {
      /* Corrupt tail: readers stop here too. */
      pos = end;
      continue;
    }
    size_t value_start = (size_t)(value - buf);
    pos = value_start + value_len;
    if (value_len == 0) continue;

    unsigned char tag = buf[value_start];
    if (tag == ADT_FD && value_len == 5) {
      visit(ctx, value_start + 1);
    } else if ((tag == ADT_MAP || tag == ADT_SEQ) && value_len > 1) {
      if (depth == capacity) {
        size_t *grown;
        if (ends == local) {
          grown = malloc(2 * capacity * sizeof(*grown));
          if (grown != NULL) memcpy(grown, local, sizeof(local));
        } else {
          grown = capacity <= SIZE_MAX / 2 / sizeof(*grown)
                      ? realloc(ends, 2 * capacity * sizeof(*grown))
                      : NULL;
        }
        if (grown != NULL) {
          ends = grown;
          capacity *= 2;
        }
      }
      if (depth < capacity) ends[depth] = end;
      ++depth;
      end = pos;
      pos = value_start + 1;
    }
  }

  if (ends != local) free(ends);
}
