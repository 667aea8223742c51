// Unit tests of the wide character stream and formatting functions.
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>

#include "../libc_support/libc_check.h"

TEST(wide_printf) {
  wchar_t buf[64];
  CHECK_EQ(swprintf(buf, 64, L"%d %ls %s %.2f %lc|%5ls|", 42, L"wide", "narrow", 2.5, L'x', L"ab"),
           28);
  CHECK_EQ(wcscmp(buf, L"42 wide narrow 2.50 x|   ab|"), 0);
  CHECK_EQ(swprintf(buf, 64, L"\u00e9%ls", L"\u20ac"), 2);
  CHECK_EQ(buf[0], 0xe9);
  CHECK_EQ(buf[1], 0x20ac);
  CHECK_EQ(swprintf(buf, 4, L"%d", 12345), -1);  // does not fit
  wchar_t *ws;
  CHECK_EQ(aswprintf(&ws, L"%05d", 7), 5);
  CHECK_EQ(wcscmp(ws, L"00007"), 0);
  free(ws);
}

TEST(wide_streams) {
  FILE *f = tmpfile_l(LC_C_UNICODE_LOCALE);
  CHECK(f != NULL);
  CHECK_EQ(fwide(f, 1), 1);
  CHECK_EQ(fputwc(0x20ac, f), 0x20ac);
  CHECK_EQ(fputws(L" line\nsecond", f), 0);
  CHECK_EQ(fwprintf(f, L" %d\n", 3), 3);
  CHECK_EQ(ftell(f), 3 + 12 + 3);  // the euro sign takes three bytes
  rewind(f);
  CHECK_EQ(fgetwc(f), 0x20ac);
  CHECK_EQ(ungetwc(0x20ac, f), 0x20ac);
  wchar_t line[16];
  CHECK(fgetws(line, 16, f) == line);
  CHECK_EQ(wcscmp(line, L"\u20ac line\n"), 0);
  wchar_t *w = NULL;
  size_t cap = 0;
  CHECK_EQ(getwline(&w, &cap, f), 9);
  CHECK_EQ(wcscmp(w, L"second 3\n"), 0);
  CHECK_EQ(getwline(&w, &cap, f), -1);
  free(w);
  fclose(f);

  // In the C locale only ASCII can be written.
  f = tmpfile();
  errno = 0;
  CHECK_EQ(fputwc(0xe9, f), WEOF);
  CHECK_EQ(errno, EILSEQ);
  fclose(f);
}

TEST(wide_scanf_and_strftime) {
  int a;
  wchar_t word[8];
  CHECK_EQ(swscanf(L"17 h\u00e9llo", L"%d %7ls", &a, word), 2);
  CHECK_EQ(a, 17);
  CHECK_EQ(wcscmp(word, L"h\u00e9llo"), 0);
  struct tm tm;
  time_t t = 0;
  gmtime_r(&t, &tm);
  wchar_t buf[32];
  CHECK_EQ(wcsftime(buf, 32, L"%Y-%m-%d \u00e0 %H", &tm), 15);
  CHECK_EQ(wcscmp(buf, L"1970-01-01 \u00e0 00"), 0);
  CHECK_EQ(wcsftime(buf, 5, L"%Y-%m", &tm), 0);
}

TEST(wctype_c_locale) {
  CHECK(iswalpha(L'a') && !iswalpha(0xe9) && !iswalpha(WEOF));
  CHECK(iswdigit(L'7') && iswspace(L'\t') && iswpunct(L'!'));
  CHECK_EQ(towupper(L'q'), L'Q');
  CHECK_EQ(towupper(0xe9), 0xe9);
  CHECK(iswctype(L'x', wctype("xdigit")) == 0);
  CHECK(iswctype(L'f', wctype("xdigit")) != 0);
  CHECK(wctype("bogus") == NULL);
  CHECK_EQ(towctrans(L'A', wctrans("tolower")), L'a');
  CHECK(wctrans("bogus") == NULL);
}
