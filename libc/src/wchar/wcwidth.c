#include <wchar.h>

// Column widths in the C locale: printable ASCII characters take one column,
// the null character none; everything else is not printable (-1).
int wcwidth(wchar_t c) {
  if (c == L'\0') return 0;
  return c >= 0x20 && c < 0x7f ? 1 : -1;
}

int wcswidth(const wchar_t *s, size_t n) {
  int width = 0;
  for (; n > 0 && *s != L'\0'; --n, ++s) {
    int w = wcwidth(*s);
    if (w < 0) return -1;
    width += w;
  }
  return width;
}
