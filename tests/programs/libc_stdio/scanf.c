// Unit tests of the scanf family.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../libc_support/libc_check.h"

TEST(numbers) {
  int a, b;
  CHECK_EQ(sscanf("12 -34", "%d%d", &a, &b), 2);
  CHECK_EQ(a, 12);
  CHECK_EQ(b, -34);
  CHECK_EQ(sscanf("0x1f 017 9", "%i %i %i", &a, &b, &a), 3);
  CHECK_EQ(b, 15);
  CHECK_EQ(a, 9);
  unsigned u;
  CHECK_EQ(sscanf("ff", "%x", &u), 1);
  CHECK_EQ(u, 255);
  CHECK_EQ(sscanf("12345", "%3d%d", &a, &b), 2);
  CHECK_EQ(a, 123);
  CHECK_EQ(b, 45);
  long long ll;
  CHECK_EQ(sscanf("-9223372036854775808", "%lld", &ll), 1);
  CHECK(ll == LLONG_MIN);
  signed char c;
  short s;
  CHECK_EQ(sscanf("300 70000", "%hhd %hd", &c, &s), 2);
  CHECK_EQ(c, 44);
  CHECK_EQ(s, 4464);
  double d;
  float f;
  long double ld;
  CHECK_EQ(sscanf("0.1 2.5e3 0x1p-2", "%lf %f %Lf", &d, &f, &ld), 3);
  CHECK(d == 0.1);
  CHECK(f == 2500.0f);
  CHECK(ld == 0.25L);
  CHECK_EQ(sscanf("inf -nan", "%lf %lf", &d, &d), 2);
  CHECK(d != d);
  void *p;
  CHECK_EQ(sscanf("0x1234", "%p", &p), 1);
  CHECK(p == (void *)0x1234);
}

TEST(failures) {
  int a = 7, b = 7;
  CHECK_EQ(sscanf("", "%d", &a), EOF);
  CHECK_EQ(sscanf("   ", "%d", &a), EOF);
  CHECK_EQ(sscanf("x", "%d", &a), 0);
  CHECK_EQ(a, 7);
  CHECK_EQ(sscanf("1 x", "%d %d", &a, &b), 1);
  CHECK_EQ(sscanf("1", "%d %d", &a, &b), 1);
  double d;
  CHECK_EQ(sscanf("1e+", "%lf", &d), 0);  // incomplete number
  CHECK_EQ(sscanf("-", "%d", &a), 0);
  CHECK_EQ(sscanf("abc", "abd%d", &a), 0);
}

TEST(strings_and_sets) {
  char w1[16], w2[16];
  CHECK_EQ(sscanf("  hello world", "%s %s", w1, w2), 2);
  CHECK_STREQ(w1, "hello");
  CHECK_STREQ(w2, "world");
  CHECK_EQ(sscanf("abcdef", "%3s%s", w1, w2), 2);
  CHECK_STREQ(w1, "abc");
  CHECK_EQ(sscanf("key=value;", "%[^=]=%[^;]", w1, w2), 2);
  CHECK_STREQ(w1, "key");
  CHECK_STREQ(w2, "value");
  CHECK_EQ(sscanf("]]x", "%[]]", w1), 1);
  CHECK_STREQ(w1, "]]");
  CHECK_EQ(sscanf("a-z", "%[a-]", w1), 1);
  CHECK_STREQ(w1, "a-");
  char c[3];
  CHECK_EQ(sscanf(" xyz", "%c%2c", c, c + 1), 2);
  CHECK_EQ(c[0], ' ');
  CHECK_EQ(c[1], 'x');
  CHECK_EQ(c[2], 'y');
  int n1, n2, x;
  CHECK_EQ(sscanf("abc 42", "abc%n %d%n", &n1, &x, &n2), 1);
  CHECK_EQ(n1, 3);
  CHECK_EQ(n2, 6);
  CHECK_EQ(sscanf("100%", "%d%%", &x), 1);
  char *m;
  CHECK_EQ(sscanf("allocated!", "%ms", &m), 1);
  CHECK_STREQ(m, "allocated!");
  free(m);
  CHECK_EQ(sscanf("skip 5", "%*s %d", &x), 1);
  CHECK_EQ(x, 5);
  CHECK_EQ(sscanf("7 8", "%2$d %1$d", &n1, &n2), 2);
  CHECK_EQ(n1, 8);
  CHECK_EQ(n2, 7);
}

TEST(fscanf_from_stream) {
  FILE *f = tmpfile();
  fputs("1 2 3\nfour", f);
  rewind(f);
  int a, b, c;
  CHECK_EQ(fscanf(f, "%d %d %d", &a, &b, &c), 3);
  char w[8];
  CHECK_EQ(fscanf(f, "%s", w), 1);
  CHECK_STREQ(w, "four");
  CHECK_EQ(fscanf(f, "%s", w), EOF);
  fclose(f);
}
