// Introsort: quicksort with median-of-three (ninther for large arrays)
// pivots and a Hoare partition, which splits runs of equal elements evenly;
// when the recursion gets deeper than 2 log2(n) the range is finished with
// heapsort, so no input takes more than O(n log n) comparisons. Small ranges
// use insertion sort.
#include <stdint.h>
#include <stdlib.h>

typedef int (*compar_r)(const void *, const void *, void *);

static void swap(char *a, char *b, size_t size) {
  if (a == b) return;
  if (size % sizeof(uint64_t) == 0 && ((uintptr_t)a | (uintptr_t)b) % sizeof(uint64_t) == 0) {
    for (size_t i = 0; i < size; i += sizeof(uint64_t)) {
      uint64_t x, y;
      __builtin_memcpy(&x, a + i, sizeof(x));
      __builtin_memcpy(&y, b + i, sizeof(y));
      __builtin_memcpy(a + i, &y, sizeof(y));
      __builtin_memcpy(b + i, &x, sizeof(x));
    }
  } else {
    for (size_t i = 0; i < size; ++i) {
      char t = a[i];
      a[i] = b[i];
      b[i] = t;
    }
  }
}

static char *median3(char *a, char *b, char *c, compar_r cmp, void *arg) {
  if (cmp(a, b, arg) < 0) {
    if (cmp(b, c, arg) < 0) return b;
    return cmp(a, c, arg) < 0 ? c : a;
  }
  if (cmp(a, c, arg) < 0) return a;
  return cmp(b, c, arg) < 0 ? c : b;
}

static void sift_down(char *base, size_t root, size_t n, size_t size, compar_r cmp, void *arg) {
  for (;;) {
    size_t child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size, arg) < 0) ++child;
    if (cmp(base + root * size, base + child * size, arg) >= 0) return;
    swap(base + root * size, base + child * size, size);
    root = child;
  }
}

static void heapsort(char *base, size_t n, size_t size, compar_r cmp, void *arg) {
  for (size_t i = n / 2; i-- > 0;) sift_down(base, i, n, size, cmp, arg);
  for (size_t end = n; end-- > 1;) {
    swap(base, base + end * size, size);
    sift_down(base, 0, end, size, cmp, arg);
  }
}

static void insertion_sort(char *base, size_t n, size_t size, compar_r cmp, void *arg) {
  for (size_t i = 1; i < n; ++i)
    for (char *p = base + i * size; p > base && cmp(p - size, p, arg) > 0; p -= size)
      swap(p - size, p, size);
}

static void introsort(char *base, size_t n, size_t size, compar_r cmp, void *arg,
                      unsigned int depth) {
  while (n > 12) {
    if (depth-- == 0) {
      heapsort(base, n, size, cmp, arg);
      return;
    }
    char *lo = base, *mid = base + (n / 2) * size, *hi = base + (n - 1) * size;
    if (n > 128) {
      size_t step = (n / 8) * size;
      lo = median3(lo, lo + step, lo + 2 * step, cmp, arg);
      mid = median3(mid - step, mid, mid + step, cmp, arg);
      hi = median3(hi - 2 * step, hi - step, hi, cmp, arg);
    }
    swap(base, median3(lo, mid, hi, cmp, arg), size);

    // Hoare partition around the pivot in base[0].
    size_t i = 0, j = n;
    for (;;) {
      do ++i;
      while (i < n && cmp(base + i * size, base, arg) < 0);
      do --j;
      while (j > 0 && cmp(base + j * size, base, arg) > 0);
      if (i >= j) break;
      swap(base + i * size, base + j * size, size);
    }
    swap(base, base + j * size, size);

    // Recurse into the smaller side, loop on the larger one.
    size_t left = j, right = n - j - 1;
    if (left < right) {
      introsort(base, left, size, cmp, arg, depth);
      base += (j + 1) * size;
      n = right;
    } else {
      introsort(base + (j + 1) * size, right, size, cmp, arg, depth);
      n = left;
    }
  }
  insertion_sort(base, n, size, cmp, arg);
}

void qsort_r(void *base, size_t n, size_t size, compar_r cmp, void *arg) {
  if (n < 2 || size == 0) return;
  unsigned int depth = 0;
  for (size_t m = n; m > 1; m >>= 1) depth += 2;
  introsort(base, n, size, cmp, arg, depth);
}

static int call_plain(const void *a, const void *b, void *arg) {
  int (*cmp)(const void *, const void *);
  __builtin_memcpy(&cmp, arg, sizeof(cmp));
  return cmp(a, b);
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  qsort_r(base, n, size, call_plain, &cmp);
}
