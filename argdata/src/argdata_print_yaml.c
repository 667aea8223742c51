#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <argdata.h>

#include "argdata_impl.h"

/* Output format: one YAML document in flow style, every node explicitly
 * tagged, using the cloudabi-run tag namespace for file descriptors:
 *
 *   %TAG ! tag:nuxi.nl,2015:cloudabi/
 *   ---
 *   !!map {
 *     ? !!str "a"
 *     : !!seq [
 *       !!int "1",
 *       !fd "3",
 *     ],
 *   }
 *
 * Values that cannot be decoded are printed as !error "<reason>". */

#define MAX_DEPTH 128
#define MAX_INT_BYTES 1024
#define TYPE_NULL 0x100 /* not a tag byte */

static void print_value(const argdata_t *ad, FILE *fp, unsigned depth);

static int value_type(const argdata_t *ad) {
  switch (ad->kind) {
    case AD_BUFFER:
      return ad->u.buffer.len == 0 ? TYPE_NULL : ad->u.buffer.ptr[0];
    case AD_BINARY:
      return ADT_BINARY;
    case AD_STR:
      return ADT_STR;
    case AD_FD:
      return ADT_FD;
    case AD_MAP:
      return ADT_MAP;
    case AD_SEQ:
      return ADT_SEQ;
  }
  return -1;
}

static void indent(FILE *fp, unsigned depth) {
  for (unsigned i = 0; i < depth; ++i) fputs("  ", fp);
}

static void print_error(FILE *fp, const char *reason) { fprintf(fp, "!error \"%s\"", reason); }

static void print_binary(const unsigned char *p, size_t len, FILE *fp) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  fputs("!!binary \"", fp);
  for (size_t i = 0; i < len; i += 3) {
    uint32_t group = (uint32_t)p[i] << 16;
    if (i + 1 < len) group |= (uint32_t)p[i + 1] << 8;
    if (i + 2 < len) group |= p[i + 2];
    putc(alphabet[group >> 18 & 63], fp);
    putc(alphabet[group >> 12 & 63], fp);
    putc(i + 1 < len ? alphabet[group >> 6 & 63] : '=', fp);
    putc(i + 2 < len ? alphabet[group & 63] : '=', fp);
  }
  putc('"', fp);
}

static void print_float(double v, FILE *fp) {
  fputs("!!float \"", fp);
  if (v != v) {
    fputs(".nan", fp);
  } else if (v > DBL_MAX) {
    fputs(".inf", fp);
  } else if (v < -DBL_MAX) {
    fputs("-.inf", fp);
  } else {
    /* Shortest representation that reads back as the same value. */
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
      snprintf(buf, sizeof(buf), "%.*g", precision, v);
      if (strtod(buf, NULL) == v) break;
    }
    fputs(buf, fp);
  }
  putc('"', fp);
}

/* Prints an arbitrarily long two's complement big-endian integer. */
static void print_int(const unsigned char *p, size_t len, FILE *fp) {
  size_t skip = __argdata_int_trim(p, len);
  p += skip;
  len -= skip;
  if (len <= sizeof(intmax_t)) {
    bool negative = len > 0 && (p[0] & 0x80) != 0;
    uintmax_t bits = negative ? UINTMAX_MAX : 0;
    for (size_t i = 0; i < len; ++i) bits = bits << 8 | p[i];
    intmax_t v = negative ? -(intmax_t)~bits - 1 : (intmax_t)bits;
    fprintf(fp, "!!int \"%" PRIdMAX "\"", v);
    return;
  }
  if (len > MAX_INT_BYTES) {
    print_error(fp, "integer too long");
    return;
  }

  /* Magnitude, then repeated division by 10^9. */
  bool negative = (p[0] & 0x80) != 0;
  unsigned char *mag = malloc(len);
  uint32_t *chunks = malloc((len * 3 / 9 + 2) * sizeof(*chunks));
  if (mag == NULL || chunks == NULL) {
    free(mag);
    free(chunks);
    print_error(fp, "out of memory");
    return;
  }
  memcpy(mag, p, len);
  if (negative) {
    unsigned carry = 1;
    for (size_t i = len; i-- > 0;) {
      unsigned sum = (unsigned char)~mag[i] + carry;
      mag[i] = (unsigned char)sum;
      carry = sum >> 8;
    }
  }
  size_t n_chunks = 0, start = 0;
  while (start < len) {
    uint64_t rem = 0;
    for (size_t i = start; i < len; ++i) {
      uint64_t cur = rem << 8 | mag[i];
      mag[i] = (unsigned char)(cur / 1000000000);
      rem = cur % 1000000000;
    }
    chunks[n_chunks++] = (uint32_t)rem;
    while (start < len && mag[start] == 0) ++start;
  }
  fputs(negative ? "!!int \"-" : "!!int \"", fp);
  fprintf(fp, "%" PRIu32, chunks[n_chunks - 1]);
  for (size_t i = n_chunks - 1; i-- > 0;) fprintf(fp, "%09" PRIu32, chunks[i]);
  putc('"', fp);
  free(mag);
  free(chunks);
}

