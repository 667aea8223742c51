// The printf engine. It formats into a locked stream; the string variants
// use streams that write into memory.
//
// Floating point conversions are exact: %e, %f and %g round the exact
// decimal expansion of the value (ties to even), %a rounds its binary digits
// the same way. Numbered arguments (%1$d, *2$) are collected in a first pass
// over the format.
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "float_decimal.h"
#include "floatconv.h"
#include "format_length.h"
#include "locale_impl.h"
#include "stdio_impl.h"

#define MAX_ARGS 64  // NL_ARGMAX

// Types of arguments, as far as va_arg() is concerned.
enum arg_type { T_NONE, T_INT, T_LONG, T_PTR, T_DOUBLE, T_LDOUBLE };

union arg {
  long i;
  void *p;
  double d;
  long double ld;
};

struct out {
  FILE *f;
  size_t count;
  bool failed;
};

static void emit(struct out *o, const char *s, size_t n) {
  if (n == 0) return;
  o->count += n;
  if (o->failed) return;
  // Fast path, as in stream_putc(): room in a fully buffered stream that is
  // already writing.
  FILE *f = o->f;
  if (f->mode == MODE_WRITE && f->buftype == _IOFBF && n <= f->bufsize - f->wpos) {
    memcpy(f->buf + f->wpos, s, n);
    f->wpos += n;
    return;
  }
  if (__stream_write(f, s, n) != n) o->failed = true;
}

static void pad(struct out *o, char c, size_t n) {
  if (n == 0) return;
  char block[64];
  memset(block, c, n < sizeof(block) ? n : sizeof(block));
  while (n > 0) {
    size_t k = n < sizeof(block) ? n : sizeof(block);
    emit(o, block, k);
    n -= k;
  }
}

struct spec {
  bool left, plus, space, alt, zero;
  size_t width;
  int precision;  // -1 if absent
};

// Pads a field of `len` characters to the width (on the right with '-').
static void pad_before(struct out *o, const struct spec *s, size_t len) {
  if (!s->left && s->width > len) pad(o, ' ', s->width - len);
}
static void pad_after(struct out *o, const struct spec *s, size_t len) {
  if (s->left && s->width > len) pad(o, ' ', s->width - len);
}

// Prints prefix, zeros, body: the layout of numbers. Zero padding (without
// '-') goes between prefix and body.
static void emit_number(struct out *o, const struct spec *s, const char *prefix, size_t plen,
                        size_t zeros, const char *body, size_t blen, bool zero_pad) {
  size_t len = plen + zeros + blen;
  if (zero_pad && !s->left && s->width > len) {
    zeros += s->width - len;
    len = s->width;
  }
  pad_before(o, s, len);
  emit(o, prefix, plen);
  pad(o, '0', zeros);
  emit(o, body, blen);
  pad_after(o, s, len);
}

static void format_integer(struct out *o, const struct spec *s, uintmax_t v, bool negative,
                           char conv) {
  char buf[sizeof(uintmax_t) * 3 + 2];
  char *end = buf + sizeof(buf), *p = end;
  unsigned base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' || conv == 'p' ? 16 : 10;
  const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  // Constant divisors let the compiler multiply and shift instead of divide.
  if (base == 10) {
    for (; v != 0; v /= 10) *--p = (char)('0' + v % 10);
  } else if (base == 16) {
    for (; v != 0; v >>= 4) *--p = digits[v & 15];
  } else {
    for (; v != 0; v >>= 3) *--p = (char)('0' + (v & 7));
  }
  size_t ndigits = (size_t)(end - p);
  char prefix[3];
  size_t plen = 0;
  if (conv == 'd' || conv == 'i') {
    if (negative)
      prefix[plen++] = '-';
    else if (s->plus)
      prefix[plen++] = '+';
    else if (s->space)
      prefix[plen++] = ' ';
  }
  if (((conv == 'x' || conv == 'X') && s->alt && ndigits > 0) || conv == 'p') {
    prefix[plen++] = '0';
    prefix[plen++] = conv == 'X' ? 'X' : 'x';
  }
  size_t precision = s->precision < 0 ? 1 : (size_t)s->precision;
  if (conv == 'o' && s->alt && precision <= ndigits) precision = ndigits + 1;
  size_t zeros = precision > ndigits ? precision - ndigits : 0;
  emit_number(o, s, prefix, plen, zeros, p, ndigits, s->zero && s->precision < 0);
}

