// Conversions between wide strings and UTF-8, for the wide formatting
// functions, which run the byte-oriented engines on UTF-8 text.
#ifndef LIBC_WIDE_IMPL_H
#define LIBC_WIDE_IMPL_H

#include <stddef.h>
#include <wchar.h>

// A newly allocated UTF-8 copy of a wide string; NULL with errno set on
// failure (EILSEQ for values that are not characters).
char *__wcs_to_utf8(const wchar_t *ws);
// Decodes UTF-8 text of `len` bytes into out (room for `room` wide
// characters); returns the number decoded (all of them, counting those that
// did not fit) or (size_t)-1 with errno EILSEQ.
size_t __utf8_to_wcs(wchar_t *out, size_t room, const char *s, size_t len);

#endif
