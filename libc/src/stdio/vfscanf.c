// The scanf engine, reading from a locked stream. Numbers are collected as
// the longest prefix of a valid number (within the field width) and then
// converted with the strto*() functions, so they round exactly like those.
// Only one character is ever pushed back, as the C standard describes: an
// incomplete number such as "1e+" is a matching failure.
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "format_length.h"
#include "locale_impl.h"
#include "stdio_impl.h"

struct input {
  FILE *f;
  size_t consumed;
  bool eof;  // an input failure happened
};

static int next(struct input *in) {
  int c = stream_getc(in->f);
  if (c == EOF)
    in->eof = true;
  else
    ++in->consumed;
  return c;
}

// Gives back the character just read, which is still in the buffer.
static void back(struct input *in, int c) {
  if (c == EOF) return;
  --in->f->rpos;
  --in->consumed;
}

static bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static void skip_space(struct input *in) {
  int c;
  while ((c = next(in)) != EOF && is_space(c)) {
  }
  back(in, c);
}

// A growing buffer for the text of a number.
struct text {
  char *data;
  size_t len, size;
  char small[128];
};

static void text_init(struct text *t) {
  t->data = t->small;
  t->len = 0;
  t->size = sizeof(t->small);
}

static bool text_add(struct text *t, int c) {
  if (t->len + 2 > t->size) {
    size_t size = t->size * 2;
    char *data = t->data == t->small ? malloc(size) : realloc(t->data, size);
    if (data == NULL) return false;
    if (t->data == t->small) memcpy(data, t->small, t->len);
    t->data = data;
    t->size = size;
  }
  t->data[t->len++] = (char)c;
  t->data[t->len] = '\0';
  return true;
}

static void text_free(struct text *t) {
  if (t->data != t->small) free(t->data);
}

// Reads at most `width` characters while `accept` says they extend a valid
// prefix; the first rejected character is pushed back.
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int digit_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return 99;
}

// Collects an integer in the given base (0: decided by the prefix).
// Returns the base used, or 0 when no digits were found.
static int scan_integer(struct input *in, size_t width, int base, struct text *t) {
  int c = EOF;
  size_t n = 0;
  bool digits = false;
#define TAKE()                      \
  do {                              \
    if (!text_add(t, c)) return 0;  \
    ++n;                            \
    c = n < width ? next(in) : EOF; \
  } while (0)
  c = next(in);
  if (c == '+' || c == '-') TAKE();
  if ((base == 0 || base == 16) && c == '0') {
    TAKE();
    digits = true;
    if (lower(c) == 'x') {
      TAKE();
      base = 16;
      digits = false;
    } else if (base == 0) {
      base = 8;
    }
  } else if (base == 0) {
    base = 10;
  }
  while (c != EOF && digit_value(c) < base) {
    TAKE();
    digits = true;
  }
#undef TAKE
  back(in, c);
  return digits ? base : 0;
}

static bool match_word(struct input *in, struct text *t, size_t *n, size_t width, int *c,
                       const char *word) {
  for (size_t i = 0; word[i] != '\0'; ++i) {
    if (*n >= width || lower(*c) != word[i]) return false;
    if (!text_add(t, *c)) return false;
    ++*n;
    *c = *n < width ? next(in) : EOF;
  }
  return true;
}

// Collects a floating point number; returns whether it is complete.
static bool scan_float(struct input *in, size_t width, struct text *t) {
  size_t n = 0;
  int c = next(in);
#define TAKE()                         \
  do {                                 \
    if (!text_add(t, c)) return false; \
    ++n;                               \
    c = n < width ? next(in) : EOF;    \
  } while (0)
  if (c == '+' || c == '-') TAKE();
  if (lower(c) == 'i') {
    bool ok = match_word(in, t, &n, width, &c, "inf");
    if (ok && lower(c) == 'i') ok = match_word(in, t, &n, width, &c, "inity");
    back(in, c);
    return ok;
  }
  if (lower(c) == 'n') {
    bool ok = match_word(in, t, &n, width, &c, "nan");
    if (ok && c == '(') {
      TAKE();
      while (c != EOF && (digit_value(c) < 36 || c == '_')) TAKE();
      if (c != ')') {
        back(in, c);
        return false;
      }
      TAKE();
    }
    back(in, c);
    return ok;
  }
  int base = 10;
  bool digits = false;
  if (c == '0') {
    TAKE();
    digits = true;
    if (lower(c) == 'x') {
      TAKE();
      base = 16;
      digits = false;
    }
  }
  while (c != EOF && digit_value(c) < base) {
    TAKE();
    digits = true;
  }
  if (c == '.') {
    TAKE();
    while (c != EOF && digit_value(c) < base) {
      TAKE();
      digits = true;
    }
  }
  if (digits && lower(c) == (base == 16 ? 'p' : 'e')) {
    TAKE();
    if (c == '+' || c == '-') TAKE();
    bool exp_digits = false;
    while (c != EOF && c >= '0' && c <= '9') {
      TAKE();
      exp_digits = true;
    }
    if (!exp_digits) digits = false;
  }
#undef TAKE
  back(in, c);
  return digits;
}

