// Unit tests of string.h and strings.h.
#define _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "../libc_support/libc_check.h"

TEST(memory_functions) {
  char buf[32];
  memset(buf, 'x', sizeof(buf));
  CHECK(memchr(buf, 'y', sizeof(buf)) == NULL);
  buf[20] = 'y';
  CHECK(memchr(buf, 'y', sizeof(buf)) == buf + 20);
  CHECK(memchr(buf, 'y', 20) == NULL);
  CHECK(memrchr("abcabc", 'b', 6) != NULL);
  CHECK_EQ((const char *)memrchr("abcabc", 'b', 6) - "abcabc", 4);
  CHECK(memrchr("abc", 'z', 3) == NULL);
  CHECK(memcmp("abc", "abd", 3) < 0);
  CHECK(memcmp("abd", "abc", 3) > 0);
  CHECK(memcmp("\xff", "\x01", 1) > 0);  // bytes compare unsigned
  CHECK_EQ(memcmp("abc", "abd", 2), 0);
  char dst[16] = {0};
  CHECK(memccpy(dst, "hello world", ' ', sizeof(dst)) == dst + 6);
  CHECK_EQ(memcmp(dst, "hello ", 6), 0);
  CHECK(memccpy(dst, "abc", 'z', 3) == NULL);
  char overlap[] = "0123456789";
  memmove(overlap + 2, overlap, 5);
  CHECK_STREQ(overlap, "0101234789");
  memmove(overlap, overlap + 3, 5);
  CHECK_STREQ(overlap, "1234734789");
  CHECK(memmem("hello", 5, "ll", 2) != NULL);
  CHECK_EQ((const char *)memmem("hello", 5, "lo", 2) - "hello", 3);
  CHECK(memmem("hello", 5, "", 0) != NULL);
  CHECK(memmem("hello", 5, "lox", 3) == NULL);
  CHECK(memmem("aaabaaab", 8, "aab", 3) != NULL);
}

TEST(memmem_is_linear) {
  // A needle and haystack that make naive search quadratic.
  size_t n = 1 << 20, m = 1 << 12;
  char *h = malloc(n), *x = malloc(m);
  CHECK(h != NULL && x != NULL);
  memset(h, 'a', n);
  memset(x, 'a', m);
  x[m - 1] = 'b';
  CHECK(memmem(h, n, x, m) == NULL);
  h[n - 1] = 'b';
  CHECK(memmem(h, n, x, m) == h + n - m);
  free(h);
  free(x);
}

TEST(string_search) {
  const char *s = "hello, world";
  CHECK(strchr(s, 'o') == s + 4);
  CHECK(strchr(s, '\0') == s + 12);
  CHECK(strchr(s, 'z') == NULL);
  CHECK(strrchr(s, 'o') == s + 8);
  CHECK(strrchr(s, '\0') == s + 12);
  CHECK(strstr(s, "world") == s + 7);
  CHECK(strstr(s, "") == s);
  CHECK(strstr(s, "worlds") == NULL);
  CHECK(strpbrk(s, " ,") == s + 5);
  CHECK(strpbrk(s, "xyz") == NULL);
  CHECK_EQ(strspn(s, "ehl"), 4);
  CHECK_EQ(strcspn(s, ",w"), 5);
  CHECK_EQ(strcspn(s, ""), 12);
  CHECK_EQ(strspn("\xff\xfe", "\xfe\xff"), 2);
}

TEST(string_compare) {
  CHECK(strcmp("a", "b") < 0);
  CHECK(strcmp("b", "a") > 0);
  CHECK_EQ(strcmp("abc", "abc"), 0);
  CHECK(strcmp("ab", "abc") < 0);
  CHECK(strcmp("\x80", "a") > 0);
  CHECK_EQ(strncmp("abcd", "abce", 3), 0);
  CHECK(strncmp("abcd", "abce", 4) < 0);
  CHECK_EQ(strncmp("x", "y", 0), 0);
  CHECK_EQ(strcasecmp("Hello", "hELLO"), 0);
  CHECK(strcasecmp("a", "B") < 0);
  CHECK_EQ(strncasecmp("ABCx", "abcy", 3), 0);
  CHECK_EQ(strcoll("a", "a"), 0);
  CHECK(strcoll("a", "b") < 0);
  char buf[8];
  CHECK_EQ(strxfrm(buf, "abc", sizeof(buf)), 3);
  CHECK_STREQ(buf, "abc");
  CHECK_EQ(strxfrm(NULL, "abcdef", 0), 6);
}

TEST(strverscmp_orders_versions) {
  // The ordering documented for GNU strverscmp.
  const char *order[] = {"000", "00", "01", "010", "09", "0", "1", "9", "10"};
  for (size_t i = 0; i + 1 < sizeof(order) / sizeof(order[0]); ++i) {
    CHECK(strverscmp(order[i], order[i + 1]) < 0);
    CHECK(strverscmp(order[i + 1], order[i]) > 0);
  }
  CHECK(strverscmp("libfoo-1.2.9", "libfoo-1.2.10") < 0);
  CHECK_EQ(strverscmp("abc", "abc"), 0);
  CHECK(strverscmp("a", "b") < 0);
}