// inf and nan: never zero padded.
static void format_special(struct out *o, const struct spec *s, bool negative, bool nan,
                           bool upper) {
  char buf[5];
  size_t n = 0;
  if (negative)
    buf[n++] = '-';
  else if (s->plus)
    buf[n++] = '+';
  else if (s->space)
    buf[n++] = ' ';
  memcpy(buf + n, nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
  n += 3;
  pad_before(o, s, n);
  emit(o, buf, n);
  pad_after(o, s, n);
}

static size_t sign_prefix(const struct spec *s, bool negative, char *prefix) {
  if (negative) {
    prefix[0] = '-';
    return 1;
  }
  if (s->plus) {
    prefix[0] = '+';
    return 1;
  }
  if (s->space) {
    prefix[0] = ' ';
    return 1;
  }
  return 0;
}

static int exponent_digits(char *buf, int e, int min) {
  char tmp[12];
  int n = 0;
  unsigned v = e < 0 ? (unsigned)-e : (unsigned)e;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < min) tmp[n++] = '0';
  int len = 0;
  buf[len++] = e < 0 ? '-' : '+';
  while (n > 0) buf[len++] = tmp[--n];
  return len;
}

// Emits the body of a decimal conversion from rounded digits: either
// d.ddde+xx or ddd.ddd. `precision` is the number of fraction digits.
static void emit_decimal(struct out *o, const struct spec *s, bool negative, const char *digits,
                         size_t n, int point, bool exponential, long precision, bool upper,
                         bool strip) {
  char prefix[1];
  size_t plen = sign_prefix(s, negative, prefix);
  if (strip) {
    // %g without '#': no trailing zeros in the fraction.
    long have = exponential ? (long)n - 1 : (long)n - point;
    if (have < 0) have = 0;
    if (precision > have) precision = have;
  }
  bool dot = precision > 0 || s->alt;
  char expbuf[16];
  int explen = 0;
  size_t intlen;
  if (exponential) {
    explen = exponent_digits(expbuf + 1, n > 0 ? point - 1 : 0, 2) + 1;
    expbuf[0] = upper ? 'E' : 'e';
    intlen = 1;
  } else {
    intlen = point > 0 ? (size_t)point : 1;
  }
  size_t len = plen + intlen + (dot ? 1 : 0) + (size_t)precision + (size_t)explen;
  size_t zeros = 0;
  if (s->zero && !s->left && s->width > len) zeros = s->width - len;
  pad_before(o, s, len + zeros);
  emit(o, prefix, plen);
  pad(o, '0', zeros);
  // Integer part.
  if (exponential || point > 0) {
    size_t avail = n < intlen ? n : intlen;
    if (n == 0)
      pad(o, '0', intlen);
    else {
      emit(o, digits, avail);
      pad(o, '0', intlen - avail);
    }
  } else {
    pad(o, '0', 1);
  }
  if (dot) emit(o, ".", 1);
  // Fraction: digits from index intlen (or the leading zeros of 0.000ddd).
  long start = exponential ? 1 : (point > 0 ? point : 0);
  long zeros_first = exponential || point > 0 ? 0 : -point;
  long remaining = precision;
  long z = zeros_first < remaining ? zeros_first : remaining;
  pad(o, '0', (size_t)z);
  remaining -= z;
  if (remaining > 0 && start < (long)n) {
    long take = (long)n - start < remaining ? (long)n - start : remaining;
    emit(o, digits + start, (size_t)take);
    remaining -= take;
  }
  pad(o, '0', (size_t)remaining);
  emit(o, expbuf, (size_t)explen);
  pad_after(o, s, len + zeros);
}

