// Unit tests of the strtol() family and the ato*() functions.
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <wchar.h>

#include "../libc_support/libc_check.h"

TEST(bases) {
  char *end;
  CHECK_EQ(strtol("123", &end, 10), 123);
  CHECK_EQ(*end, '\0');
  CHECK_EQ(strtol("  -0x1F", &end, 16), -31);
  CHECK_EQ(strtol("0x1F", &end, 0), 31);
  CHECK_EQ(strtol("017", &end, 0), 15);
  CHECK_EQ(strtol("0", &end, 0), 0);
  CHECK_EQ(*end, '\0');
  CHECK_EQ(strtol("z", &end, 36), 35);
  CHECK_EQ(strtol("101", &end, 2), 5);
  CHECK_EQ(strtol("1012", &end, 2), 5);
  CHECK_EQ(*end, '2');
  const char *s = "0xg";
  CHECK_EQ(strtol(s, &end, 16), 0);
  CHECK(end == s + 1);
  CHECK_EQ(strtol(s, &end, 0), 0);
  CHECK(end == s + 1);
  s = "  +";
  CHECK_EQ(strtol(s, &end, 10), 0);
  CHECK(end == s);
  errno = 0;
  CHECK_EQ(strtol(s, &end, 1), 0);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK_EQ(strtol(s, &end, 37), 0);
  CHECK_EQ(errno, EINVAL);
}

TEST(limits) {
  errno = 0;
  CHECK_EQ(strtol("9223372036854775807", NULL, 10), LONG_MAX);
  CHECK_EQ(errno, 0);
  CHECK_EQ(strtol("-9223372036854775808", NULL, 10), LONG_MIN);
  CHECK_EQ(errno, 0);
  CHECK_EQ(strtol("9223372036854775808", NULL, 10), LONG_MAX);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK_EQ(strtol("-9223372036854775809", NULL, 10), LONG_MIN);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(strtoul("18446744073709551615", NULL, 10) == ULONG_MAX);
  CHECK_EQ(errno, 0);
  CHECK(strtoul("18446744073709551616", NULL, 10) == ULONG_MAX);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(strtoul("-1", NULL, 10) == ULONG_MAX);
  CHECK_EQ(errno, 0);
  CHECK(strtoull("99999999999999999999999999", NULL, 10) == ULLONG_MAX);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK_EQ(strtoimax("-42", NULL, 10), -42);
  CHECK(strtoumax("ffffffffffffffff", NULL, 16) == UINTMAX_MAX);
  CHECK_EQ(errno, 0);
  char *end;
  const char *s = "123456789012345678901234567890xyz";
  CHECK_EQ(strtoll(s, &end, 10), LLONG_MAX);
  CHECK(end == s + 30);
}

TEST(ato) {
  CHECK_EQ(atoi(" -17abc"), -17);
  CHECK_EQ(atol("123456789012"), 123456789012L);
  CHECK_EQ(atoll("-5"), -5);
  CHECK_EQ(atoi("x"), 0);
}

TEST(wide) {
  wchar_t *end;
  const wchar_t *s = L"  -0x7fz";
  CHECK_EQ(wcstol(s, &end, 0), -127);
  CHECK(end == s + 7);
  CHECK(wcstoull(L"18446744073709551615", NULL, 10) == ULLONG_MAX);
  CHECK_EQ(wcstoimax(L"-9", NULL, 10), -9);
}
