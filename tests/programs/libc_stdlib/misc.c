// Unit tests of the rest of stdlib.h: sorting and searching, integer
// arithmetic, random numbers, the environment and radix-64 numbers.
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../libc_support/libc_check.h"

static size_t comparisons;

static int compare_int(const void *a, const void *b) {
  ++comparisons;
  int x = *(const int *)a, y = *(const int *)b;
  return x < y ? -1 : x > y;
}

static int compare_mod(const void *a, const void *b, void *arg) {
  int m = *(int *)arg;
  int x = *(const int *)a % m, y = *(const int *)b % m;
  return x < y ? -1 : x > y;
}

static void check_sorted(const int *v, size_t n) {
  for (size_t i = 1; i < n; ++i) CHECK(v[i - 1] <= v[i]);
}

TEST(qsort_sorts) {
  enum { N = 100000 };
  static int v[N];
  for (size_t n = 0; n < 50; ++n) {
    for (size_t i = 0; i < n; ++i) v[i] = (int)arc4random_uniform(10);
    qsort(v, n, sizeof(int), compare_int);
    check_sorted(v, n);
  }
  for (size_t i = 0; i < N; ++i) v[i] = (int)arc4random();
  qsort(v, N, sizeof(int), compare_int);
  check_sorted(v, N);
  // Odd element sizes take the bytewise path.
  char names[5][3] = {"dd", "bb", "ee", "aa", "cc"};
  qsort(names, 5, 3, (int (*)(const void *, const void *))strcmp);
  CHECK_STREQ(names[0], "aa");
  CHECK_STREQ(names[4], "ee");
  int m = 10;
  for (size_t i = 0; i < 1000; ++i) v[i] = (int)i;
  qsort_r(v, 1000, sizeof(int), compare_mod, &m);
  for (size_t i = 1; i < 1000; ++i) CHECK(v[i - 1] % 10 <= v[i] % 10);
}

TEST(qsort_is_not_quadratic) {
  // Inputs that defeat simple pivot choices: sorted, reversed, all equal,
  // organ pipe and sawtooth. n log2 n is about 1.7 million comparisons.
  enum { N = 100000 };
  static int v[N];
  for (int pattern = 0; pattern < 5; ++pattern) {
    for (int i = 0; i < N; ++i) {
      switch (pattern) {
        case 0:
          v[i] = i;
          break;
        case 1:
          v[i] = N - i;
          break;
        case 2:
          v[i] = 7;
          break;
        case 3:
          v[i] = i < N / 2 ? i : N - i;
          break;
        case 4:
          v[i] = i % 1000;
          break;
      }
    }
    comparisons = 0;
    qsort(v, N, sizeof(int), compare_int);
    check_sorted(v, N);
    CHECK(comparisons < 10000000);
  }
}

TEST(bsearch_finds) {
  int v[100];
  for (int i = 0; i < 100; ++i) v[i] = 2 * i;
  for (int k = -1; k < 201; ++k) {
    int *p = bsearch(&k, v, 100, sizeof(int), compare_int);
    if (k >= 0 && k % 2 == 0 && k < 200)
      CHECK(p != NULL && *p == k);
    else
      CHECK(p == NULL);
  }
  int k = 0;
  CHECK(bsearch(&k, v, 0, sizeof(int), compare_int) == NULL);
}

TEST(integer_arithmetic) {
  CHECK_EQ(abs(-5), 5);
  CHECK_EQ(labs(-5L), 5);
  CHECK_EQ(llabs(LLONG_MIN + 1), LLONG_MAX);
  CHECK_EQ(imaxabs(-3), 3);
  div_t d = div(-7, 2);
  CHECK_EQ(d.quot, -3);
  CHECK_EQ(d.rem, -1);
  ldiv_t ld = ldiv(7L, -2L);
  CHECK_EQ(ld.quot, -3);
  CHECK_EQ(ld.rem, 1);
  lldiv_t lld = lldiv(100LL, 7LL);
  CHECK_EQ(lld.quot, 14);
  CHECK_EQ(lld.rem, 2);
  imaxdiv_t id = imaxdiv(-100, -7);
  CHECK_EQ(id.quot, 14);
  CHECK_EQ(id.rem, -2);
}

