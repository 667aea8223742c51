/* The descriptor scanner compiled with a two-level stack and an allocator
 * that always fails, so that it must fall back to re-descending from the
 * root. fd_test.cc checks that it finds exactly what the library's scanner
 * finds. */

#include <stddef.h>
#include <stdlib.h>

static void *failing_malloc(size_t n) {
  (void)n;
  return NULL;
}

static void *failing_realloc(void *p, size_t n) {
  (void)p;
  (void)n;
  return NULL;
}

#define malloc(n) failing_malloc(n)
#define realloc(p, n) failing_realloc(p, n)
#define ARGDATA_SCAN_LOCAL_LEVELS 2
#define __argdata_scan_fds argdata_test_scan_fds_nomem
#include "__argdata_scan_fds.c"
