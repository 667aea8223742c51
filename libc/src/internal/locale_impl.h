// Locale objects. A locale records its character set (the only category
// whose behaviour differs between the supported locales) and its name.
#ifndef LIBC_LOCALE_IMPL_H
#define LIBC_LOCALE_IMPL_H

#include <locale.h>
#include <stdatomic.h>
#include <stddef.h>
#include <uchar.h>
#include <wchar.h>

enum { CHARSET_ASCII, CHARSET_UTF8 };

struct __locale {
  atomic_size_t refcount;  // 0 for the built-in locales, which are never freed
  int charset;
  char name[32];
};

// Decodes one character like mbrtoc32(): returns the number of bytes used,
// 0 for the null character, (size_t)-2 for an incomplete sequence (state
// saved in *ps) or (size_t)-1 with errno EILSEQ for an invalid one.
size_t __mbrtoc32(int charset, char32_t *restrict pc, const char *restrict s, size_t n,
                  mbstate_t *restrict ps);
// Encodes one character; returns the number of bytes (at most MB_LEN_MAX)
// or (size_t)-1 with errno EILSEQ.
size_t __c32tomb(int charset, char *s, char32_t c);

static inline int __locale_charset(locale_t locale) { return locale->charset; }

#endif
