// Unit tests of ctype.h: the C locale is ASCII.
#include <ctype.h>
#include <locale.h>

#include "../libc_support/libc_check.h"

TEST(classification_matches_ascii) {
  for (int c = -1; c < 256; ++c) {
    int ascii = c >= 0 && c < 128;
    int upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    int digit = c >= '0' && c <= '9';
    CHECK_EQ(!!isupper(c), upper);
    CHECK_EQ(!!islower(c), lower);
    CHECK_EQ(!!isalpha(c), upper || lower);
    CHECK_EQ(!!isdigit(c), digit);
    CHECK_EQ(!!isalnum(c), upper || lower || digit);
    CHECK_EQ(!!isxdigit(c), digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    CHECK_EQ(!!isspace(c), c == ' ' || (c >= '\t' && c <= '\r'));
    CHECK_EQ(!!isblank(c), c == ' ' || c == '\t');
    CHECK_EQ(!!iscntrl(c), (c >= 0 && c < 32) || c == 127);
    CHECK_EQ(!!isprint(c), c >= 32 && c < 127);
    CHECK_EQ(!!isgraph(c), c > 32 && c < 127);
    CHECK_EQ(!!ispunct(c), c > 32 && c < 127 && !upper && !lower && !digit);
    CHECK_EQ(!!isascii(c), ascii);
    CHECK_EQ(toupper(c), lower ? c - 32 : c);
    CHECK_EQ(tolower(c), upper ? c + 32 : c);
    CHECK_EQ(!!isalpha_l(c, LC_C_UNICODE_LOCALE), upper || lower);
    CHECK_EQ(toupper_l(c, LC_C_LOCALE), lower ? c - 32 : c);
  }
}
