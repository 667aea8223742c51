// Unit tests of strtod(), strtof(), strtold() and wcstod(): results are
// compared bit for bit with the compiler's own (correctly rounded)
// conversion of the same literal.
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../libc_support/libc_check.h"

// Out-of-range literals are the point of several cases below.
#pragma clang diagnostic ignored "-Wliteral-range"

static int same_double(double a, double b) { return memcmp(&a, &b, sizeof(a)) == 0; }
static int same_float(float a, float b) { return memcmp(&a, &b, sizeof(a)) == 0; }
static int same_ldouble(long double a, long double b) { return memcmp(&a, &b, 10) == 0; }

#define D(lit)                                        \
  do {                                                \
    char *end;                                        \
    CHECK(same_double(strtod(#lit, &end), lit));      \
    CHECK_EQ(*end, '\0');                             \
    CHECK(same_float(strtof(#lit, &end), lit##f));    \
    CHECK(same_ldouble(strtold(#lit, &end), lit##L)); \
  } while (0)

TEST(decimal_values_round_correctly) {
  D(0.1);
  D(1.0);
  D(123456789012345678901234567890.0);
  D(3.141592653589793238462643383279502884197);
  D(2.2250738585072011e-308);  // just below the smallest normal double
  D(2.2250738585072014e-308);
  D(4.9406564584124654e-324);  // the smallest subnormal
  D(2.4703282292062328e-324);  // just above half of it: rounds up
  D(1.7976931348623157e308);
  D(1.7976931348623158e308);
  D(9007199254740993.0);                             // 2^53 + 1: a tie, rounds to even
  D(9007199254740995.0);                             // 2^53 + 3: a tie, rounds up to even
  D(9007199254740993.0000000000000000000000000001);  // just above the tie
  D(1e23);
  D(8.589973e9);
  D(1.00000005960464477550);  // near a float tie
  D(7.038531e-26);
  D(3.4028235677973366e38);
  D(1.1754943508222875e-38);
  D(1.401298464324817e-45);
  D(0.000000000000000000000000000000000000000000000000001);
  D(1e-4950);
  D(1.18973149535723176502e4932);
}

TEST(long_inputs_round_correctly) {
  // Half of the smallest subnormal double, 2^-1075, written out exactly
  // (323 zeros after the point, then 752 significant digits): a tie that
  // rounds to even (zero); one more nonzero digit anywhere rounds it up.
  static char tie[1200];
  strlcpy(tie, "0.", sizeof(tie));
  for (int i = 0; i < 323; ++i) strlcat(tie, "0", sizeof(tie));
  strlcat(tie,
          "24703282292062327208828439643411068618252990130716238221279284125033775363510437"
          "59326499181808179961898982823477228588654633283551779698981993873980053909390631"
          "50356595155702263922908583924491051844359318028499365361525003193704576782492193"
          "65623669863658480757001585769269903706311928279558551332927834338409351978015531"
          "24659726357957462276646527282722005637400648549997709659947045402082816622623785"
          "73934507363390079677619305775067401763246736009689513405355374585166611342237666"
          "78604162159680461914467291840300530057530849048765391711386591646239524912623653"
          "88187963623937328042389101867234849766823508986338858792562830275599565752445550"
          "72551893136908362547791869486679949683240497058210285131854513962138377228261454"
          "37693412532098591327667236328125",
          sizeof(tie));
  errno = 0;
  CHECK(same_double(strtod(tie, NULL), 0.0));
  CHECK_EQ(errno, ERANGE);
  strlcat(tie, "1", sizeof(tie));
  CHECK(same_double(strtod(tie, NULL), 0x1p-1074));
  // The same digits with an exponent: still the tie for double, exact for
  // long double.
  char scaled[1200];
  strlcpy(scaled, tie + 2 + 323, sizeof(scaled));
  scaled[strlen(scaled) - 1] = '\0';
  strlcat(scaled, "e-1075", sizeof(scaled));
  CHECK(same_double(strtod(scaled, NULL), 0.0));
  CHECK(same_ldouble(strtold(scaled, NULL), 0x1p-1075L));
}

TEST(hexadecimal) {
  D(0x1p0);
  D(0x1.fffffffffffffp1023);
  D(0x1p-1074);
  D(0x1p-1075);
  D(0x1.8p-1075);
  D(0x123456789abcdef0123456789p-3);
  D(0x.8p1);
  D(0xAbC.dEfP-2);
  char *end;
  CHECK(same_double(strtod("0x", &end), 0.0));
  CHECK_STREQ(end, "x");
  CHECK(same_double(strtod("0x1p", &end), 1.0));
  CHECK_STREQ(end, "p");
  CHECK(same_double(strtod("0x1p+", &end), 1.0));
  CHECK_STREQ(end, "p+");
}

TEST(special_values) {
  char *end;
  CHECK(strtod("inf", &end) == __builtin_inf());
  CHECK_STREQ(end, "");
  CHECK(strtod("-INFINITY", &end) == -__builtin_inf());
  CHECK_STREQ(end, "");
  CHECK(strtod("infinit", &end) == __builtin_inf());
  CHECK_STREQ(end, "init");
  double nan = strtod("nan", &end);
  CHECK(nan != nan);
  CHECK_STREQ(end, "");
  nan = strtod("-NaN(123abc)x", &end);
  CHECK(nan != nan);
  CHECK(__builtin_signbit(nan));
  CHECK_STREQ(end, "x");
  nan = strtod("nan(1", &end);
  CHECK(nan != nan);
  CHECK_STREQ(end, "(1");
  CHECK(same_double(strtod("-0", &end), -0.0));
  CHECK(same_double(strtod("  +0.000e999999999999", &end), 0.0));
  CHECK_STREQ(end, "");
}

TEST(range_errors) {
  errno = 0;
  CHECK(strtod("1e309", NULL) == __builtin_inf());
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(strtod("-1e99999999999999999999", NULL) == -__builtin_inf());
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(same_double(strtod("1e-400", NULL), 0.0));
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(strtof("1e39", NULL) == __builtin_inff());
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(strtold("1e4000", NULL) == 1e4000L);
  CHECK_EQ(errno, 0);
  errno = 0;
  CHECK(strtod("1.5", NULL) == 1.5);
  CHECK_EQ(errno, 0);
}

TEST(syntax) {
  char *end;
  const char *s = "  -12.5e+2xyz";
  CHECK(strtod(s, &end) == -1250.0);
  CHECK(end == s + 10);
  s = "1e";
  CHECK(strtod(s, &end) == 1.0);
  CHECK(end == s + 1);
  s = "1e-x";
  CHECK(strtod(s, &end) == 1.0);
  CHECK(end == s + 1);
  s = ".";
  CHECK(strtod(s, &end) == 0.0);
  CHECK(end == s);
  s = "-.5";
  CHECK(strtod(s, &end) == -0.5);
  CHECK(end == s + 3);
  s = "5.";
  CHECK(strtod(s, &end) == 5.0);
  CHECK(end == s + 2);
  s = "abc";
  CHECK(strtod(s, &end) == 0.0);
  CHECK(end == s);
  s = "+";
  CHECK(strtod(s, &end) == 0.0);
  CHECK(end == s);
  CHECK(atof("2.5") == 2.5);
}

TEST(wide) {
  wchar_t *end;
  const wchar_t *s = L" 0.1e1!";
  CHECK(wcstod(s, &end) == 1.0);
  CHECK(end == s + 6);
  CHECK(wcstof(L"0.1", NULL) == 0.1f);
  CHECK(same_ldouble(wcstold(L"0.1", NULL), 0.1L));
  CHECK(wcstod(L"0x10", NULL) == 16.0);
}
