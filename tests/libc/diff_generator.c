// Suites: printf_double, printf_ldouble, printf_int, strtod, strtol, scanf,
// string. See diff_generator.h.
// sprintf() builds formats; CloudABI declares it only on request.
#define _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS
#include "diff_generator.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static uint64_t state;

static uint64_t rnd(void) {
  // splitmix64
  uint64_t z = (state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

static unsigned below(unsigned n) { return (unsigned)(rnd() % n); }

// Doubles of every kind: random bit patterns (all exponents, subnormals,
// infinities, NaNs), small integers, decimal-looking values and exact ties.
static double random_double(void) {
  uint64_t bits;
  double d;
  switch (below(8)) {
    case 0:
    case 1:
    case 2:
      bits = rnd();
      memcpy(&d, &bits, sizeof(d));
      return d;
    case 3:  // subnormal or tiny
      bits = rnd() & 0x001fffffffffffff;
      if (rnd() & 1) bits |= 0x8000000000000000;
      memcpy(&d, &bits, sizeof(d));
      return d;
    case 4: {  // small integers and halves: rounding ties
      int64_t v = (int64_t)(rnd() % 20001) - 10000;
      return (double)v / (double)(1 << below(4));
    }
    case 5: {  // values near powers of ten
      static const double p[] = {1e-300, 1e-20, 1e-5, 0.1, 1, 10, 1e5, 1e15, 1e22, 1e300};
      double scale = p[below(10)];
      double v = scale * (1.0 + (double)(rnd() % 1000) / 1000.0);
      return rnd() & 1 ? -v : v;
    }
    case 6: {  // special values
      static const double s[] = {0.0,
                                 -0.0,
                                 1.0 / 0.0,
                                 -1.0 / 0.0,
                                 5e-324,
                                 1.7976931348623157e308,
                                 2.2250738585072014e-308,
                                 0.5,
                                 1.5,
                                 2.5,
                                 9.5,
                                 0.05,
                                 0.15};
      return s[below(13)];
    }
    default: {
      bits = rnd() & 0x000fffffffffffff;
      bits |= (uint64_t)(1023 - 60 + below(120)) << 52;
      memcpy(&d, &bits, sizeof(d));
      return d;
    }
  }
}

// Long doubles with valid encodings only (glibc and this libc print the
// invalid x87 encodings differently by design).
static long double random_ldouble(void) {
  union {
    long double v;
    struct {
      uint64_t m;
      uint16_t se;
    } p;
  } u;
  memset(&u, 0, sizeof(u));
  u.p.m = rnd();
  unsigned e;
  switch (below(4)) {
    case 0:
      e = below(0x7fff);
      break;  // anything finite
    case 1:
      e = 16383 - 70 + below(140);
      break;  // ordinary magnitudes
    case 2:
      e = 0;
      break;  // subnormal
    default:
      return (long double)random_double();
  }
  if (e == 0)
    u.p.m &= 0x7fffffffffffffff;
  else
    u.p.m |= 0x8000000000000000;
  u.p.se = (uint16_t)(e | (rnd() & 1 ? 0x8000 : 0));
  return u.v;
}

static void random_flags(char *p) {
  const char *flags = "-+ #0";
  for (int i = 0; i < 5; ++i)
    if (below(4) == 0) *p++ = flags[i];
  *p = '\0';
}

// A conversion specification: %[flags][width][.precision]<length><conv>.
static void make_format(char *fmt, const char *length, char conv, int max_precision) {
  char flags[8];
  random_flags(flags);
  char *p = fmt;
  *p++ = '%';
  p += sprintf(p, "%s", flags);
  if (below(3) == 0) p += sprintf(p, "%u", below(40));
  unsigned r = below(6);
  if (r == 0)
    p += sprintf(p, ".");
  else if (r < 4)
    p += sprintf(p, ".%u", below(20));
  else if (r == 4)
    p += sprintf(p, ".%u", below((unsigned)max_precision));
  sprintf(p, "%s%c", length, conv);
}

static void suite_printf_double(long count, FILE *out) {
  const char convs[] = "eEfFgGaA";
  char fmt[64], buf[2048];
  for (long i = 0; i < count; ++i) {
    double d = random_double();
    make_format(fmt, "", convs[below(8)], 800);
    // %f of huge values is long; keep lines bounded.
    int n = snprintf(buf, sizeof(buf), fmt, d);
    fprintf(out, "%s|%d|%s\n", fmt, n, buf);
  }
}

static void suite_printf_ldouble(long count, FILE *out) {
  const char convs[] = "eEfgGaA";
  char fmt[64], buf[1024];
  for (long i = 0; i < count; ++i) {
    long double d = random_ldouble();
    make_format(fmt, "L", convs[below(7)], 400);
    int n = snprintf(buf, sizeof(buf), fmt, d);
    fprintf(out, "%s|%d|%s\n", fmt, n, buf);
  }
}

static void suite_printf_int(long count, FILE *out) {
  const char *lengths[] = {"", "hh", "h", "l", "ll", "j", "z", "t"};
  const char convs[] = "diouxXc";
  char fmt[64], buf[512];
  for (long i = 0; i < count; ++i) {
    const char *len = lengths[below(8)];
    char conv = convs[below(7)];
    if (conv == 'c') len = "";
    if (conv == 'c') {
      // Only '-' and a width are defined for %c.
      const char *left = below(2) ? "-" : "";
      unsigned width = below(10);
      if (below(2))
        snprintf(fmt, sizeof(fmt), "%%%s%uc", left, width);
      else
        snprintf(fmt, sizeof(fmt), "%%%sc", left);
    } else {
      make_format(fmt, len, conv, 60);
    }
    uint64_t v = rnd();
    switch (below(4)) {
      case 0:
        v &= 0xff;
        break;
      case 1:
        v &= 0xffff;
        break;
      case 2:
        v = (uint64_t)(int64_t)(int32_t)v;
        break;
      default:
        break;
    }
    if (below(10) == 0) v = 0;
    int n;
    if (strcmp(len, "") == 0 || strcmp(len, "hh") == 0 || strcmp(len, "h") == 0)
      n = snprintf(buf, sizeof(buf), fmt, (int)v);
    else
      n = snprintf(buf, sizeof(buf), fmt, (long)v);
    fprintf(out, "%s|%d|%s\n", fmt, n, buf);
  }
  // Numbered arguments.
  for (long i = 0; i < count / 20; ++i) {
    int a = (int)rnd(), b = (int)rnd();
    double c = random_double();
    int width = (int)below(20), precision = (int)below(30);
    char s[] = "str";
    int n =
        snprintf(buf, sizeof(buf), "%3$s %2$*4$d %1$x %5$.*6$e %2$i", a, b, s, width, c, precision);
    fprintf(out, "pos|%d|%s\n", n, buf);
  }
}

static void random_decimal(char *p) {
  if (below(4) == 0) *p++ = below(2) ? '-' : '+';
  unsigned digits = 1 + below(below(8) == 0 ? 60 : 20);
  unsigned point = below(digits + 1);
  for (unsigned i = 0; i < digits; ++i) {
    if (i == point && below(2)) *p++ = '.';
    *p++ = (char)('0' + below(10));
  }
  if (below(3)) {
    int e;
    switch (below(4)) {
      case 0:
        e = (int)below(700) - 350;
        break;
      case 1:
        e = (int)below(60) - 30;
        break;
      case 2:
        e = -(int)below(5000);
        break;  // long double subnormals and below
      default:
        e = (int)below(10000) - 5000;
        break;
    }
    p += sprintf(p, "%c%d", below(2) ? 'e' : 'E', e);
  }
  *p = '\0';
}

static void dump_ldouble(FILE *out, long double v) {
  unsigned char b[10];
  memcpy(b, &v, 10);
  if (v != v) {
    // NaN payloads differ between implementations; only the sign counts.
    fprintf(out, "%snan", b[9] & 0x80 ? "-" : "");
    return;
  }
  for (int i = 9; i >= 0; --i) fprintf(out, "%02x", b[i]);
}

static void suite_strtod(long count, FILE *out) {
  char s[256];
  for (long i = 0; i < count; ++i) {
    switch (below(5)) {
      case 0: {  // a printed double read back
        int precision = (int)below(20);
        snprintf(s, sizeof(s), "%.*g", precision, random_double());
        break;
      }
      case 1:
        snprintf(s, sizeof(s), "%a", random_double());
        break;
      case 2: {
        int precision = (int)below(25);
        snprintf(s, sizeof(s), "%.*Le", precision, random_ldouble());
        break;
      }
      default:
        random_decimal(s);
        break;
    }
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    int e1 = errno;
    errno = 0;
    float f = strtof(s, NULL);
    int e2 = errno;
    errno = 0;
    long double ld = strtold(s, NULL);
    int e3 = errno;
    uint64_t db;
    uint32_t fb;
    memcpy(&db, &d, 8);
    memcpy(&fb, &f, 4);
    if (d != d) db = d < 0 ? 1 : 0;  // NaN payloads vary
    if (f != f) fb = 0;
    fprintf(out, "%s|%td|%016" PRIx64 "|%d|%08" PRIx32 "|%d|", s, end - s, db, e1 == ERANGE, fb,
            e2 == ERANGE);
    dump_ldouble(out, ld);
    fprintf(out, "|%d\n", e3 == ERANGE);
  }
}

static void suite_strtol(long count, FILE *out) {
  char s[128];
  const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCXYZ";
  for (long i = 0; i < count; ++i) {
    char *p = s;
    if (below(3) == 0) *p++ = ' ';
    if (below(3) == 0) *p++ = below(2) ? '-' : '+';
    if (below(4) == 0) {
      *p++ = '0';
      if (below(2)) *p++ = below(2) ? 'x' : 'X';
    }
    unsigned n = below(below(5) == 0 ? 40 : 22);
    for (unsigned k = 0; k < n; ++k) *p++ = digits[below(below(2) ? 10 : (unsigned)strlen(digits))];
    *p = '\0';
    int bases[] = {0, 2, 8, 10, 16, 36, (int)below(37)};
    int base = bases[below(7)];
    if (base == 1) base = 0;
    char *end1, *end2;
    errno = 0;
    long l = strtol(s, &end1, base);
    int e1 = errno;
    errno = 0;
    unsigned long long u = strtoull(s, &end2, base);
    int e2 = errno;
    fprintf(out, "%s|%d|%ld|%td|%d|%llu|%td|%d\n", s, base, l, end1 - s, e1 == ERANGE, u, end2 - s,
            e2 == ERANGE);
  }
}

static void suite_scanf(long count, FILE *out) {
  char s[256];
  for (long i = 0; i < count; ++i) {
    int kind = (int)below(6);
    int a = 0, b = 0;
    unsigned u = 0;
    double d = 0, d2 = 0;
    long double ld = 0;
    char w1[64] = "", w2[64] = "";
    int r = 0;
    switch (kind) {
      case 0:
        a = (int)rnd();
        b = (int)(rnd() % 1000);
        snprintf(s, sizeof(s), " %d  %d", a, b);
        r = sscanf(s, "%d%d", &a, &b);
        fprintf(out, "%d|%d|%d\n", r, a, b);
        break;
      case 1:
        u = (unsigned)rnd();
        a = (int)rnd();
        snprintf(s, sizeof(s), "%x:%o", u, (unsigned)a);
        r = sscanf(s, "%x:%o", &u, (unsigned *)&a);
        fprintf(out, "%d|%u|%u\n", r, u, (unsigned)a);
        break;
      case 2: {
        int precision = (int)below(20);
        d = random_double();
        d2 = random_double();
        snprintf(s, sizeof(s), "%.*g,%a", precision, d, d2);
        r = sscanf(s, "%lf,%lf", &d, &d2);
        uint64_t x, y;
        memcpy(&x, &d, 8);
        memcpy(&y, &d2, 8);
        if (d != d) x = 0;
        if (d2 != d2) y = 0;
        fprintf(out, "%d|%016" PRIx64 "|%016" PRIx64 "\n", r, x, y);
        break;
      }
      case 3:
        a = (int)below(25);
        ld = random_ldouble();
        snprintf(s, sizeof(s), "%.*Le", a, ld);
        r = sscanf(s, "%Lg", &ld);
        fprintf(out, "%d|", r);
        dump_ldouble(out, ld);
        fprintf(out, "\n");
        break;
      case 4: {
        char *p = s;
        unsigned n = below(20);
        for (unsigned k = 0; k < n; ++k) *p++ = (char)(below(4) == 0 ? ' ' : 'a' + below(26));
        *p = '\0';
        r = sscanf(s, "%20s %5[a-m]%n", w1, w2, &a);
        fprintf(out, "%d|%s|%s|%d\n", r, w1, r == 2 ? w2 : "", r == 2 ? a : -1);
        break;
      }
      default: {
        int width = 1 + (int)below(12);
        a = (int)(rnd() % 100000);
        b = (int)(rnd() % 100000);
        snprintf(s, sizeof(s), "%d%d", a, b);
        char fmt[32];
        snprintf(fmt, sizeof(fmt), "%%%dd%%i", width);
        r = sscanf(s, fmt, &a, &b);
        fprintf(out, "%d|%d|%d\n", r, a, r == 2 ? b : 0);
        break;
      }
    }
  }
}

static int sign(int v) { return (v > 0) - (v < 0); }

// FNV-1a of a region, to print what memcpy and friends left in memory.
static uint64_t hash_bytes(const unsigned char *p, size_t n) {
  uint64_t h = 14695981039346656037u;
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211u;
  return h;
}

// memcpy, memmove (overlapping either way) and memset with random lengths
// and alignments on a buffer that keeps its contents from case to case; the
// hash covers the destination and 16 bytes on either side of it.
static void copy_case(FILE *out) {
  static unsigned char m[9000];
  static bool filled;
  if (!filled) {
    for (size_t k = 0; k < sizeof(m); ++k) m[k] = (unsigned char)rnd();
    filled = true;
  }
  size_t len = below(8) == 0 ? below(4100) : below(100);
  size_t src = 80 + below(64), dst;
  switch (below(3)) {
    case 0:
      dst = 4400 + below(64);
      memcpy(m + dst, m + src, len);
      break;
    case 1:
      dst = src + 64 - below(129);  // up to 64 bytes either way: overlapping
      memmove(m + dst, m + src, len);
      break;
    default:
      dst = src;
      memset(m + dst, (int)rnd(), len);
      break;
  }
  fprintf(out, "copy|%zu|%zu|%zu|%016llx\n", len, src, dst,
          (unsigned long long)hash_bytes(m + dst - 16, len + 32));
}

static void suite_string(long count, FILE *out) {
  static char a[4200], b[4200];
  for (long i = 0; i < count; ++i) {
    // Random contents from a small alphabet make matches likely.
    size_t off1 = below(16), off2 = below(16);
    size_t len1 = below(below(8) == 0 ? 4000 : 80), len2 = below(below(8) == 0 ? 40 : 8);
    char *x = a + off1, *y = b + off2;
    char alphabet = (char)(2 + below(4));
    for (size_t k = 0; k < len1; ++k) x[k] = (char)('a' + below((unsigned)alphabet));
    x[len1] = '\0';
    for (size_t k = 0; k < len2; ++k) y[k] = (char)('a' + below((unsigned)alphabet));
    y[len2] = '\0';
    if (len1 > 0 && below(4) == 0) {
      size_t at = below((unsigned)len1);
      x[at] = (char)(0x80 + below(0x80));
    }
    char *found = strstr(x, y);
    void *mfound = memmem(x, len1, y, len2);
    char *chr = strchr(x, 'a' + (int)below(6));
    char *rchr = strrchr(x, 'a' + (int)below(6));
    void *mchr = memchr(x, 'a' + (int)below(6), len1);
    size_t n = below(100);
    fprintf(out, "%zu|%d|%d|%d|%zu|%zu|%td|%td|%td|%td|%td|%d\n", strlen(x), sign(strcmp(x, y)),
            sign(strncmp(x, y, n)), sign(memcmp(x, y, len1 < len2 ? len1 : len2)), strspn(x, y),
            strcspn(x, y), found ? found - x : -1, mfound ? (char *)mfound - x : -1,
            chr ? chr - x : -1, rchr ? rchr - x : -1, mchr ? (char *)mchr - x : -1,
            sign(strcasecmp(x, y)));
    copy_case(out);
  }
}

// strftime() on random times with every conversion and random flags and
// widths (not %Z: glibc calls UTC "GMT"; %z only plain, as glibc pads it
// in ways of its own).
static void suite_strftime(long count, FILE *out) {
  const char convs[] = "aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyYz%";
  const char flags[] = "_-0^";
  char fmt[32], buf[256];
  for (long i = 0; i < count; ++i) {
    int64_t range = (int64_t)(rnd() % 4);
    int64_t span = range == 0 ? 4000000000LL : range == 1 ? 400000000000LL : 2000000000LL;
    time_t t = (time_t)((int64_t)(rnd() % (uint64_t)(2 * span)) - span / (range == 2 ? 1000 : 1));
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) continue;
    char *p = fmt;
    *p++ = '%';
    if (below(3) == 0) *p++ = flags[below(4)];
    if (below(4) == 0) p += sprintf(p, "%u", below(12));
    *p++ = convs[below((unsigned)(sizeof(convs) - 1))];
    *p = '\0';
    if (p[-1] == 'z') strcpy(fmt, "%z");
    size_t n = strftime(buf, sizeof(buf), fmt, &tm);
    fprintf(out, "%lld|%s|%zu|%s\n", (long long)t, fmt, n, buf);
  }
}

// strptime() reading back what strftime() wrote, for random formats of
// one to four conversions. Only the fields the conversions set are printed
// (glibc also derives tm_wday and tm_yday in cases this libc does not).
// Not %C: glibc lets it override a %Y that follows.
static void suite_strptime(long count, FILE *out) {
  enum { YEAR = 1, MON = 2, MDAY = 4, HOUR = 8, MIN = 16, SEC = 32, WDAY = 64, YDAY = 128 };
  static const struct {
    const char *conv;
    int fields;
  } convs[] = {
      {"%Y", YEAR},
      {"%y", YEAR},
      {"%m", MON},
      {"%b", MON},
      {"%B", MON},
      {"%h", MON},
      {"%d", MDAY},
      {"%e", MDAY},
      {"%H", HOUR},
      {"%I%p", HOUR},
      {"%M", MIN},
      {"%S", SEC},
      {"%j", YDAY},
      {"%a", WDAY},
      {"%A", WDAY},
      {"%w", WDAY},
      {"%D", MON | MDAY | YEAR},
      {"%x", MON | MDAY | YEAR},
      {"%T", HOUR | MIN | SEC},
      {"%X", HOUR | MIN | SEC},
      {"%R", HOUR | MIN},
      {"%r", HOUR | MIN | SEC},
      {"%F", YEAR | MON | MDAY},
      {"%c", WDAY | MON | MDAY | HOUR | MIN | SEC | YEAR},
      {"%%", 0},
      {"%n", 0},
  };
  static const char *const separators[] = {"", " ", "-", "/", ":", "  ", "T", ","};
  for (long i = 0; i < count; ++i) {
    char fmt[64] = "";
    int fields = 0, n = 1 + (int)below(4);
    for (int k = 0; k < n; ++k) {
      int c = (int)below(sizeof(convs) / sizeof(convs[0]));
      strcat(fmt, convs[c].conv);
      fields |= convs[c].fields;
      if (k + 1 < n) strcat(fmt, separators[below(sizeof(separators) / sizeof(separators[0]))]);
    }
    // Years 1000 to 9999, so that %Y has four digits.
    time_t t = (time_t)(rnd() % 253402300800ull) + (below(2) ? 0 : -30610224000ll);
    if (t < -30610224000ll) t = -30610224000ll;
    struct tm in, got;
    gmtime_r(&t, &in);
    char text[256];
    strftime(text, sizeof(text), fmt, &in);
    memset(&got, 0, sizeof(got));
    got.tm_year = 70;
    char *end = strptime(text, fmt, &got);
    fprintf(out, "%s|%s|%td", fmt, text, end != NULL ? end - text : -1);
    if (end != NULL) {
      if (fields & YEAR) fprintf(out, "|Y%d", got.tm_year);
      if (fields & MON) fprintf(out, "|m%d", got.tm_mon);
      if (fields & MDAY) fprintf(out, "|d%d", got.tm_mday);
      if (fields & HOUR) fprintf(out, "|H%d", got.tm_hour);
      if (fields & MIN) fprintf(out, "|M%d", got.tm_min);
      if (fields & SEC) fprintf(out, "|S%d", got.tm_sec);
      if (fields & WDAY) fprintf(out, "|w%d", got.tm_wday);
      if (fields & YDAY) fprintf(out, "|j%d", got.tm_yday);
    }
    fputc('\n', out);
  }
}

int diff_run_suite(const char *suite, uint64_t seed, long count, FILE *out) {
  state = seed;
  if (strcmp(suite, "printf_double") == 0)
    suite_printf_double(count, out);
  else if (strcmp(suite, "printf_ldouble") == 0)
    suite_printf_ldouble(count, out);
  else if (strcmp(suite, "printf_int") == 0)
    suite_printf_int(count, out);
  else if (strcmp(suite, "strtod") == 0)
    suite_strtod(count, out);
  else if (strcmp(suite, "strtol") == 0)
    suite_strtol(count, out);
  else if (strcmp(suite, "scanf") == 0)
    suite_scanf(count, out);
  else if (strcmp(suite, "string") == 0)
    suite_string(count, out);
  else if (strcmp(suite, "strftime") == 0)
    suite_strftime(count, out);
  else if (strcmp(suite, "strptime") == 0)
    suite_strptime(count, out);
  else
    return -1;
  return 0;
}
