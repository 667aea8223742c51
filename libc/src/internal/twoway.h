// The two-way string matching algorithm of Crochemore and Perrin: linear
// time, constant space. Include with TWOWAY_NAME (the function to define) and
// TWOWAY_CHAR (the element type) defined. The function returns a pointer to
// the first occurrence of n[0..m) in h[0..len), or NULL.
#include <stdbool.h>
#include <stddef.h>

static const TWOWAY_CHAR *TWOWAY_NAME(const TWOWAY_CHAR *h, size_t len, const TWOWAY_CHAR *x,
                                      size_t m) {
  // Maximal suffixes for the two orderings; the later one is the critical
  // factorization of the needle.
  ptrdiff_t ell, per;
  {
    ptrdiff_t ms[2], p[2];
    for (int rev = 0; rev < 2; ++rev) {
      ptrdiff_t s = -1, j = 0, k = 1, q = 1;
      while (j + k < (ptrdiff_t)m) {
        TWOWAY_CHAR a = x[j + k], b = x[s + k];
        if (rev ? a > b : a < b) {
          j += k;
          k = 1;
          q = j - s;
        } else if (a == b) {
          if (k != q) {
            ++k;
          } else {
            j += q;
            k = 1;
          }
        } else {
          s = j;
          j = s + 1;
          k = q = 1;
        }
      }
      ms[rev] = s;
      p[rev] = q;
    }
    if (ms[0] > ms[1]) {
      ell = ms[0];
      per = p[0];
    } else {
      ell = ms[1];
      per = p[1];
    }
  }

  ptrdiff_t n = (ptrdiff_t)len, mm = (ptrdiff_t)m;
  // Is the needle's prefix up to the critical position periodic with per?
  bool periodic = per <= mm;
  for (ptrdiff_t i = 0; periodic && i <= ell; ++i)
    if (i + per >= mm || x[i] != x[i + per]) periodic = false;
  if (periodic) {
    ptrdiff_t j = 0, memory = -1;
    while (j <= n - mm) {
      ptrdiff_t i = (ell > memory ? ell : memory) + 1;
      while (i < mm && x[i] == h[i + j]) ++i;
      if (i >= mm) {
        i = ell;
        while (i > memory && x[i] == h[i + j]) --i;
        if (i <= memory) return h + j;
        j += per;
        memory = mm - per - 1;
      } else {
        j += i - ell;
        memory = -1;
      }
    }
  } else {
    per = (ell + 1 > mm - ell - 1 ? ell + 1 : mm - ell - 1) + 1;
    ptrdiff_t j = 0;
    while (j <= n - mm) {
      ptrdiff_t i = ell + 1;
      while (i < mm && x[i] == h[i + j]) ++i;
      if (i >= mm) {
        i = ell;
        while (i >= 0 && x[i] == h[i + j]) --i;
        if (i < 0) return h + j;
        j += per;
      } else {
        j += i - ell;
      }
    }
  }
  return NULL;
}