static void format_decimal(struct out *o, const struct spec *s, const struct float_parts *v,
                           char conv) {
  static _Thread_local char digits[DECIMAL_DIGITS_MAX];
  bool upper = conv == 'E' || conv == 'F' || conv == 'G';
  char lower = (char)(conv | 0x20);
  long precision = s->precision < 0 ? 6 : s->precision;
  size_t n = 0;
  int point = 1;
  if (v->kind == KIND_FINITE) {
    // Only as many digits as the rounding below looks at.
    long want;
    if (lower == 'f')
      want = __float_decimal_point_estimate(v->mantissa, v->exponent) + 1 + precision;
    else if (lower == 'e')
      want = precision + 1;
    else
      want = precision == 0 ? 1 : precision;
    n = __float_decimal_prefix(v->mantissa, v->exponent, digits, &point, want);
  }
  if (lower == 'f') {
    n = __decimal_round(digits, n, &point, (long)point + precision);
    if (n == 0) point = 1;
    emit_decimal(o, s, v->negative, digits, n, point, false, precision, upper, false);
  } else if (lower == 'e') {
    n = __decimal_round(digits, n, &point, precision + 1);
    if (n == 0) point = 1;
    emit_decimal(o, s, v->negative, digits, n, point, true, precision, upper, false);
  } else {
    long p = precision == 0 ? 1 : precision;
    n = __decimal_round(digits, n, &point, p);
    if (n == 0) point = 1;
    long x = point - 1;
    if (p > x && x >= -4)
      emit_decimal(o, s, v->negative, digits, n, point, false, p - 1 - x, upper, !s->alt);
    else
      emit_decimal(o, s, v->negative, digits, n, point, true, p - 1, upper, !s->alt);
  }
}

// %a: the leading hexadecimal digit, then the fraction digits. A double
// prints as 1.hhh (0.hhh when subnormal) with 13 fraction digits, a long
// double as its first four bits followed by 15 fraction digits.
static void format_hex(struct out *o, const struct spec *s, const struct float_parts *v,
                       bool is_long, bool upper) {
  unsigned leading;
  uint64_t frac;
  int fdigits, exponent;
  if (v->kind == KIND_ZERO) {
    leading = 0;
    frac = 0;
    fdigits = is_long ? 15 : 13;
    exponent = 0;
  } else if (is_long) {
    leading = (unsigned)(v->mantissa >> 60);
    frac = v->mantissa & (((uint64_t)1 << 60) - 1);
    fdigits = 15;
    exponent = v->exponent + 60;
  } else {
    leading = (unsigned)(v->mantissa >> 52);
    frac = v->mantissa & (((uint64_t)1 << 52) - 1);
    fdigits = 13;
    exponent = v->exponent + 52;
  }
  int precision = s->precision;
  if (precision >= 0 && precision < fdigits) {
    // Round to `precision` fraction digits, ties to even.
    int drop = 4 * (fdigits - precision);
    uint64_t kept = drop >= 64 ? 0 : frac >> drop;
    uint64_t rest = frac & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    bool odd = precision > 0 ? (kept & 1) != 0 : (leading & 1) != 0;
    if (rest > half || (rest == half && odd)) {
      ++kept;
      if (precision == 0 || kept >> (4 * precision) != 0) {
        kept = 0;
        ++leading;
      }
    }
    frac = precision > 0 ? kept << drop : 0;
  }
  if (leading >= 16) {
    // Rounding carried out of a long double's leading digit.
    leading = 1;
    exponent += 4;
  }
  const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char body[40];
  size_t blen = 0;
  body[blen++] = hex[leading];
  char fbuf[16];
  int nf = 0;
  for (int i = 0; i < fdigits; ++i) fbuf[nf++] = hex[(frac >> (4 * (fdigits - 1 - i))) & 0xf];
  if (precision < 0) {
    while (nf > 0 && fbuf[nf - 1] == '0') --nf;
  } else if (nf > precision) {
    nf = precision;
  }
  size_t extra_zeros = precision > nf ? (size_t)(precision - nf) : 0;
  bool dot = nf > 0 || extra_zeros > 0 || s->alt;
  char tail[24];
  size_t tlen = 0;
  tail[tlen++] = upper ? 'P' : 'p';
  tlen += (size_t)exponent_digits(tail + tlen, v->kind == KIND_ZERO ? 0 : exponent, 1);

  char prefix[3];
  size_t plen = sign_prefix(s, v->negative, prefix);
  prefix[plen++] = '0';
  prefix[plen++] = upper ? 'X' : 'x';
  size_t len = plen + blen + (dot ? 1 : 0) + (size_t)nf + extra_zeros + tlen;
  size_t zeros = s->zero && !s->left && s->width > len ? s->width - len : 0;
  pad_before(o, s, len + zeros);
  emit(o, prefix, plen);
  pad(o, '0', zeros);
  emit(o, body, blen);
  if (dot) emit(o, ".", 1);
  emit(o, fbuf, (size_t)nf);
  pad(o, '0', extra_zeros);
  emit(o, tail, tlen);
  pad_after(o, s, len + zeros);
}