static void print_str(const char *s, size_t len, FILE *fp) {
  fputs("!!str \"", fp);
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
      case '\0':
        fputs("\\0", fp);
        break;
      case '\a':
        fputs("\\a", fp);
        break;
      case '\b':
        fputs("\\b", fp);
        break;
      case '\t':
        fputs("\\t", fp);
        break;
      case '\n':
        fputs("\\n", fp);
        break;
      case '\v':
        fputs("\\v", fp);
        break;
      case '\f':
        fputs("\\f", fp);
        break;
      case '\r':
        fputs("\\r", fp);
        break;
      case 0x1b:
        fputs("\\e", fp);
        break;
      case '"':
        fputs("\\\"", fp);
        break;
      case '\\':
        fputs("\\\\", fp);
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          fprintf(fp, "\\x%02x", c);
        } else if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] < 0xa0) {
          /* C1 control characters (the string is valid UTF-8). */
          unsigned char c1 = (unsigned char)s[++i];
          if (c1 == 0x85) {
            fputs("\\N", fp);
          } else {
            fprintf(fp, "\\x%02x", c1);
          }
        } else if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
          /* Line and paragraph separators. */
          fputs((unsigned char)s[i + 2] == 0xa8 ? "\\L" : "\\P", fp);
          i += 2;
        } else {
          putc(c, fp);
        }
        break;
    }
  }
  putc('"', fp);
}

static void print_timestamp(const struct timespec *ts, FILE *fp) {
  /* Proleptic Gregorian calendar date from days since 1970-01-01. */
  int64_t sec = (int64_t)ts->tv_sec;
  int64_t days = sec / 86400, secs_of_day = sec % 86400;
  if (secs_of_day < 0) {
    secs_of_day += 86400;
    --days;
  }
  int64_t z = days + 719468; /* days since 0000-03-01 */
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t day_of_era = z - era * 146097;
  int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t month_from_march = (5 * day_of_year + 2) / 153;
  int64_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);

  fprintf(fp,
          "!!timestamp \"%s%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64
          ":%02" PRId64,
          year < 0 ? "-" : "", year < 0 ? -year : year, month, day, secs_of_day / 3600,
          secs_of_day / 60 % 60, secs_of_day % 60);
  if (ts->tv_nsec != 0) {
    char frac[10];
    snprintf(frac, sizeof(frac), "%09ld", ts->tv_nsec);
    size_t n = 9;
    while (frac[n - 1] == '0') --n;
    frac[n] = '\0';
    fprintf(fp, ".%s", frac);
  }
  fputs("Z\"", fp);
}

