// Unit tests of the multibyte and wide character functions. The plain
// functions use the C locale (ASCII); UTF-8 needs a locale argument.
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

#include "../libc_support/libc_check.h"

TEST(c_locale_is_ascii) {
  wchar_t wc;
  mbstate_t st = {0};
  CHECK_EQ(MB_CUR_MAX, 1);
  CHECK_EQ(mbrtowc(&wc, "A", 1, &st), 1);
  CHECK_EQ(wc, L'A');
  errno = 0;
  CHECK_EQ(mbrtowc(&wc, "\xc3\xa9", 2, &st), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  char buf[8];
  CHECK_EQ(wcrtomb(buf, L'z', NULL), 1);
  CHECK_EQ(wcrtomb(buf, 0xe9, NULL), (size_t)-1);
  CHECK_EQ(btowc('a'), L'a');
  CHECK_EQ(btowc(0x80), WEOF);
  CHECK_EQ(wctob(L'a'), 'a');
  CHECK_EQ(wctob(0x100), -1);
}

TEST(utf8_decoding) {
  locale_t u = LC_C_UNICODE_LOCALE;
  CHECK_EQ(MB_CUR_MAX_L(u), 4);
  CHECK_EQ(MB_CUR_MAX_L(LC_C_LOCALE), 1);
  mbstate_t st = {0};
  wchar_t wc;
  CHECK_EQ(mbrtowc_l(&wc, "\xe2\x82\xac", 3, &st, u), 3);
  CHECK_EQ(wc, 0x20ac);
  CHECK_EQ(mbrtowc_l(&wc, "\xf0\x9f\x98\x80", 4, &st, u), 4);
  CHECK_EQ(wc, 0x1f600);
  // Byte by byte.
  CHECK_EQ(mbrtowc_l(&wc, "\xe2", 1, &st, u), (size_t)-2);
  CHECK(!mbsinit(&st));
  CHECK_EQ(mbrtowc_l(&wc, "\x82", 1, &st, u), (size_t)-2);
  CHECK_EQ(mbrtowc_l(&wc, "\xac", 1, &st, u), 1);
  CHECK_EQ(wc, 0x20ac);
  CHECK(mbsinit(&st));
  CHECK_EQ(mbrtowc_l(&wc, "", 1, &st, u), 0);
  CHECK_EQ(wc, 0);
  // Invalid: overlong forms, surrogates, beyond U+10FFFF, stray
  // continuation bytes, truncated sequences followed by ASCII.
  const char *bad[] = {"\xc0\x80",         "\xc1\xbf",         "\xe0\x80\x80", "\xed\xa0\x80",
                       "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\x80",         "\xe2\x82x"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    mbstate_t s = {0};
    errno = 0;
    CHECK_EQ(mbrtowc_l(&wc, bad[i], strlen(bad[i]), &s, u), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
  }
  CHECK_EQ(mbrlen_l("\xc3\xa9", 2, NULL, u), 2);
}

TEST(utf8_encoding) {
  locale_t u = LC_C_UNICODE_LOCALE;
  char buf[8];
  CHECK_EQ(wcrtomb_l(buf, 0x7f, NULL, u), 1);
  CHECK_EQ(wcrtomb_l(buf, 0xe9, NULL, u), 2);
  CHECK_EQ(memcmp(buf, "\xc3\xa9", 2), 0);
  CHECK_EQ(wcrtomb_l(buf, 0xffff, NULL, u), 3);
  CHECK_EQ(wcrtomb_l(buf, 0x10ffff, NULL, u), 4);
  CHECK_EQ(memcmp(buf, "\xf4\x8f\xbf\xbf", 4), 0);
  CHECK_EQ(wcrtomb_l(buf, 0xd800, NULL, u), (size_t)-1);
  CHECK_EQ(wcrtomb_l(buf, 0x110000, NULL, u), (size_t)-1);
  CHECK_EQ(wcrtomb_l(buf, -1, NULL, u), (size_t)-1);
  CHECK_EQ(wctomb_l(buf, 0x20ac, u), 3);
  CHECK_EQ(wctomb(NULL, 0), 0);
}

TEST(string_conversions) {
  locale_t u = LC_C_UNICODE_LOCALE;
  const char *src = "a\xc3\xa9\xe2\x82\xac";
  wchar_t w[8];
  CHECK_EQ(mbstowcs_l(w, src, 8, u), 3);
  CHECK_EQ(w[0], L'a');
  CHECK_EQ(w[1], 0xe9);
  CHECK_EQ(w[2], 0x20ac);
  CHECK_EQ(w[3], 0);
  CHECK_EQ(mbstowcs_l(NULL, src, 0, u), 3);
  CHECK_EQ(mbstowcs(w, src, 8), (size_t)-1);
  char back[16];
  CHECK_EQ(wcstombs_l(back, w, sizeof(back), u), 6);
  CHECK_STREQ(back, src);
  CHECK_EQ(wcstombs_l(NULL, w, 0, u), 6);
  // Not enough room for the last character: it is not split.
  memset(back, 'x', sizeof(back));
  CHECK_EQ(wcstombs_l(back, w, 5, u), 3);
  CHECK_EQ(back[3], 'x');
  // mbsnrtowcs stops after the given number of bytes, inside a character.
  const char *p = src;
  mbstate_t st = {0};
  CHECK_EQ(mbsnrtowcs_l(w, &p, 4, 8, &st, u), 2);
  CHECK(p == src + 4);
  CHECK(!mbsinit(&st));
  CHECK_EQ(mbsnrtowcs_l(w, &p, 2, 8, &st, u), 1);
  CHECK_EQ(w[0], 0x20ac);
  const wchar_t *wp = w;
  w[1] = 0;
  CHECK_EQ(wcsrtombs_l(back, &wp, sizeof(back), NULL, u), 3);
  CHECK(wp == NULL);
  CHECK_EQ(mbtowc_l(NULL, "\xe2\x82", 2, u), -1);
  CHECK_EQ(mblen_l("\xe2\x82\xac", 3, u), 3);
  CHECK_EQ(mblen("a", 1), 1);
  CHECK_EQ(mblen("", 1), 0);
}

TEST(utf16_and_utf32) {
  locale_t u = LC_C_UNICODE_LOCALE;
  mbstate_t st = {0};
  char16_t c16;
  const char *smiley = "\xf0\x9f\x98\x80";
  CHECK_EQ(mbrtoc16_l(&c16, smiley, 4, &st, u), 4);
  CHECK_EQ(c16, 0xd83d);
  CHECK_EQ(mbrtoc16_l(&c16, smiley + 4, 0, &st, u), (size_t)-3);
  CHECK_EQ(c16, 0xde00);
  char buf[8];
  CHECK_EQ(c16rtomb_l(buf, 0xd83d, &st, u), 0);
  CHECK_EQ(c16rtomb_l(buf, 0xde00, &st, u), 4);
  CHECK_EQ(memcmp(buf, smiley, 4), 0);
  CHECK_EQ(c16rtomb_l(buf, 0xde00, &st, u), (size_t)-1);
  char32_t c32;
  CHECK_EQ(mbrtoc32_l(&c32, smiley, 4, &st, u), 4);
  CHECK_EQ(c32, 0x1f600);
  CHECK_EQ(c32rtomb_l(buf, 0x1f600, &st, u), 4);
  CHECK_EQ(c32rtomb(buf, 0x1f600, &st), (size_t)-1);
}

TEST(locales) {
  locale_t l = newlocale(LC_ALL_MASK, "en_US.UTF-8", NULL);
  CHECK(l != NULL);
  CHECK_EQ(MB_CUR_MAX_L(l), 4);
  locale_t d = duplocale(l);
  freelocale(l);
  CHECK_EQ(MB_CUR_MAX_L(d), 4);
  freelocale(d);
  errno = 0;
  CHECK(newlocale(LC_ALL_MASK, "xx_XX", NULL) == NULL);
  CHECK_EQ(errno, ENOENT);
  CHECK(newlocale(LC_ALL_MASK, "C.KOI8-R", NULL) == NULL);
  l = newlocale(LC_CTYPE_MASK, "C.UTF-8", NULL);
  CHECK_EQ(MB_CUR_MAX_L(l), 4);
  freelocale(l);
  CHECK_STREQ(setlocale(LC_ALL, NULL), "C");
  CHECK_STREQ(setlocale(LC_ALL, ""), "C");
  CHECK(setlocale(LC_ALL, "en_US.UTF-8") == NULL);
  CHECK_STREQ(localeconv()->decimal_point, ".");
}

TEST(wide_strings) {
  wchar_t buf[16];
  CHECK_EQ(wcslen(L"hello"), 5);
  CHECK_EQ(wcsnlen(L"hello", 3), 3);
  CHECK_EQ(wcslcpy(buf, L"hello world", 6), 11);
  CHECK_EQ(wcscmp(buf, L"hello"), 0);
  CHECK_EQ(wcslcat(buf, L"!!", 16), 7);
  CHECK_EQ(wcscmp(buf, L"hello!!"), 0);
  CHECK(wcscmp(L"a", L"b") < 0);
  CHECK(wcsncmp(L"abc", L"abd", 2) == 0);
  CHECK(wcschr(buf, L'l') == buf + 2);
  CHECK(wcsrchr(buf, L'l') == buf + 3);
  CHECK(wcsstr(L"a needle here", L"needle") != NULL);
  CHECK(wcsstr(L"abc", L"abd") == NULL);
  CHECK_EQ(wcsspn(L"aabbc", L"ab"), 4);
  CHECK_EQ(wcscspn(L"aabbc", L"c"), 4);
  CHECK(wcspbrk(L"abc", L"xc") != NULL);
  CHECK_EQ(wcscasecmp(L"HeLLo", L"hello"), 0);
  CHECK(wcsncasecmp(L"ab", L"AC", 2) < 0);
  wchar_t toks[] = L"a b  c";
  wchar_t *state;
  CHECK_EQ(wcscmp(wcstok(toks, L" ", &state), L"a"), 0);
  CHECK_EQ(wcscmp(wcstok(NULL, L" ", &state), L"b"), 0);
  CHECK_EQ(wcscmp(wcstok(NULL, L" ", &state), L"c"), 0);
  CHECK(wcstok(NULL, L" ", &state) == NULL);
  wchar_t *dup = wcsdup(L"copy");
  CHECK_EQ(wcscmp(dup, L"copy"), 0);
  free(dup);
  wmemset(buf, L'x', 4);
  CHECK_EQ(wmemcmp(buf, L"xxxx", 4), 0);
  CHECK(wmemchr(buf, L'x', 4) == buf);
  CHECK_EQ(wcwidth(L'a'), 1);
  CHECK_EQ(wcwidth(0), 0);
  CHECK_EQ(wcwidth(0x1f600), -1);
  CHECK_EQ(wcswidth(L"abc", 2), 2);
}

TEST(wcsverscmp_orders_versions) {
  // The same ordering as strverscmp.
  const wchar_t *order[] = {L"000", L"00", L"01", L"010", L"09", L"0", L"1", L"9", L"10"};
  for (size_t i = 0; i + 1 < sizeof(order) / sizeof(order[0]); ++i) {
    CHECK(wcsverscmp(order[i], order[i + 1]) < 0);
    CHECK(wcsverscmp(order[i + 1], order[i]) > 0);
  }
  CHECK(wcsverscmp(L"caf\u00e9-1.9", L"caf\u00e9-1.10") < 0);
  CHECK_EQ(wcsverscmp(L"abc", L"abc"), 0);
  CHECK(wcsverscmp(L"\u00e9", L"e") > 0);
}