// Parses a scanset at fmt (after '['); returns the position after ']'.
static const char *parse_set(const char *fmt, bool set[256]) {
  bool invert = false;
  if (*fmt == '^') {
    invert = true;
    ++fmt;
  }
  memset(set, 0, 256);
  if (*fmt == ']') set[(unsigned char)*fmt++] = true;
  for (; *fmt != '\0' && *fmt != ']'; ++fmt) {
    if (fmt[1] == '-' && fmt[2] != ']' && fmt[2] != '\0' &&
        (unsigned char)fmt[0] <= (unsigned char)fmt[2]) {
      for (int c = (unsigned char)fmt[0]; c <= (unsigned char)fmt[2]; ++c) set[c] = true;
      fmt += 2;
    } else {
      set[(unsigned char)*fmt] = true;
    }
  }
  if (invert)
    for (int c = 0; c < 256; ++c) set[c] = !set[c];
  return *fmt == ']' ? fmt + 1 : fmt;
}

static void store_int(void *p, enum length len, uintmax_t v) {
  switch (len) {
    case LEN_HH:
      *(unsigned char *)p = (unsigned char)v;
      break;
    case LEN_H:
      *(unsigned short *)p = (unsigned short)v;
      break;
    case LEN_L:
    case LEN_LL:
    case LEN_J:
    case LEN_Z:
    case LEN_T:
      *(uintmax_t *)p = v;
      break;
    default:
      *(unsigned int *)p = (unsigned int)v;
      break;
  }
}