TEST(random_numbers) {
  // Not a statistical test: values vary and stay within their ranges.
  uint32_t a = arc4random(), b = arc4random(), c = arc4random();
  CHECK(a != b || b != c);
  unsigned counts[10] = {0};
  for (int i = 0; i < 100000; ++i) {
    uint32_t r = arc4random_uniform(10);
    CHECK(r < 10);
    ++counts[r];
  }
  for (int i = 0; i < 10; ++i) CHECK(counts[i] > 9000 && counts[i] < 11000);
  CHECK_EQ(arc4random_uniform(0), 0);
  CHECK_EQ(arc4random_uniform(1), 0);
  // Large buffers cross the reseed boundary.
  static unsigned char buf[3 << 20];
  arc4random_buf(buf, sizeof(buf));
  size_t zeros = 0;
  for (size_t i = 0; i < sizeof(buf); ++i) zeros += buf[i] == 0;
  CHECK(zeros > sizeof(buf) / 512 && zeros < sizeof(buf) / 128);
  for (int i = 0; i < 1000; ++i) {
    CHECK(rand() >= 0);
    CHECK(random() >= 0);
    CHECK(lrand48() >= 0);
    double x = drand48();
    CHECK(x >= 0.0 && x < 1.0);
  }
}

TEST(rand48_with_state_is_deterministic) {
  // The sequence of the standard 48-bit generator from X = 0x1234abcd330e.
  unsigned short x[3] = {0x330e, 0xabcd, 0x1234};
  uint64_t v = 0x1234abcd330e;
  for (int i = 0; i < 10; ++i) {
    v = (v * 0x5deece66d + 0xb) & 0xffffffffffff;
    CHECK_EQ(nrand48(x), (long)(v >> 17));
  }
  unsigned short y[3] = {1, 2, 3};
  v = 0x000300020001;
  v = (v * 0x5deece66d + 0xb) & 0xffffffffffff;
  CHECK_EQ(jrand48(y), (long)(int32_t)(v >> 16));
  v = (v * 0x5deece66d + 0xb) & 0xffffffffffff;
  CHECK(erand48(y) == (double)v / 281474976710656.0);
}

TEST(environment) {
  CHECK(getenv("PATH") == NULL);
  CHECK(getenv("") == NULL);
}

TEST(subopts) {
  char opts[] = "ro,size=10,bogus,rw";
  char *p = opts, *value;
  char *const tokens[] = {"ro", "rw", "size", NULL};
  CHECK_EQ(getsubopt(&p, tokens, &value), 0);
  CHECK(value == NULL);
  CHECK_EQ(getsubopt(&p, tokens, &value), 2);
  CHECK_STREQ(value, "10");
  CHECK_EQ(getsubopt(&p, tokens, &value), -1);
  CHECK_STREQ(value, "bogus");
  CHECK_EQ(getsubopt(&p, tokens, &value), 1);
  CHECK_EQ(*p, '\0');
}

TEST(radix64) {
  char buf[8];
  CHECK_EQ(l64a_r(0, buf, sizeof(buf)), 0);
  CHECK_STREQ(buf, "");
  CHECK_EQ(l64a_r(64, buf, sizeof(buf)), 0);
  CHECK_STREQ(buf, "./");  // least significant digit first
  CHECK_EQ(a64l("./"), 64);
  CHECK_EQ(a64l("0"), 2);
  for (long v = 1; v < 0x7fffffff; v = v * 3 + 1) {
    CHECK_EQ(l64a_r(v, buf, sizeof(buf)), 0);
    CHECK_EQ(a64l(buf), v);
  }
  CHECK_EQ(l64a_r(0x7fffffff, buf, 3), -1);
}
