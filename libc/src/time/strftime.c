// strftime() in the C locale (the only conventions the supported locales
// have), with the POSIX and common GNU conversions and the flags '_', '-',
// '0', '^', '+' and a field width.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

static const char *const day_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const day_abbrs[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_abbrs[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

struct out {
  char *s;
  size_t size, len;
  bool overflow;
};

static void put(struct out *o, char c) {
  if (o->len + 1 < o->size)
    o->s[o->len] = c;
  else
    o->overflow = true;
  ++o->len;
}

static void put_string(struct out *o, const char *s, bool upper, size_t width, char pad) {
  size_t len = strlen(s);
  for (; width > len; --width) put(o, pad);
  for (; *s != '\0'; ++s) put(o, upper && *s >= 'a' && *s <= 'z' ? (char)(*s - 32) : *s);
}

// A number with at least `digits` digits, padded with `pad` ('\0': none).
// With plus, years beyond four digits get a '+'.
static void put_number(struct out *o, int64_t v, size_t digits, char pad, bool plus) {
  char buf[24];
  size_t n = 0;
  bool negative = v < 0;
  uint64_t u = negative ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    buf[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (negative) {
    put(o, '-');
  } else if (plus) {
    put(o, '+');
  }
  if (pad != '\0')
    for (size_t len = n; len < digits; ++len) put(o, pad);
  while (n > 0) put(o, buf[--n]);
}

// ISO 8601 week number and week-based year.
static int iso_week(const struct tm *tm, int64_t *year) {
  int64_t y = (int64_t)tm->tm_year + 1900;
  int wday = (tm->tm_wday + 6) % 7;  // Monday = 0
  int week = (tm->tm_yday - wday + 10) / 7;
  if (week < 1) {
    // The last week of the previous year.
    --y;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int yday = tm->tm_yday + (leap ? 366 : 365);
    week = (yday - wday + 10) / 7;
  } else {
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int days = leap ? 366 : 365;
    if (tm->tm_yday - wday + 3 >= days) {
      week = 1;
      ++y;
    }
  }
  *year = y;
  return week;
}

static void format(struct out *o, const char *fmt, const struct tm *tm);

// Writes one conversion without the field width, which the caller applies.
static void conversion(struct out *o, char conv, char flag, size_t width, const struct tm *tm) {
  int64_t year = (int64_t)tm->tm_year + 1900;
  // Numbers are padded to their natural number of digits: with zeros, or
  // with spaces for %e, %k and %l or the '_' flag; '-' turns padding off.
  char zero = flag == '-' ? '\0' : flag == '_' ? ' ' : '0';
  char space = flag == '-' ? '\0' : flag == '0' ? '0' : ' ';
  bool plus = flag == '+';
#define NUM(value, digits) put_number(o, (value), (digits), zero, false)
  switch (conv) {
    case 'a':
      put_string(o, tm->tm_wday >= 0 && tm->tm_wday < 7 ? day_abbrs[tm->tm_wday] : "?", false, 0,
                 ' ');
      break;
    case 'A':
      put_string(o, tm->tm_wday >= 0 && tm->tm_wday < 7 ? day_names[tm->tm_wday] : "?", false, 0,
                 ' ');
      break;
    case 'b':
    case 'h':
      put_string(o, tm->tm_mon >= 0 && tm->tm_mon < 12 ? month_abbrs[tm->tm_mon] : "?", false, 0,
                 ' ');
      break;
    case 'B':
      put_string(o, tm->tm_mon >= 0 && tm->tm_mon < 12 ? month_names[tm->tm_mon] : "?", false, 0,
                 ' ');
      break;
    case 'c':
      format(o, "%a %b %e %H:%M:%S %Y", tm);
      break;
    case 'C': {
      int64_t c = year >= 0 ? year / 100 : -((-year + 99) / 100);
      put_number(o, c, plus ? 2 : 1, zero, plus && year > 9999 && width > 2);
      break;
    }
    case 'd':
      NUM(tm->tm_mday, 2);
      break;
    case 'D':
      format(o, "%m/%d/%y", tm);
      break;
    case 'e':
      put_number(o, tm->tm_mday, 2, space, false);
      break;
    case 'F':
      format(o, "%Y-%m-%d", tm);
      break;
    case 'g': {
      int64_t y;
      iso_week(tm, &y);
      NUM(((y % 100) + 100) % 100, 2);
      break;
    }
    case 'G': {
      int64_t y;
      iso_week(tm, &y);
      put_number(o, y, plus ? 4 : 1, zero, plus && y > 9999);
      break;
    }
    case 'H':
      NUM(tm->tm_hour, 2);
      break;
    case 'I':
      NUM(tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12, 2);
      break;
    case 'j':
      NUM(tm->tm_yday + 1, 3);
      break;
    case 'k':
      put_number(o, tm->tm_hour, 2, space, false);
      break;
    case 'l':
      put_number(o, tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12, 2, space, false);
      break;
    case 'm':
      NUM(tm->tm_mon + 1, 2);
      break;
    case 'M':
      NUM(tm->tm_min, 2);
      break;
    case 'n':
      put(o, '\n');
      break;
    case 'p':
      put_string(o, tm->tm_hour < 12 ? "AM" : "PM", false, 0, ' ');
      break;
    case 'P':
      put_string(o, tm->tm_hour < 12 ? "am" : "pm", false, 0, ' ');
      break;
    case 'r':
      format(o, "%I:%M:%S %p", tm);
      break;
    case 'R':
      format(o, "%H:%M", tm);
      break;
    case 's': {
      struct tm copy = *tm;
      NUM((int64_t)timegm(&copy), 1);
      break;
    }
    case 'S':
      NUM(tm->tm_sec, 2);
      break;
    case 't':
      put(o, '\t');
      break;
    case 'T':
      format(o, "%H:%M:%S", tm);
      break;
    case 'u':
      NUM(tm->tm_wday == 0 ? 7 : tm->tm_wday, 1);
      break;
    case 'U':
      NUM((tm->tm_yday + 7 - tm->tm_wday) / 7, 2);
      break;
    case 'V': {
      int64_t y;
      NUM(iso_week(tm, &y), 2);
      break;
    }
    case 'w':
      NUM(tm->tm_wday, 1);
      break;
    case 'W':
      NUM((tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2);
      break;
    case 'x':
      format(o, "%m/%d/%y", tm);
      break;
    case 'X':
      format(o, "%H:%M:%S", tm);
      break;
    case 'y':
      NUM(((year % 100) + 100) % 100, 2);
      break;
    case 'Y':
      put_number(o, year, plus ? 4 : 1, zero, plus && year > 9999);
      break;
    case 'z': {
      int off = tm->tm_gmtoff;
      put(o, off < 0 ? '-' : '+');
      if (off < 0) off = -off;
      put_number(o, off / 3600 * 100 + off / 60 % 60, 4, '0', false);
      break;
    }
    case 'Z':
      put_string(o, tm->tm_zone != NULL ? tm->tm_zone : "UTC", false, 0, ' ');
      break;
    case '%':
      put(o, '%');
      break;
    default:
      // Unknown conversions are copied.
      put(o, '%');
      put(o, conv);
      break;
  }
#undef NUM
}

static void format(struct out *o, const char *fmt, const struct tm *tm) {
  for (const char *p = fmt; *p != '\0'; ++p) {
    if (*p != '%') {
      put(o, *p);
      continue;
    }
    const char *start = p++;
    char flag = '\0';
    bool upper = false;
    while (*p == '_' || *p == '-' || *p == '0' || *p == '^' || *p == '+' || *p == '#') {
      if (*p == '^')
        upper = true;
      else if (*p != '#')
        flag = *p;
      ++p;
    }
    size_t width = 0;
    while (*p >= '0' && *p <= '9') width = width * 10 + (size_t)(*p++ - '0');
    if (*p == 'E' || *p == 'O') ++p;  // alternative representations: none
    if (*p == '\0') {
      for (; start < p; ++start) put(o, *start);
      return;
    }
    // The conversion's text, then the width: padded in front with zeros
    // for the '0' and '+' flags, spaces otherwise.
    char text[256];
    struct out item = {.s = text, .size = sizeof(text)};
    conversion(&item, *p, flag, width, tm);
    size_t len = item.len < sizeof(text) ? item.len : sizeof(text) - 1;
    // Numbers pad with their own padding character (zeros unless '_' or
    // '-', spaces for %e, %k and %l unless '0'); text pads with spaces unless
    // '0' or '+'.
    char pad;
    if (strchr("CdgGHIjmMSuUVwWyY", *p) != NULL)
      pad = flag == '_' || flag == '-' ? ' ' : '0';
    else if (strchr("ekl", *p) != NULL)
      pad = flag == '0' || flag == '+' ? '0' : ' ';
    else
      pad = flag == '0' || flag == '+' ? '0' : ' ';
    size_t start_digits = 0;
    if (pad == '0' && len > 0 && (text[0] == '-' || text[0] == '+')) {
      put(o, text[0]);  // zeros go after a sign
      start_digits = 1;
      if (width > 0) --width;
    }
    for (size_t w = len - start_digits; w < width; ++w) put(o, pad);
    for (size_t i = start_digits; i < len; ++i)
      put(o, upper && text[i] >= 'a' && text[i] <= 'z' ? (char)(text[i] - 32) : text[i]);
  }
}

size_t strftime(char *restrict s, size_t size, const char *restrict fmt,
                const struct tm *restrict tm) {
  struct out o = {.s = s, .size = size};
  format(&o, fmt, tm);
  if (o.overflow || size == 0) {
    if (size > 0) s[0] = '\0';
    return 0;
  }
  s[o.len] = '\0';
  return o.len;
}

size_t strftime_l(char *restrict s, size_t size, const char *restrict fmt,
                  const struct tm *restrict tm, locale_t locale) {
  (void)locale;
  return strftime(s, size, fmt, tm);
}