int __vfscanf_unlocked(FILE *f, locale_t locale, const char *fmt, va_list ap_in) {
  struct input in = {.f = f};
  size_t before = 0;  // input consumed when the current conversion started
  int assigned = 0;
  bool converted = false;      // a conversion has completed
  bool input_failure = false;  // the last directive found no input at all
  va_list ap;
  va_copy(ap, ap_in);
  if (__stream_to_read(f) != 0) {
    va_end(ap);
    return EOF;
  }

  for (const char *p = fmt; *p != '\0';) {
    if (is_space((unsigned char)*p)) {
      while (is_space((unsigned char)*p)) ++p;
      skip_space(&in);
      continue;
    }
    if (*p != '%' || p[1] == '%') {
      if (*p == '%') {
        ++p;
        skip_space(&in);
      }
      int c = next(&in);
      if (c != (unsigned char)*p) {
        input_failure = c == EOF;
        back(&in, c);
        goto done;
      }
      ++p;
      continue;
    }
    ++p;
    // Numbered argument: n$.
    void *target = NULL;
    bool suppress = false;
    {
      const char *q = p;
      size_t pos = 0;
      while (*q >= '0' && *q <= '9') pos = pos * 10 + (size_t)(*q++ - '0');
      if (*q == '$' && pos > 0) {
        p = q + 1;
        va_list walk;
        va_copy(walk, ap_in);
        for (size_t i = 0; i < pos; ++i) target = va_arg(walk, void *);
        va_end(walk);
      }
    }
    if (*p == '*') {
      suppress = true;
      ++p;
    }
    size_t width = 0;
    while (*p >= '0' && *p <= '9') {
      if (width < INT_MAX) width = width * 10 + (size_t)(*p - '0');
      ++p;
    }
    bool allocate = false;
    if (*p == 'm') {
      allocate = true;
      ++p;
    }
    enum length len = parse_length(&p);
    char conv = *p;
    if (conv == '\0') goto done;
    ++p;
    if (!suppress && target == NULL && conv != '%') target = va_arg(ap, void *);
    if (conv != '[' && conv != 'c' && conv != 'C' && conv != 'n') skip_space(&in);
    before = in.consumed;
    in.eof = false;

    switch (conv) {
      case 'n':
        if (!suppress) store_int(target, len, in.consumed);
        continue;
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X':
      case 'p': {
        int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
        struct text t;
        text_init(&t);
        int used = scan_integer(&in, width == 0 ? SIZE_MAX : width, base, &t);
        if (used == 0) {
          text_free(&t);
          goto done;
        }
        int saved = errno;
        uintmax_t v = conv == 'd' || conv == 'i' ? (uintmax_t)strtoimax(t.data, NULL, used)
                                                 : strtoumax(t.data, NULL, used);
        errno = saved;
        text_free(&t);
        if (!suppress) {
          if (conv == 'p')
            *(void **)target = (void *)(uintptr_t)v;
          else
            store_int(target, len, v);
          ++assigned;
        }
        break;
      }
      case 'a':
      case 'A':
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        struct text t;
        text_init(&t);
        bool ok = scan_float(&in, width == 0 ? SIZE_MAX : width, &t);
        if (!ok) {
          text_free(&t);
          goto done;
        }
        int saved = errno;
        if (!suppress) {
          if (len == LEN_BIG_L)
            *(long double *)target = strtold_l(t.data, NULL, locale);
          else if (len == LEN_L)
            *(double *)target = strtod_l(t.data, NULL, locale);
          else
            *(float *)target = strtof_l(t.data, NULL, locale);
          ++assigned;
        }
        errno = saved;
        text_free(&t);
        break;
      }
      case 's':
      case 'S':
      case 'c':
      case 'C':
      case '[': {
        bool set[256];
        bool is_c = conv == 'c' || conv == 'C';
        bool wide = len == LEN_L || conv == 'S' || conv == 'C';
        if (conv == '[') p = parse_set(p, set);
        if (width == 0) width = is_c ? 1 : SIZE_MAX;
        // Destination: the caller's buffer, or one allocated here ('m').
        char *out = NULL;
        size_t outsize = 0, n = 0;
        if (!suppress && !allocate) out = target;
        mbstate_t mbs = {0};
        size_t count = 0;
        int c = EOF;
        while (count < width) {
          c = next(&in);
          if (c == EOF) break;
          bool accept = conv == '[' ? set[c] : is_c || !is_space(c);
          if (!accept) {
            back(&in, c);
            c = EOF;
            break;
          }
          ++count;
          if (suppress) continue;
          size_t unit = wide ? sizeof(wchar_t) : 1;
          if (allocate && (n + 2) * unit > outsize) {
            size_t grown = outsize < 64 ? 64 : outsize * 2;
            char *q = realloc(out, grown);
            if (q == NULL) {
              free(out);
              goto done;
            }
            out = q;
            outsize = grown;
          }
          if (wide) {
            char ch = (char)c;
            char32_t wc;
            size_t r = __mbrtoc32(__locale_charset(locale), &wc, &ch, 1, &mbs);
            if (r == (size_t)-1) {
              if (allocate) free(out);
              goto done;
            }
            if (r != (size_t)-2) ((wchar_t *)out)[n++] = (wchar_t)wc;
          } else {
            out[n++] = (char)c;
          }
        }
        if (count == 0 ||
            (is_c && count < width && conv != '[' && c == EOF && in.eof && count == 0)) {
          if (allocate) free(out);
          goto done;
        }
        if (!suppress) {
          if (!is_c) {
            if (wide)
              ((wchar_t *)out)[n] = L'\0';
            else
              out[n] = '\0';
          }
          if (allocate) *(char **)target = out;
          ++assigned;
        }
        break;
      }
      default:
        goto done;
    }
    converted = true;
  }
done:
  va_end(ap);
  // An input failure (no characters at all for a directive) before the
  // first conversion is EOF; a matching failure is not.
  if (!input_failure && in.eof && in.consumed == before) input_failure = true;
  if (assigned == 0 && !converted && input_failure) return EOF;
  return assigned;
}