TEST(copying) {
  char buf[8];
  CHECK_EQ(strlcpy(buf, "hello world", sizeof(buf)), 11);
  CHECK_STREQ(buf, "hello w");
  CHECK_EQ(strlcpy(buf, "hi", sizeof(buf)), 2);
  CHECK_STREQ(buf, "hi");
  CHECK_EQ(strlcat(buf, "there", sizeof(buf)), 7);
  CHECK_STREQ(buf, "hithere");
  CHECK_EQ(strlcat(buf, "!", sizeof(buf)), 8);
  CHECK_STREQ(buf, "hithere");
  CHECK_EQ(strlcpy(buf, "x", 0), 1);
  char unterminated[4] = {'a', 'b', 'c', 'd'};
  CHECK_EQ(strlcat(unterminated, "xyz", sizeof(unterminated)), 7);
  CHECK_EQ(unterminated[3], 'd');

  char pad[8];
  memset(pad, 'x', sizeof(pad));
  CHECK(stpncpy(pad, "abc", 6) == pad + 3);
  CHECK_EQ(memcmp(pad, "abc\0\0\0xx", 8), 0);
  CHECK(stpncpy(pad, "abcdefgh", 4) == pad + 4);
  CHECK(strncpy(pad, "z", 2) == pad);
  CHECK_EQ(memcmp(pad, "z\0cd", 4), 0);

  char big[32];
  CHECK(strcpy(big, "abc") == big);
  CHECK(stpcpy(big + 3, "def") == big + 6);
  CHECK(strcat(big, "gh") == big);
  CHECK(strncat(big, "ijklmn", 2) == big);
  CHECK_STREQ(big, "abcdefghij");
}

TEST(duplicating) {
  char *d = strdup("hello");
  CHECK_STREQ(d, "hello");
  free(d);
  d = strndup("hello", 3);
  CHECK_STREQ(d, "hel");
  free(d);
  d = strndup("hi", 10);
  CHECK_STREQ(d, "hi");
  free(d);
  CHECK_EQ(strnlen("hello", 3), 3);
  CHECK_EQ(strnlen("hello", 30), 5);
  CHECK_EQ(strlen(""), 0);
}

TEST(tokenizing) {
  char s1[] = "a,b,,c";
  char *p = s1;
  CHECK_STREQ(strsep(&p, ","), "a");
  CHECK_STREQ(strsep(&p, ","), "b");
  CHECK_STREQ(strsep(&p, ","), "");
  CHECK_STREQ(strsep(&p, ","), "c");
  CHECK(p == NULL);
  CHECK(strsep(&p, ",") == NULL);

  char s2[] = "  one two  three ";
  char *state;
  CHECK_STREQ(strtok_r(s2, " ", &state), "one");
  CHECK_STREQ(strtok_r(NULL, " ", &state), "two");
  CHECK_STREQ(strtok_r(NULL, " ", &state), "three");
  CHECK(strtok_r(NULL, " ", &state) == NULL);
  char s3[] = "   ";
  CHECK(strtok_r(s3, " ", &state) == NULL);
}

TEST(messages) {
  CHECK_STREQ(strerror(ENOENT), "No such file or directory");
  CHECK_STREQ(strerror(ENOTCAPABLE), "Capabilities insufficient");
  CHECK_STREQ(strerror(0), "Success");
  CHECK_STREQ(strerror(-1), "Unknown error");
  CHECK_STREQ(strerror(12345), "Unknown error");
  char buf[64];
  CHECK_EQ(strerror_r(EINVAL, buf, sizeof(buf)), 0);
  CHECK_STREQ(buf, "Invalid argument");
  CHECK_EQ(strerror_r(EINVAL, buf, 4), ERANGE);
  CHECK_STREQ(buf, "Inv");
  CHECK_EQ(strerror_r(9999, buf, sizeof(buf)), EINVAL);
  // Every errno value has its own message.
  for (int i = 1; i <= ENOTCAPABLE; ++i) {
    CHECK(strcmp(strerror(i), "Unknown error") != 0);
    for (int j = 1; j < i; ++j) CHECK(strcmp(strerror(i), strerror(j)) != 0);
  }
  CHECK_STREQ(strsignal(1), "Process abort signal");
  CHECK_STREQ(strsignal(0), "Unknown signal");
  CHECK_STREQ(strsignal(100), "Unknown signal");
}

TEST(ffs_family) {
  CHECK_EQ(ffs(0), 0);
  CHECK_EQ(ffs(1), 1);
  CHECK_EQ(ffs(0x80), 8);
  CHECK_EQ(ffs((int)0x80000000), 32);
  CHECK_EQ(ffsl(1L << 40), 41);
  CHECK_EQ(ffsll(1LL << 63), 64);
}

// strlen, memchr and strchr read whole aligned blocks: at the end of a
// mapping followed by an inaccessible page they must neither fault nor read
// a wrong result, whatever the string's alignment and length.
TEST(reads_stop_at_the_page_end) {
  size_t page = 4096;
  unsigned char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
  CHECK(map != MAP_FAILED);
  CHECK_EQ(mprotect(map + page, page, PROT_NONE), 0);
  char *end = (char *)map + page;
  for (size_t len = 0; len < 200; ++len) {
    char *s = end - len - 1;
    memset(s, 'x', len);
    s[len] = '\0';
    CHECK_EQ(strlen(s), len);
    CHECK(strchr(s, 'y') == NULL);
    CHECK(memchr(s, 'y', len + 1) == NULL);
    CHECK(memchr(s, '\0', len + 1) == s + len);
  }
  // Copies that end at the page end.
  static char src[300];
  for (size_t i = 0; i < sizeof(src); ++i) src[i] = (char)i;
  for (size_t len = 0; len < 300; ++len) {
    memcpy(end - len, src, len);
    CHECK_EQ(memcmp(end - len, src, len), 0);
    memmove(end - len, end - len - 7, len);  // overlapping, towards the end
    memset(end - len, 'z', len);
    CHECK(len == 0 || end[-1] == 'z');
  }
  CHECK_EQ(munmap(map, 2 * page), 0);
}