static void format_string(struct out *o, const struct spec *s, const char *str) {
  if (str == NULL) str = "(null)";
  size_t len = s->precision < 0 ? strlen(str) : strnlen(str, (size_t)s->precision);
  pad_before(o, s, len);
  emit(o, str, len);
  pad_after(o, s, len);
}

// Wide characters are converted with the locale's character set; the
// precision limits the bytes written and never splits a character.
static bool format_wide(struct out *o, const struct spec *s, const wchar_t *ws, size_t count,
                        locale_t locale) {
  if (ws == NULL) {
    format_string(o, s, NULL);
    return true;
  }
  int charset = __locale_charset(locale);
  size_t len = 0;
  for (size_t i = 0; i < count && ws[i] != L'\0'; ++i) {
    char buf[4];
    size_t n = __c32tomb(charset, buf, (char32_t)ws[i]);
    if (n == (size_t)-1) return false;
    if (s->precision >= 0 && len + n > (size_t)s->precision) break;
    len += n;
  }
  pad_before(o, s, len);
  size_t done = 0;
  for (size_t i = 0; done < len; ++i) {
    char buf[4];
    size_t n = __c32tomb(charset, buf, (char32_t)ws[i]);
    emit(o, buf, n);
    done += n;
  }
  pad_after(o, s, len);
  return true;
}

static enum arg_type type_of(char conv, enum length len) {
  switch (conv) {
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return len == LEN_NONE || len == LEN_HH || len == LEN_H ? T_INT : T_LONG;
    case 'c':
      return T_INT;  // wint_t is int
    case 'C':
      return T_INT;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      return len == LEN_BIG_L ? T_LDOUBLE : T_DOUBLE;
    case 's':
    case 'S':
    case 'p':
      return T_PTR;
    default:
      return T_NONE;
  }
}

static size_t parse_number(const char **p) {
  size_t v = 0;
  while (**p >= '0' && **p <= '9') {
    if (v < INT_MAX) v = v * 10 + (size_t)(**p - '0');
    ++*p;
  }
  return v;
}

// Parses "n$" at *p; returns n (1..MAX_ARGS) or 0 and leaves *p alone.
static int parse_position(const char **p) {
  const char *q = *p;
  if (*q < '1' || *q > '9') return 0;
  size_t n = parse_number(&q);
  if (*q != '$') return 0;
  *p = q + 1;
  return n <= MAX_ARGS ? (int)n : -1;
}