static void print_map(const argdata_t *ad, FILE *fp, unsigned depth) {
  argdata_map_iterator_t it;
  const argdata_t *key, *value;
  argdata_map_iterate(ad, &it);
  if (it.index == ARGDATA_ITERATOR_END) {
    fputs("!!map {}", fp);
    return;
  }
  fputs("!!map {\n", fp);
  for (; argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    indent(fp, depth + 1);
    fputs("? ", fp);
    print_value(key, fp, depth + 1);
    putc('\n', fp);
    indent(fp, depth + 1);
    fputs(": ", fp);
    print_value(value, fp, depth + 1);
    fputs(",\n", fp);
  }
  if (it.index == ARGDATA_ITERATOR_INVALID) {
    indent(fp, depth + 1);
    fputs("? ", fp);
    print_error(fp, "corrupt map");
    putc('\n', fp);
  }
  indent(fp, depth);
  putc('}', fp);
}

static void print_seq(const argdata_t *ad, FILE *fp, unsigned depth) {
  argdata_seq_iterator_t it;
  const argdata_t *element;
  argdata_seq_iterate(ad, &it);
  if (it.index == ARGDATA_ITERATOR_END) {
    fputs("!!seq []", fp);
    return;
  }
  fputs("!!seq [\n", fp);
  for (; argdata_seq_get(&it, &element); argdata_seq_next(&it)) {
    indent(fp, depth + 1);
    print_value(element, fp, depth + 1);
    fputs(",\n", fp);
  }
  if (it.index == ARGDATA_ITERATOR_INVALID) {
    indent(fp, depth + 1);
    print_error(fp, "corrupt seq");
    fputs(",\n", fp);
  }
  indent(fp, depth);
  putc(']', fp);
}

static void print_value(const argdata_t *ad, FILE *fp, unsigned depth) {
  int type = value_type(ad);
  switch (type) {
    case TYPE_NULL:
      fputs("!!null \"null\"", fp);
      return;
    case ADT_BINARY: {
      const void *buf;
      size_t len;
      if (argdata_get_binary(ad, &buf, &len) == 0) {
        print_binary(buf, len, fp);
      } else {
        print_error(fp, "bad binary");
      }
      return;
    }
    case ADT_BOOL: {
      bool value;
      if (argdata_get_bool(ad, &value) == 0) {
        fputs(value ? "!!bool \"true\"" : "!!bool \"false\"", fp);
      } else {
        print_error(fp, "bad bool");
      }
      return;
    }
    case ADT_FD: {
      int fd;
      int error = argdata_get_fd(ad, &fd);
      if (error == 0) {
        fprintf(fp, "!fd \"%d\"", fd);
      } else if (error == EBADF) {
        fputs("!fd \"invalid\"", fp);
      } else {
        print_error(fp, "bad fd");
      }
      return;
    }
    case ADT_FLOAT: {
      double value;
      if (argdata_get_float(ad, &value) == 0) {
        print_float(value, fp);
      } else {
        print_error(fp, "bad float");
      }
      return;
    }
    case ADT_INT:
      print_int(ad->u.buffer.ptr + 1, ad->u.buffer.len - 1, fp);
      return;
    case ADT_MAP:
    case ADT_SEQ:
      if (depth >= MAX_DEPTH) {
        print_error(fp, "nesting too deep");
      } else if (type == ADT_MAP) {
        print_map(ad, fp, depth);
      } else {
        print_seq(ad, fp, depth);
      }
      return;
    case ADT_STR: {
      const char *s;
      size_t len;
      int error = argdata_get_str(ad, &s, &len);
      if (error == 0) {
        print_str(s, len, fp);
      } else {
        print_error(fp, error == EILSEQ ? "invalid UTF-8" : "bad string");
      }
      return;
    }
    case ADT_TIMESTAMP: {
      struct timespec ts;
      if (argdata_get_timestamp(ad, &ts) == 0) {
        print_timestamp(&ts, fp);
      } else {
        print_error(fp, "timestamp out of range");
      }
      return;
    }
    default:
      fprintf(fp, "!error \"unknown type 0x%02x\"", (unsigned)type);
      return;
  }
}

void argdata_print_yaml(const argdata_t *ad, FILE *fp) {
  fputs("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n", fp);
  print_value(ad, fp, 0);
  putc('\n', fp);
}
