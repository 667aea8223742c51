// Unit tests of the printf family on fixed cases (the differential test
// covers random ones against glibc).
#define _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../libc_support/libc_check.h"

// Several cases pass deliberately odd formats.
#pragma clang diagnostic ignored "-Wformat"
#pragma clang diagnostic ignored "-Wformat-invalid-specifier"

#define F(want, ...)                                    \
  do {                                                  \
    char buf_[512];                                     \
    int n_ = snprintf(buf_, sizeof(buf_), __VA_ARGS__); \
    CHECK_STREQ(buf_, want);                            \
    CHECK_EQ(n_, (int)strlen(want));                    \
  } while (0)

TEST(integers) {
  F("42", "%d", 42);
  F("-42", "%i", -42);
  F("+42", "%+d", 42);
  F(" 42", "% d", 42);
  F("   42", "%5d", 42);
  F("42   |", "%-5d|", 42);
  F("00042", "%05d", 42);
  F("  042", "%5.3d", 42);
  F("", "%.0d", 0);
  F("    ", "%4.0d", 0);
  F("-2147483648", "%d", INT_MIN);
  F("-9223372036854775808", "%lld", LLONG_MIN);
  F("18446744073709551615", "%llu", ULLONG_MAX);
  F("ff FF 0xff 0XFF", "%x %X %#x %#X", 255, 255, 255, 255);
  F("0", "%#x", 0);
  F("17 017 0", "%o %#o %#o", 15, 15, 0);
  F("0", "%#.0o", 0);
  F("010", "%#.3o", 8);
  F("-1 255 65535", "%hhd %hhu %hu", 255, 255, 65535);
  F("4294967295", "%u", -1);
  F("123 456 789", "%jd %zu %td", (intmax_t)123, (size_t)456, (ptrdiff_t)789);
  F("0x1234", "%p", (void *)0x1234);
  F("%", "%%");
  F("  x|y  |", "%3c|%-3c|", 'x', 'y');
  F("hello|hel|  hel|hel  ", "%s|%.3s|%5.3s|%-5.3s", "hello", "hello", "hello", "hello");
  F("(null)", "%s", (char *)NULL);
  F("   -7", "%*d", 5, -7);
  F("-7   |", "%*d|", -5, -7);
  F("3.14", "%.*f", 2, 3.14159);
  F("3.141590", "%.*f", -1, 3.14159);  // negative precision: as if omitted
}

TEST(floating_point) {
  F("1.000000 1.000000e+00 1", "%f %e %g", 1.0, 1.0, 1.0);
  F("0.100000", "%f", 0.1);
  F("0.1000000000000000055511151231257827", "%.34f", 0.1);
  F("2 2 4", "%.0f %.0f %.0f", 1.5, 2.5, 3.5);  // ties to even
  F("0.12 0.13", "%.2f %.2f", 0.125, 0.1251);
  F("1e+100", "%g", 1e100);
  F("1.797693e+308", "%e", 1.7976931348623157e308);
  F("4.940656e-324", "%e", 4.9406564584124654e-324);
  F("1e-05 0.0001 100000 1e+06", "%g %g %g %g", 1e-5, 1e-4, 1e5, 1e6);
  F("1.00000", "%#g", 1.0);
  F("1.", "%#.0f", 1.0);
  F("-0.000000 -0", "%f %g", -0.0, -0.0);
  F("inf -inf nan -nan", "%f %f %f %f", 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, -(0.0 / 0.0));
  F("INF +inf   inf", "%F %+f %5f", 1.0 / 0.0, 1.0 / 0.0, 1.0 / 0.0);
  F("-0001.50", "%08.2f", -1.5);
  F("  +1.5e+00", "%+10.1e", 1.5);
  F("0x1p+0 0x1.8p+1 -0x1.999999999999ap-4", "%a %a %a", 1.0, 3.0, -0.1);
  F("0x0p+0 0x0.0000000000001p-1022 0x0.00p-1022", "%a %a %.2a", 0.0, 4.9406564584124654e-324,
    4.9406564584124654e-324);
  F("0X1.0P+0 0x2p+0", "%.1A %.0a", 1.03125, 1.9375);
  F("0x8p-3 0xap-2", "%La %La", 1.0L, 2.5L);
  F("1.000000e+4000", "%Le", 1e4000L);
  F("3.6451995318824746025e-4951", "%.19Le", 3.6451995318824746025e-4951L);
  F("100000000000000000000.000000", "%f", 1e20);
}

TEST(positional_arguments) {
  F("b a b", "%2$s %1$s %2$s", "a", "b");
  F("   42|3.50", "%1$*2$d|%3$.*4$f", 42, 5, 3.5, 2);
  char buf[32];
  errno = 0;
  CHECK_EQ(snprintf(buf, sizeof(buf), "%1$d %d", 1, 2), -1);  // mixed: invalid
  CHECK_EQ(errno, EINVAL);
}

TEST(n_and_m) {
  // %n is ignored and consumes no argument.
  F("ab", "a%nb", 1);
  errno = ENOENT;
  F("No such file or directory", "%m");
  F("%y", "%y");  // unknown conversions print as they are
}

TEST(wide_arguments) {
  F("abc x", "%ls %lc", L"abc", (wint_t)L'x');
  char buf[16];
  errno = 0;
  CHECK_EQ(snprintf(buf, sizeof(buf), "%ls", L"\u00e9"), -1);  // not ASCII: C locale
  CHECK_EQ(errno, EILSEQ);
  CHECK_EQ(snprintf_l(buf, sizeof(buf), LC_C_UNICODE_LOCALE, "%ls", L"\u00e9"), 2);
  CHECK_STREQ(buf, "\xc3\xa9");
  CHECK_EQ(snprintf_l(buf, sizeof(buf), LC_C_UNICODE_LOCALE, "%.1ls|", L"\u00e9"), 1);
  CHECK_STREQ(buf, "|");
}

TEST(buffers) {
  char buf[8];
  CHECK_EQ(snprintf(buf, sizeof(buf), "%s", "0123456789"), 10);
  CHECK_STREQ(buf, "0123456");
  CHECK_EQ(snprintf(NULL, 0, "%d", 12345), 5);
  buf[0] = 'x';
  CHECK_EQ(snprintf(buf, 1, "abc"), 3);
  CHECK_EQ(buf[0], '\0');
  char *s;
  CHECK_EQ(asprintf(&s, "%s-%05d", "x", 42), 7);
  CHECK_STREQ(s, "x-00042");
  free(s);
  // A long result grows the buffer several times.
  CHECK_EQ(asprintf(&s, "%5000d|%.3000f", 1, 1.0), 5000 + 1 + 3002);
  CHECK_EQ(s[4999], '1');
  CHECK_EQ(s[5000], '|');
  free(s);
  CHECK_EQ(sprintf(buf, "%d%s", 12, "ab"), 4);
  CHECK_STREQ(buf, "12ab");
}

TEST(dprintf_writes_to_descriptor) {
  // The log descriptor is a pipe read by the test runner.
  CHECK_EQ(dprintf(harness_log_fd, "dprintf %s %d\n", "works", 1), 16);
}