// First pass for numbered arguments: records the type of each position.
static bool scan_positions(const char *fmt, enum arg_type types[MAX_ARGS + 1]) {
  for (const char *p = fmt; *p != '\0'; ++p) {
    if (*p != '%') continue;
    ++p;
    if (*p == '%') continue;
    int pos = parse_position(&p);
    if (pos <= 0) return false;
    while (*p != '\0' && strchr("-+ #0'", *p) != NULL) ++p;
    if (*p == '*') {
      ++p;
      int wpos = parse_position(&p);
      if (wpos <= 0) return false;
      types[wpos] = T_INT;
    } else {
      parse_number(&p);
    }
    if (*p == '.') {
      ++p;
      if (*p == '*') {
        ++p;
        int ppos = parse_position(&p);
        if (ppos <= 0) return false;
        types[ppos] = T_INT;
      } else {
        parse_number(&p);
      }
    }
    enum length len = parse_length(&p);
    if (*p == '\0') return false;
    enum arg_type t = type_of(*p, len);
    if (t != T_NONE) types[pos] = t;
  }
  return true;
}

int __vfprintf_unlocked(FILE *f, locale_t locale, const char *fmt, va_list ap_in) {
  int saved_errno = errno;
  struct out o = {.f = f};
  va_list ap;
  va_copy(ap, ap_in);

  // Numbered arguments are all fetched up front, in order.
  union arg args[MAX_ARGS + 1];
  bool numbered = false;
  {
    const char *p = strchr(fmt, '%');
    while (p != NULL && p[1] == '%') p = strchr(p + 2, '%');
    if (p != NULL && parse_position(&(const char *){p + 1}) != 0) {
      enum arg_type types[MAX_ARGS + 1] = {T_NONE};
      if (!scan_positions(fmt, types)) goto invalid;
      int last = 0;
      for (int i = 1; i <= MAX_ARGS; ++i)
        if (types[i] != T_NONE) last = i;
      for (int i = 1; i <= last; ++i) {
        switch (types[i]) {
          case T_NONE:  // a gap: the type is unknown, which is undefined
            goto invalid;
          case T_INT:
            args[i].i = va_arg(ap, int);
            break;
          case T_LONG:
            args[i].i = va_arg(ap, long);
            break;
          case T_PTR:
            args[i].p = va_arg(ap, void *);
            break;
          case T_DOUBLE:
            args[i].d = va_arg(ap, double);
            break;
          case T_LDOUBLE:
            args[i].ld = va_arg(ap, long double);
            break;
        }
      }
      numbered = true;
    }
  }

  for (const char *p = fmt; *p != '\0';) {
    if (*p != '%') {
      const char *q = strchr(p, '%');
      size_t n = q != NULL ? (size_t)(q - p) : strlen(p);
      emit(&o, p, n);
      p += n;
      continue;
    }
    const char *start = p++;
    if (*p == '%') {
      emit(&o, "%", 1);
      ++p;
      continue;
    }
    int pos = 0;
    if (numbered && (pos = parse_position(&p)) <= 0) goto invalid;
    struct spec s = {.precision = -1};
    for (;; ++p) {
      if (*p == '-')
        s.left = true;
      else if (*p == '+')
        s.plus = true;
      else if (*p == ' ')
        s.space = true;
      else if (*p == '#')
        s.alt = true;
      else if (*p == '0')
        s.zero = true;
      else if (*p != '\'')
        break;  // grouping: no separator in supported locales
    }
    if (*p == '*') {
      ++p;
      int w;
      if (numbered) {
        int wpos = parse_position(&p);
        if (wpos <= 0) goto invalid;
        w = (int)args[wpos].i;
      } else {
        w = va_arg(ap, int);
      }
      if (w < 0) {
        s.left = true;
        w = w == INT_MIN ? INT_MAX : -w;
      }
      s.width = (size_t)w;
    } else {
      s.width = parse_number(&p);
    }
    if (*p == '.') {
      ++p;
      if (*p == '*') {
        ++p;
        int prec;
        if (numbered) {
          int ppos = parse_position(&p);
          if (ppos <= 0) goto invalid;
          prec = (int)args[ppos].i;
        } else {
          prec = va_arg(ap, int);
        }
        s.precision = prec < 0 ? -1 : prec;
      } else {
        size_t prec = parse_number(&p);
        s.precision = prec > INT_MAX ? INT_MAX : (int)prec;
      }
    }
    enum length len = parse_length(&p);
    char conv = *p;
    if (conv == '\0') {
      // A truncated conversion prints as it is.
      emit(&o, start, (size_t)(p - start));
      break;
    }
    ++p;
    enum arg_type t = type_of(conv, len);
    union arg a = {0};
    if (numbered) {
      if (t != T_NONE) a = args[pos];
    } else {
      switch (t) {
        case T_NONE:
          break;
        case T_INT:
          a.i = va_arg(ap, int);
          break;
        case T_LONG:
          a.i = va_arg(ap, long);
          break;
        case T_PTR:
          a.p = va_arg(ap, void *);
          break;
        case T_DOUBLE:
          a.d = va_arg(ap, double);
          break;
        case T_LDOUBLE:
          a.ld = va_arg(ap, long double);
          break;
      }
    }
    switch (conv) {
      case 'd':
      case 'i': {
        intmax_t v = a.i;
        if (len == LEN_NONE)
          v = (int)v;
        else if (len == LEN_HH)
          v = (signed char)v;
        else if (len == LEN_H)
          v = (short)v;
        format_integer(&o, &s, v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v, v < 0, conv);
        break;
      }
      case 'o':
      case 'u':
      case 'x':
      case 'X': {
        uintmax_t v = (uintmax_t)a.i;
        if (len == LEN_NONE)
          v = (unsigned int)v;
        else if (len == LEN_HH)
          v = (unsigned char)v;
        else if (len == LEN_H)
          v = (unsigned short)v;
        format_integer(&o, &s, v, false, conv);
        break;
      }
      case 'p':
        s.precision = -1;
        format_integer(&o, &s, (uintptr_t)a.p, false, 'p');
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'a':
      case 'A': {
        struct float_parts v;
        if (t == T_LDOUBLE)
          __float_parts_ldouble(a.ld, &v);
        else
          __float_parts_double(a.d, &v);
        bool upper = conv == 'E' || conv == 'F' || conv == 'G' || conv == 'A';
        if (v.kind == KIND_INFINITE || v.kind == KIND_NAN)
          format_special(&o, &s, v.negative, v.kind == KIND_NAN, upper);
        else if (conv == 'a' || conv == 'A')
          format_hex(&o, &s, &v, t == T_LDOUBLE, upper);
        else
          format_decimal(&o, &s, &v, conv);
        break;
      }
      case 'c':
      case 'C':
        if (len == LEN_L || conv == 'C') {
          wchar_t wc = (wchar_t)a.i;
          struct spec cs = s;
          cs.precision = -1;
          if (!format_wide(&o, &cs, &wc, 1, locale)) goto bad;
        } else {
          char c = (char)a.i;
          pad_before(&o, &s, 1);
          emit(&o, &c, 1);
          pad_after(&o, &s, 1);
        }
        break;
      case 's':
      case 'S':
        if (len == LEN_L || conv == 'S') {
          if (!format_wide(&o, &s, a.p, (size_t)-1, locale)) goto bad;
        } else {
          format_string(&o, &s, a.p);
        }
        break;
      case 'm':
        format_string(&o, &s, strerror_l(saved_errno, locale));
        break;
      case 'n':
        // Not supported: see stdio.h.
        break;
      default:
        // An unknown conversion prints as it is.
        emit(&o, start, (size_t)(p - start));
        break;
    }
  }
  va_end(ap);
  if (o.failed) return -1;
  if (o.count > INT_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  return (int)o.count;
bad:
  va_end(ap);
  errno = EILSEQ;
  return -1;
invalid:
  // Numbered and unnumbered conversions mixed.
  va_end(ap);
  errno = EINVAL;
  return -1;
}
