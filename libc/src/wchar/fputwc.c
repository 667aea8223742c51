// Wide characters on byte streams, converted with the stream's locale.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "locale_impl.h"
#include "stdio_impl.h"

static wint_t put_locked(wchar_t wc, FILE *f) {
  char buf[4];
  size_t n = __c32tomb(__locale_charset(f->locale), buf, (char32_t)wc);
  if (n == (size_t)-1) {
    f->flags |= F_ERR;
    return WEOF;
  }
  return __stream_write(f, buf, n) == n ? (wint_t)wc : WEOF;
}

wint_t fputwc(wchar_t wc, FILE *f) {
  libc_lock(&f->lock);
  wint_t r = put_locked(wc, f);
  libc_unlock(&f->lock);
  return r;
}

wint_t putwc(wchar_t wc, FILE *f) { return fputwc(wc, f); }

int fputws(const wchar_t *restrict ws, FILE *restrict f) {
  libc_lock(&f->lock);
  int r = 0;
  for (; *ws != L'\0'; ++ws)
    if (put_locked(*ws, f) == WEOF) {
      r = -1;
      break;
    }
  libc_unlock(&f->lock);
  return r;
}

static wint_t get_locked(FILE *f) {
  for (;;) {
    int c = stream_getc(f);
    if (c == EOF) {
      if (f->mbstate.__bytes != 0) {
        // The stream ended inside a character.
        f->mbstate = (mbstate_t){0};
        f->flags |= F_ERR;
        errno = EILSEQ;
      }
      return WEOF;
    }
    char byte = (char)c;
    char32_t wc;
    size_t r = __mbrtoc32(__locale_charset(f->locale), &wc, &byte, 1, &f->mbstate);
    if (r == (size_t)-1) {
      f->flags |= F_ERR;
      return WEOF;
    }
    if (r != (size_t)-2) return (wint_t)wc;
  }
}

wint_t fgetwc(FILE *f) {
  libc_lock(&f->lock);
  wint_t r = get_locked(f);
  libc_unlock(&f->lock);
  return r;
}

wint_t getwc(FILE *f) { return fgetwc(f); }

// The character's bytes go back in front of the buffered data.
wint_t ungetwc(wint_t wc, FILE *f) {
  if (wc == WEOF) return WEOF;
  char buf[4];
  size_t n = __c32tomb(__locale_charset(f->locale), buf, (char32_t)wc);
  if (n == (size_t)-1) return WEOF;
  libc_lock(&f->lock);
  wint_t r = WEOF;
  if (__stream_to_read(f) == 0 && (size_t)(f->rpos - (f->buf - UNGET)) >= n) {
    while (n > 0) *--f->rpos = (unsigned char)buf[--n];
    f->flags &= ~F_EOF;
    r = wc;
  }
  libc_unlock(&f->lock);
  return r;
}

wchar_t *fgetws(wchar_t *restrict ws, int n, FILE *restrict f) {
  if (n <= 0) return NULL;
  libc_lock(&f->lock);
  int i = 0;
  bool failed = false;
  while (i < n - 1) {
    wint_t c = get_locked(f);
    if (c == WEOF) {
      failed = !(f->flags & F_EOF);
      break;
    }
    ws[i++] = (wchar_t)c;
    if (c == L'\n') break;
  }
  libc_unlock(&f->lock);
  if (i == 0 || failed) return NULL;
  ws[i] = L'\0';
  return ws;
}

// Records the orientation; streams stay usable both ways.
int fwide(FILE *f, int mode) {
  libc_lock(&f->lock);
  if (f->orientation == 0 && mode != 0) f->orientation = mode > 0 ? 1 : -1;
  int r = f->orientation;
  libc_unlock(&f->lock);
  return r;
}

__ssize_t getwdelim(wchar_t **restrict line, size_t *restrict size, wint_t delim,
                    FILE *restrict f) {
  if (line == NULL || size == NULL) {
    errno = EINVAL;
    return -1;
  }
  if (*line == NULL) *size = 0;
  libc_lock(&f->lock);
  size_t len = 0;
  for (;;) {
    if (len + 2 > *size) {
      size_t grown = *size < 64 ? 128 : *size * 2;
      wchar_t *p = reallocarray(*line, grown, sizeof(wchar_t));
      if (p == NULL) {
        libc_unlock(&f->lock);
        return -1;
      }
      *line = p;
      *size = grown;
    }
    wint_t c = get_locked(f);
    if (c == WEOF) {
      if (len > 0 && !(f->flags & F_ERR)) break;
      libc_unlock(&f->lock);
      return -1;
    }
    (*line)[len++] = (wchar_t)c;
    if (c == delim) break;
  }
  (*line)[len] = L'\0';
  libc_unlock(&f->lock);
  return (__ssize_t)len;
}

__ssize_t getwline(wchar_t **restrict line, size_t *restrict size, FILE *restrict f) {
  return getwdelim(line, size, L'\n', f);
}
